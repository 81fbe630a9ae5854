"""Rounds and applications for the applicant-side and report tests (plain functions, so they
do not clash with fixtures of the staff-side tests)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import User
from lampio.seasons.models import (
    AgeGroup,
    Allocation,
    AllocationSource,
    Application,
    ApplicationRound,
    PriorityClass,
    WishedSlot,
    WishedSpace,
)
from lampio.seasons.services.applications import WishInput
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation


def make_round(
    organisation: Organisation,
    spaces: Sequence[Space],
    *,
    created_by: User,
    phase: str = "open",
    now: datetime | None = None,
    **fields: Any,
) -> ApplicationRound:
    """A round of `spaces` whose application period is open (or upcoming/closed) at `now`,
    with two priority classes: children and youth first, then everyone else."""
    now = now or timezone.now()
    opens, closes = {
        "open": (now - timedelta(days=1), now + timedelta(days=13)),
        "upcoming": (now + timedelta(days=1), now + timedelta(days=14)),
        "closed": (now - timedelta(days=14), now - timedelta(days=1)),
    }[phase]
    defaults: dict[str, Any] = {
        "name_fi": "Syyskausi 2030",
        "name_en": "Autumn season 2030",
        "criteria_fi": "Lasten ja nuorten toiminta ensin.",
        "season_starts": date(2030, 9, 1),
        "season_ends": date(2031, 5, 31),
        "applications_open_at": opens,
        "applications_close_at": closes,
    }
    defaults.update(fields)
    application_round = ApplicationRound.objects.create(
        organisation=organisation, created_by=created_by, **defaults
    )
    application_round.spaces.set(spaces)
    PriorityClass.objects.create(
        application_round=application_round,
        rank=1,
        name_fi="Lasten ja nuorten toiminta",
        name_en="Children's and youth activities",
        description_fi="Yli puolet osallistujista alle 20-vuotiaita.",
        description_en="More than half of the participants are under 20.",
    )
    PriorityClass.objects.create(
        application_round=application_round,
        rank=2,
        name_fi="Muut",
        name_en="Others",
    )
    return application_round


def first_class(application_round: ApplicationRound) -> PriorityClass:
    return application_round.priority_classes.get(rank=1)


def wish(*spaces: Space, **fields: Any) -> WishInput:
    defaults: dict[str, Any] = {
        "weekday": 2,
        "earliest_start": time(17),
        "latest_end": time(21),
        "duration_minutes": 90,
        "attendees": 15,
        "spaces": list(spaces),
    }
    defaults.update(fields)
    return WishInput(**defaults)


def make_application(
    application_round: ApplicationRound,
    applicant: User | None,
    wishes: Sequence[tuple[int, time, time, int, Sequence[Space]]],
    *,
    rank: int = 1,
    age_group: str = AgeGroup.YOUTH,
    for_organisation: Organisation | None = None,
    activity: str = "Salibandy",
) -> Application:
    """An application written straight to the database (for reports; no rules checked).
    Each wish is (weekday, earliest start, latest end, duration in minutes, spaces)."""
    priority = application_round.priority_classes.get(rank=rank)
    application = Application.objects.create(
        application_round=application_round,
        applicant=applicant,
        for_organisation=for_organisation,
        activity=activity,
        age_group=age_group,
        requested_class=priority,
        priority_class=priority,
    )
    for position, (weekday, start, end, minutes, spaces) in enumerate(wishes):
        slot = WishedSlot.objects.create(
            application=application,
            weekday=weekday,
            earliest_start=start,
            latest_end=end,
            duration_minutes=minutes,
            attendees=10,
            position=position,
        )
        for preference, space in enumerate(spaces, start=1):
            WishedSpace.objects.create(wish=slot, space=space, preference=preference)
    return application


def allocate(wished: WishedSlot, space: Space, starts: time, ends: time) -> Allocation:
    return Allocation.objects.create(
        application_round=wished.application.application_round,
        wish=wished,
        space=space,
        weekday=wished.weekday,
        starts_time=starts,
        ends_time=ends,
        source=AllocationSource.SOLVER,
    )
