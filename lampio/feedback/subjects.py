"""What a resident's feedback is about, and where it goes: reads for the feedback form.

The subject comes from the address (`?space=12`, `?booking=5` ...) and is looked up through the
owning app's own selectors, so a resident can only name what they may see: a members-only
space of someone else's organisation, an unpublished offering or another person's booking is
not found (404), and its existence is not revealed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lampio.bookings import selectors as booking_selectors
from lampio.core.errors import NotFound
from lampio.feedback.routing import Subject
from lampio.offerings import selectors as offering_selectors
from lampio.spaces import selectors as space_selectors
from lampio.tenancy.models import Municipality
from lampio.tenancy.permissions import Actor

SUBJECT_KINDS = ("venue", "space", "booking", "offering", "occurrence")
# The category a subject most likely belongs to; used only as the form's first choice.
LIKELY_CATEGORY = {
    "venue": "spaces",
    "space": "spaces",
    "booking": "bookings",
    "offering": "events",
    "occurrence": "events",
}


@dataclass(frozen=True)
class ChosenSubject:
    """A subject the actor may see, how to name it on the page, and its municipality."""

    subject: Subject = field(default_factory=Subject)
    kind: str = ""
    label: str = ""
    municipality: Municipality | None = None
    online: bool = False

    @property
    def likely_category(self) -> str:
        return "digital" if self.online else LIKELY_CATEGORY.get(self.kind, "")


def _when(moment: object) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")  # type: ignore[arg-type]


def _object_id(value: str) -> int:
    if not value.isdigit() or len(value) > 12:
        raise NotFound()
    return int(value)


def subject_from_query(*, actor: Actor, query: Mapping[str, str]) -> ChosenSubject:
    """The first of venue/space/booking/offering/occurrence in `query`; none: feedback in general.

    NotFound when the id names nothing the actor may see.
    """
    kind = next((name for name in SUBJECT_KINDS if query.get(name)), "")
    if not kind:
        return ChosenSubject()
    object_id = _object_id(str(query.get(kind, "")))
    if kind == "venue":
        venue = space_selectors.venue_for(actor=actor, venue_id=object_id)
        return ChosenSubject(
            Subject(venue=venue), kind, venue.name, venue.organisation.municipality
        )
    if kind == "space":
        space = space_selectors.space_for(actor=actor, space_id=object_id)
        return ChosenSubject(
            Subject(space=space),
            kind,
            f"{space.name}, {space.venue.name}",
            space.venue.organisation.municipality,
        )
    if kind == "booking":
        if not actor.is_authenticated:
            raise NotFound()
        booking = booking_selectors.booking_of(actor=actor, booking_id=object_id)
        space = booking.space
        label = _("Your booking: %(space)s, %(venue)s, %(when)s") % {
            "space": space.name,
            "venue": space.venue.name,
            "when": _when(booking.starts_at),
        }
        return ChosenSubject(
            Subject(booking=booking), kind, label, space.venue.organisation.municipality
        )
    if kind == "offering":
        offering = offering_selectors.public_offering(object_id, actor=actor)
        return ChosenSubject(
            Subject(offering=offering),
            kind,
            str(offering.title),
            offering.organisation.municipality,
            online=offering.is_online,
        )
    occurrence = offering_selectors.public_occurrence(object_id)
    offering = occurrence.offering
    return ChosenSubject(
        Subject(occurrence=occurrence),
        kind,
        f"{offering.title}, {_when(occurrence.starts_at)}",
        offering.organisation.municipality,
        online=offering.is_online,
    )


def municipalities_taking_feedback() -> QuerySet[Municipality]:
    """The municipalities that have set up their feedback desk, by name."""
    return Municipality.objects.filter(feedback_jurisdiction__isnull=False).order_by("name")


def municipality_taking_feedback(slug: str) -> Municipality | None:
    if not slug:
        return None
    return municipalities_taking_feedback().filter(slug=slug).first()


def default_municipality(chosen_slug: str) -> Municipality | None:
    """The city the person chose for the site, if it takes feedback; else the only one that does."""
    chosen = municipality_taking_feedback(chosen_slug)
    if chosen is not None:
        return chosen
    candidates = list(municipalities_taking_feedback()[:2])
    return candidates[0] if len(candidates) == 1 else None


def takes_feedback(municipality: Municipality) -> bool:
    return municipalities_taking_feedback().filter(pk=municipality.pk).exists()
