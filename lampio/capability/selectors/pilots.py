"""Reads of the pilot library: who may see and change what, one pilot with everything on its
page, and the choices its forms offer.

The library is shared learning: every member of the network's staff sees every pilot. Changes
are narrower: the lead organisation (MANAGE) edits a pilot; its lead and participating
organisations contribute documents, lessons and webinars; a lesson is changed only by the
organisation that wrote it; network admins may do all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from lampio.capability.models import (
    Initiative,
    Lesson,
    PhaseKind,
    Pilot,
    PilotDocument,
    PilotPhase,
    PilotStatus,
    Webinar,
)
from lampio.core.errors import NotFound
from lampio.offerings.models import Occurrence, Offering, OfferingStatus
from lampio.offerings.models.schedule import OPEN_STATUSES
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import (
    Action,
    Actor,
    actions_in,
    can,
    has_any_role,
    is_network_admin,
    roles_of,
)

# --- Who may do what ----------------------------------------------------------------------------


def organisations_where(actor: Actor, action: Action) -> list[int]:
    """Ids of the organisations where the actor's role grants `action` (not for admins)."""
    return [pk for pk in roles_of(actor) if action in actions_in(actor, pk)]


def may_see_library(actor: Actor) -> bool:
    return has_any_role(actor)


def may_edit_pilot(actor: Actor, pilot: Pilot) -> bool:
    """The lead organisation's staff change the pilot itself: texts, phases, documents."""
    return can(actor, Action.MANAGE, pilot)


def contributing_organisations(actor: Actor, pilot: Pilot) -> QuerySet[Organisation]:
    """The lead and participating organisations the actor may write lessons and add webinars for.

    Network admins may write for any of them (e.g. notes from a round-table they chaired)."""
    ids = {pilot.organisation_id, *pilot.participants.values_list("pk", flat=True)}
    if not is_network_admin(actor):
        ids &= set(organisations_where(actor, Action.MANAGE))
    return Organisation.objects.filter(pk__in=ids).select_related("municipality").order_by("pk")


def may_contribute(actor: Actor, pilot: Pilot) -> bool:
    return contributing_organisations(actor, pilot).exists()


def may_edit_lesson(actor: Actor, lesson: Lesson) -> bool:
    """Only the writing organisation's staff (or network admins) change its words."""
    return can(actor, Action.MANAGE, lesson)


def may_change_initiative(actor: Actor, initiative: Initiative) -> bool:
    """A network initiative (no organisation) is the network admins'; else its organisation's."""
    if initiative.organisation_id is None:
        return is_network_admin(actor)
    return can(actor, Action.MANAGE, initiative)


def may_see_initiative(actor: Actor, initiative: Initiative) -> bool:
    if initiative.organisation_id is None:
        return has_any_role(actor)
    return can(actor, Action.VIEW, initiative)


def initiative_for_linking(*, actor: Actor, initiative_id: int) -> Initiative:
    """An initiative the actor may see; another organisation's is not found."""
    initiative = Initiative.objects.select_related("organisation").filter(pk=initiative_id).first()
    if initiative is None or not may_see_initiative(actor, initiative):
        raise NotFound()
    return initiative


def changeable_initiatives(actor: Actor) -> QuerySet[Initiative]:
    """The roadmap initiatives a pilot form may link to: those the actor may change."""
    initiatives = Initiative.objects.select_related("organisation")
    if is_network_admin(actor):
        return initiatives.order_by("title", "pk")
    managed = organisations_where(actor, Action.MANAGE)
    return initiatives.filter(organisation__in=managed).order_by("title", "pk")


# --- Choices of the forms -----------------------------------------------------------------------


def lead_organisations(actor: Actor) -> QuerySet[Organisation]:
    """Organisations the actor may start a pilot for (MANAGE there)."""
    organisations = Organisation.objects.select_related("municipality").order_by(
        "municipality__slug", "name"
    )
    if is_network_admin(actor):
        return organisations
    return organisations.filter(pk__in=organisations_where(actor, Action.MANAGE))


def all_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("municipality").order_by(
        "municipality__slug", "name"
    )


def all_municipalities() -> QuerySet[Municipality]:
    return Municipality.objects.order_by("name")


def publishable_offerings(actor: Actor) -> QuerySet[Offering]:
    """Offerings a webinar may wrap: not cancelled, not yet a webinar, of an organisation where
    the actor publishes (registration and reminders then stay with that organisation)."""
    offerings = (
        Offering.objects.exclude(status=OfferingStatus.CANCELLED)
        .filter(webinar__isnull=True)
        .select_related("organisation__municipality")
        .order_by("title", "pk")
    )
    if is_network_admin(actor):
        return offerings
    return offerings.filter(organisation__in=organisations_where(actor, Action.PUBLISH))


# --- The library and one pilot ------------------------------------------------------------------


def staff_pilots() -> QuerySet[Pilot]:
    return Pilot.objects.select_related("organisation__municipality").prefetch_related(
        "municipalities", "phases"
    )


