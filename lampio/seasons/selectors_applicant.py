"""Reads of the applicant's pages: the rounds to apply to, one's own applications, outcomes.

A round is public once its organisation is active (applicants must see upcoming rounds to plan);
what an application got is shown only after the round is published, because until then the
allocations are staff's working draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.seasons.models import (
    Allocation,
    Application,
    ApplicationRound,
    RoundPhase,
    WishedSlot,
)
from lampio.spaces.models import Space
from lampio.tenancy.models import Membership, Municipality, Organisation

# Published rounds stay on the list this long, so applicants find what they got.
RECENTLY_PUBLISHED = timedelta(days=120)


def visible_rounds() -> QuerySet[ApplicationRound]:
    return ApplicationRound.objects.filter(organisation__is_active=True).select_related(
        "organisation__municipality"
    )


def open_rounds(
    *, municipality: Municipality | None = None, now: datetime
) -> list[tuple[ApplicationRound, RoundPhase]]:
    """Rounds open or opening later, and those published lately; open ones first."""
    rounds = visible_rounds().filter(
        Q(published_at__isnull=True, applications_close_at__gt=now)
        | Q(published_at__gte=now - RECENTLY_PUBLISHED)
    )
    if municipality is not None:
        rounds = rounds.filter(organisation__municipality=municipality)
    order = {RoundPhase.OPEN: 0, RoundPhase.UPCOMING: 1, RoundPhase.PUBLISHED: 2}
    found = [(application_round, application_round.phase(now)) for application_round in rounds]
    return sorted(
        found,
        key=lambda pair: (order.get(pair[1], 3), pair[0].applications_close_at, pair[0].pk),
    )


def round_for_applicant(*, round_id: int) -> ApplicationRound:
    found = visible_rounds().filter(pk=round_id).first()
    if found is None:
        raise NotFound()
    return found


def round_spaces(application_round: ApplicationRound) -> QuerySet[Space]:
    return application_round.spaces.select_related("venue").order_by("venue__name", "name", "pk")


def applicant_organisations(*, actor: User) -> QuerySet[Organisation]:
    """The organisations the actor may apply for: any membership, whatever its role."""
    return Organisation.objects.filter(memberships__user=actor, is_active=True).order_by("name")


def applications_of(*, actor: User) -> QuerySet[Application]:
    """The actor's own applications and those of the organisations they are a member of."""
    member_of = Membership.objects.filter(user=actor).values("organisation_id")
    return (
        Application.objects.filter(Q(applicant=actor) | Q(for_organisation__in=member_of))
        .select_related("application_round__organisation", "for_organisation", "requested_class")
        .order_by("-application_round__applications_close_at", "-submitted_at")
    )


def application_of(*, actor: User, application_id: int) -> Application:
    found = (
        applications_of(actor=actor)
        .select_related("priority_class", "applicant")
        .filter(pk=application_id)
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def wishes_of(application: Application) -> list[WishedSlot]:
    return list(
        application.wishes.prefetch_related("space_choices__space__venue").order_by(
            "position", "pk"
        )
    )


@dataclass(frozen=True)
class WishOutcome:
    wish: WishedSlot
    spaces: list[Space]  # first choice first
    allocated: bool
    space: Space | None = None
    weekday: int | None = None
    starts: time | None = None
    ends: time | None = None
    series_url: str | None = None


def _series_url(series_id: int | None) -> str | None:
    """The page of the booking series, where the bookings app has one; else "My bookings"."""
    if series_id is None:
        return None
    try:
        return reverse("series:detail", kwargs={"series_pk": series_id})
    except NoReverseMatch:
        return reverse("bookings:mine")


def outcome_of(application: Application, *, now: datetime) -> list[WishOutcome] | None:
    """Per wish what it got; None until the round is published (allocations are a draft)."""
    if application.application_round.phase(now) != RoundPhase.PUBLISHED:
        return None
    wishes = wishes_of(application)
    allocations = {
        allocation.wish_id: allocation
        for allocation in Allocation.objects.filter(wish__in=wishes).select_related("space__venue")
    }
    outcomes = []
    for wish in wishes:
        spaces = [choice.space for choice in wish.space_choices.all()]
        allocation = allocations.get(wish.pk)
        if allocation is None:
            outcomes.append(WishOutcome(wish=wish, spaces=spaces, allocated=False))
            continue
        outcomes.append(
            WishOutcome(
                wish=wish,
                spaces=spaces,
                allocated=True,
                space=allocation.space,
                weekday=allocation.weekday,
                starts=allocation.starts_time,
                ends=allocation.ends_time,
                series_url=_series_url(allocation.series_id),
            )
        )
    return outcomes
