"""Rounds and applications made for the staff-side tests.

The round's season is autumn 2030 – spring 2031 (both daylight-saving changes inside it); its
applications closed before `NOW`. Applications are written straight to the database: the staff
side reads what the applicant side left, whatever way it got there.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from lampio.accounts.models import User
from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.seasons.models import (
    AgeGroup,
    Application,
    ApplicationRound,
    WishedSlot,
    WishedSpace,
)
from lampio.seasons.services.rounds import create_round
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

SEASON_STARTS = date(2030, 9, 2)
SEASON_ENDS = date(2031, 5, 31)
OPENS = local_datetime(date(2030, 6, 1), time(9))
CLOSES = local_datetime(date(2030, 8, 15), time(16))
NOW = local_datetime(date(2030, 8, 20), time(12))  # applications closed, season ahead
WHILE_OPEN = local_datetime(date(2030, 7, 1), time(12))


def make_round(
    actor: User,
    organisation: Organisation,
    spaces: list[Space] | None = None,
    **overrides: object,
) -> ApplicationRound:
    fields: dict[str, object] = {
        "name": {"fi": "Vakiovuorot 2030–2031", "sv": "Fasta turer 2030–2031"},
        "criteria": "Lasten ja nuorten toiminta ensin.",
        "season_starts": SEASON_STARTS,
        "season_ends": SEASON_ENDS,
        "applications_open_at": OPENS,
        "applications_close_at": CLOSES,
        "spaces": spaces,
        "max_minutes_per_week": None,
    }
    fields.update(overrides)
    return create_round(actor=actor, organisation=organisation, **fields)  # type: ignore[arg-type]


def apply(
    application_round: ApplicationRound,
    applicant: User,
    *,
    activity: str = "Juniorisähly",
    rank: int = 1,
    for_organisation: Organisation | None = None,
    wishes: list[dict[str, object]] | None = None,
    submitted_at: datetime | None = None,
) -> Application:
    """An application with wishes: each {"weekday", "earliest", "latest", "minutes",
    "attendees", "spaces"}; defaults: Tuesday 17–20, 90 minutes, 12 people, the round's spaces."""
    priority_class = application_round.priority_classes.get(rank=rank)
    application = Application.objects.create(
        application_round=application_round,
        applicant=applicant,
        for_organisation=for_organisation,
        activity=activity,
        age_group=AgeGroup.YOUTH,
        requested_class=priority_class,
        priority_class=priority_class,
    )
    if submitted_at is not None:
        Application.objects.filter(pk=application.pk).update(submitted_at=submitted_at)
    for position, given in enumerate(wishes or [{}]):
        wish = WishedSlot.objects.create(
            application=application,
            weekday=given.get("weekday", 2),
            earliest_start=given.get("earliest", time(17)),
            latest_end=given.get("latest", time(20)),
            duration_minutes=given.get("minutes", 90),
            attendees=given.get("attendees", 12),
            position=position,
        )
        spaces = given.get("spaces") or list(application_round.spaces.order_by("pk"))
        for preference, space in enumerate(spaces, start=1):  # type: ignore[arg-type]
            WishedSpace.objects.create(wish=wish, space=space, preference=preference)
    return application


def season_dates(weekday: int) -> list[date]:
    """Every date of the season on ISO `weekday`."""
    day = SEASON_STARTS
    while day.isoweekday() != weekday:
        day += timedelta(days=1)
    found = []
    while day <= SEASON_ENDS:
        found.append(day)
        day += timedelta(days=7)
    return found


def booking_on(
    space: Space, day: date, starts: time, ends: time, status: str = BookingStatus.CONFIRMED
) -> Booking:
    """A booking straight in the database, local wall-clock times on `day`."""
    starts_at, ends_at = local_datetime(day, starts), local_datetime(day, ends)
    if ends <= starts:
        ends_at = local_datetime(day + timedelta(days=1), ends)
    return Booking.objects.create(
        space=space,
        kind=BookingKind.BLOCK,
        status=status,
        starts_at=starts_at,
        ends_at=ends_at,
        blocked_from=starts_at,
        blocked_until=ends_at,
        purpose="Konsertti",
    )