def public_pilots() -> QuerySet[Pilot]:
    """What residents see: pilots that have started (a planned pilot may still change)."""
    return staff_pilots().exclude(status=PilotStatus.PLANNED)


def _pilot_rows(pilots: QuerySet[Pilot]) -> QuerySet[Pilot]:
    return pilots.select_related("organisation__municipality").prefetch_related(
        "municipalities",
        Prefetch("participants", queryset=all_organisations()),
        Prefetch("initiatives", queryset=Initiative.objects.order_by("title", "pk")),
        Prefetch(
            "documents",
            queryset=PilotDocument.objects.filter(webinar__isnull=True).order_by("-added_at"),
            to_attr="own_documents",
        ),
        Prefetch(
            "lessons",
            queryset=Lesson.objects.select_related("organisation__municipality").order_by(
                "created_at", "pk"
            ),
        ),
        Prefetch(
            "webinars",
            queryset=Webinar.objects.select_related(
                "offering__organisation__municipality"
            ).prefetch_related("materials"),
        ),
    )


def pilot_for_staff(*, actor: Actor, pilot_id: int) -> Pilot:
    pilot = _pilot_rows(Pilot.objects.all()).filter(pk=pilot_id).first()
    if pilot is None or not may_see_library(actor):
        raise NotFound()
    return pilot


def public_pilot(*, pilot_id: int) -> Pilot:
    pilot = _pilot_rows(public_pilots()).filter(pk=pilot_id).first()
    if pilot is None:
        raise NotFound()
    return pilot


@dataclass(frozen=True)
class PhaseRow:
    """One of the five phases, in their fixed order; `phase` is None until it is recorded."""

    kind: str
    label: str
    phase: PilotPhase | None


def phases_in_order(pilot: Pilot) -> list[PhaseRow]:
    recorded = {phase.kind: phase for phase in pilot.phases.all()}
    return [PhaseRow(kind, str(label), recorded.get(kind)) for kind, label in PhaseKind.choices]


@dataclass
class WebinarRow:
    webinar: Webinar
    next_time: Occurrence | None
    has_passed: bool
    materials: list[PilotDocument] = field(default_factory=list)


def webinar_rows(pilot: Pilot, *, now: datetime | None = None) -> list[WebinarRow]:
    """The pilot's webinars with their next public time (registration is the offering's own)."""
    now = now or timezone.now()
    rows = []
    for webinar in pilot.webinars.all():
        times = Occurrence.objects.filter(offering=webinar.offering_id, is_public=True)
        upcoming = times.filter(ends_at__gt=now, status__in=OPEN_STATUSES).order_by("starts_at")
        next_time = upcoming.first()
        rows.append(
            WebinarRow(
                webinar=webinar,
                next_time=next_time,
                has_passed=next_time is None and times.exists(),
                materials=list(webinar.materials.all()),
            )
        )
    return rows


def webinar_for_staff(*, actor: Actor, webinar_id: int) -> Webinar:
    webinar = (
        Webinar.objects.select_related("offering__organisation", "pilot")
        .filter(pk=webinar_id)
        .first()
    )
    if webinar is None or not may_see_library(actor):
        raise NotFound()
    return webinar


def document_for_staff(*, actor: Actor, document_id: int) -> PilotDocument:
    document = PilotDocument.objects.select_related("pilot").filter(pk=document_id).first()
    if document is None or not may_see_library(actor):
        raise NotFound()
    return document


def lesson_for_staff(*, actor: Actor, lesson_id: int) -> Lesson:
    lesson = Lesson.objects.select_related("pilot", "organisation").filter(pk=lesson_id).first()
    if lesson is None or not may_see_library(actor):
        raise NotFound()
    return lesson


def linked_pilots(initiative: Initiative) -> QuerySet[Pilot]:
    return (
        Pilot.objects.filter(initiatives=initiative)
        .select_related("organisation__municipality")
        .order_by("title", "pk")
    )


def pilots_to_link(initiative: Initiative) -> QuerySet[Pilot]:
    return (
        Pilot.objects.exclude(initiatives=initiative)
        .select_related("organisation__municipality")
        .order_by("title", "pk")
    )


def upcoming_public_webinars(*, now: datetime | None = None) -> list[WebinarRow]:
    """Published webinars with a time still ahead, soonest first, for the public library."""
    now = now or timezone.now()
    webinars = (
        Webinar.objects.filter(offering__status=OfferingStatus.PUBLISHED)
        .filter(Q(pilot__isnull=True) | ~Q(pilot__status=PilotStatus.PLANNED))
        .select_related("offering__organisation__municipality", "pilot")
        .prefetch_related("materials")
    )
    rows = []
    for webinar in webinars:
        next_time = (
            Occurrence.objects.filter(
                offering=webinar.offering_id,
                is_public=True,
                ends_at__gt=now,
                status__in=OPEN_STATUSES,
            )
            .order_by("starts_at")
            .first()
        )
        if next_time is not None:
            rows.append(WebinarRow(webinar=webinar, next_time=next_time, has_passed=False))
    return sorted(rows, key=lambda row: row.next_time.starts_at if row.next_time else now)
