"""A few weeks of bookings and staff blocks, so that the demo calendars look lived in.

How this stays idempotent, and stable from one day to the next: every date's bookings come from
a `random.Random` seeded with the space and that calendar date, never with the day the loader
runs, so a date always yields the same candidates. A candidate is written only when no booking
with its natural key (space, start, kind, booker, purpose) exists yet and it overlaps no active
booking of the space. A second run therefore adds nothing; a run on a later day adds only the
days that came into the window; bookings that people made in the demo are never touched or
double-booked, and a demo booking someone cancelled is not brought back.

Rows are written with the ORM, not through `book_space`: the demo history includes the past,
which the booking rules rightly refuse. The overlap check here and the database's exclusion
constraint (PostgreSQL) keep the one rule that matters: no two active bookings of a space overlap.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingKind, BookingStatus
from lampio.bookings.services import blocked_range
from lampio.core.timeranges import Interval, local_datetime, local_day_bounds
from lampio.demo.spaces_data import BLOCKS, EVERYWHERE, HOURS, Preset
from lampio.spaces.models import Space
from lampio.spaces.opening import opening_periods

# (city, venue slug, space slug)
SpaceKey = tuple[str, str, str]
# What makes a demo booking the same booking on the next run.
_NaturalKey = tuple[int, datetime, str, int | None, str]

_SHOWS_UP = 0.85  # a weekly regular skips some weeks
_DENIAL_REASONS = (
    ("Sali on tuolloin talon omassa käytössä.", "Salen används då av huset självt."),
    ("Tilaisuus ei sovi tilan käyttötarkoitukseen.", "Evenemanget passar inte lokalens syfte."),
)


@dataclass(frozen=True)
class DemoSpace:
    key: SpaceKey
    space: Space
    preset: Preset


class _Known(NamedTuple):
    pk: int
    status: str
    starts_at: datetime


@dataclass(frozen=True)
class _Plan:
    """A weekly regular booking: minutes from local midnight, who, what and how many."""

    start: int
    minutes: int
    booker: str  # email
    purpose: tuple[str, str]
    attendees: int


def load_bookings(
    *,
    spaces: Sequence[DemoSpace],
    residents: Mapping[str, list[str]],
    users: Mapping[str, User],
    staff: Mapping[int, User],
    first: date,
    last: date,
    now: datetime,
) -> int:
    """Add the missing demo bookings of the local dates `first`..`last`; return how many."""
    window = Interval(
        local_day_bounds(first - timedelta(days=1)).start,
        local_day_bounds(last + timedelta(days=1)).end,
    )
    known, taken = _existing(spaces, window)
    new: list[Booking] = []
    stale_requests: list[int] = []
    for item in spaces:
        owner_staff = staff.get(item.space.venue.organisation_id)
        regulars = residents[item.key[0]]
        for candidate in [
            *_blocks(item, owner_staff, first, last),
            *_bookings(item, regulars, users, owner_staff, first, last, now),
        ]:
            natural_key = (
                item.space.pk,
                candidate.starts_at,
                candidate.kind,
                candidate.booker_id,
                candidate.purpose,
            )
            if natural_key in known:
                earlier = known[natural_key]
                # A request from an earlier run whose time has passed would sit in the staff
                # queue for ever; the demo treats it as approved.
                if earlier.status == BookingStatus.REQUESTED and earlier.starts_at <= now:
                    stale_requests.append(earlier.pk)
                continue
            blocked = Interval(candidate.blocked_from, candidate.blocked_until)
            if any(blocked.overlaps(other) for other in taken[item.space.pk]):
                continue
            if candidate.status in ACTIVE_STATUSES:
                taken[item.space.pk].append(blocked)
            known[natural_key] = _Known(0, candidate.status, candidate.starts_at)
            new.append(candidate)
    Booking.objects.filter(pk__in=stale_requests).update(status=BookingStatus.CONFIRMED)
    Booking.objects.bulk_create(new, batch_size=500)
    return len(new)


def _existing(
    spaces: Sequence[DemoSpace], window: Interval
) -> tuple[dict[_NaturalKey, _Known], dict[int, list[Interval]]]:
    """Every booking of the demo spaces near the window, by natural key, and the ranges that
    the active ones take, by space; one query."""
    known: dict[_NaturalKey, _Known] = {}
    taken: dict[int, list[Interval]] = {item.space.pk: [] for item in spaces}
    rows = Booking.objects.filter(
        space__in=[item.space for item in spaces],
        blocked_from__lt=window.end,
        blocked_until__gt=window.start,
    ).values_list(
        "pk",
        "space_id",
        "starts_at",
        "kind",
        "booker_id",
        "purpose",
        "status",
        "blocked_from",
        "blocked_until",
    )
    for pk, space_id, starts_at, kind, booker_id, purpose, status, start, end in rows:
        known[(space_id, starts_at, kind, booker_id, purpose)] = _Known(pk, status, starts_at)
        if status in ACTIVE_STATUSES:
            taken[space_id].append(Interval(start, end))
    return known, taken


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _blocks(item: DemoSpace, owner_staff: User | None, first: date, last: date) -> list[Booking]:
    blocks = []
    for spec in BLOCKS:
        if (spec.city, spec.venue, spec.space) != item.key:
            continue
        for day in _days(first, last):
            if not spec.when.occurs_on(day):
                continue
            starts_at = local_datetime(day, time(spec.starts))
            ends_at = local_datetime(day, time(spec.ends))
            blocks.append(
                Booking(
                    space=item.space,
                    kind=BookingKind.BLOCK,
                    created_by=owner_staff,
                    status=BookingStatus.CONFIRMED,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    blocked_from=starts_at,
                    blocked_until=ends_at,
                    purpose=spec.purpose,
                )
            )
    return blocks


def _weekly_plans(item: DemoSpace, regulars: list[str]) -> dict[int, list[_Plan]]:
    """The regular bookings of each weekday, the same every week."""
    plans = {weekday: _weekday_plan(item, weekday, regulars) for weekday in range(7)}
    # The documented residents take over one weekly booking in a few spaces only, so that the
    # per-person limit never stops them from trying to book anything in the demo.
    rng = random.Random(f"{'/'.join(item.key)}/documented")
    slots = [(weekday, index) for weekday, day in plans.items() for index in range(len(day))]
    for share, email in zip((0.12, 0.08), EVERYWHERE, strict=True):
        if slots and rng.random() < share:
            weekday, index = slots.pop(rng.randrange(len(slots)))
            plans[weekday][index] = replace(plans[weekday][index], booker=email)
    return plans


def _weekday_plan(item: DemoSpace, weekday: int, regulars: list[str]) -> list[_Plan]:
    preset = item.preset
    rng = random.Random(f"{'/'.join(item.key)}/weekday-{weekday}")
    plans: list[_Plan] = []
    for weekdays, opens, closes in HOURS[preset.hours]:
        if weekday not in weekdays:
            continue
        minute, closing = opens * 60, closes * 60
        while minute + preset.min_minutes <= closing:
            if rng.random() >= preset.busyness:
                minute += preset.slot_minutes
                continue
            minutes = max(min(rng.choice(preset.durations), closing - minute), preset.min_minutes)
            plans.append(
                _Plan(
                    start=minute,
                    minutes=minutes,
                    booker=rng.choice(regulars),
                    purpose=rng.choice(preset.purposes),
                    attendees=rng.randint(
                        max(1, item.space.capacity // 4), max(1, item.space.capacity * 3 // 4)
                    ),
                )
            )
            minute += minutes + preset.buffer_after + preset.buffer_before
            minute = -(-minute // preset.slot_minutes) * preset.slot_minutes
    return plans


def _bookings(
    item: DemoSpace,
    regulars: list[str],
    users: Mapping[str, User],
    owner_staff: User | None,
    first: date,
    last: date,
    now: datetime,
) -> list[Booking]:
    space, preset = item.space, item.preset
    weekly = list(space.opening_hours.all())
    exceptions = list(space.opening_exceptions.filter(date__range=(first, last)))
    plans = _weekly_plans(item, regulars)
    bookings = []
    for day in _days(first, last):
        rng = random.Random(f"{'/'.join(item.key)}/{day.isoformat()}")
        periods = opening_periods(space, day, weekly=weekly, exceptions=exceptions)
        for plan in plans[day.weekday()]:
            shows_up, roll = rng.random() < _SHOWS_UP, rng.random()
            starts_at = local_datetime(day, _clock(plan.start))
            ends_at = local_datetime(day, _clock(plan.start + plan.minutes))
            # Holidays and closed days from the exceptions fall out here.
            if not shows_up or not any(p.contains(Interval(starts_at, ends_at)) for p in periods):
                continue
            booker = users[plan.booker]
            swedish = booker.preferred_language == "sv"
            booking = Booking(
                space=space,
                booker=booker,
                created_by=booker,
                status=BookingStatus.CONFIRMED,
                starts_at=starts_at,
                ends_at=ends_at,
                purpose=plan.purpose[1] if swedish else plan.purpose[0],
                attendees=plan.attendees,
            )
            blocked = blocked_range(space, starts_at, ends_at)
            booking.blocked_from, booking.blocked_until = blocked.start, blocked.end
            if preset.requires_handling:
                _decide(booking, roll, owner_staff, swedish=swedish, upcoming=starts_at > now)
            elif roll < 0.04:
                booking.status = BookingStatus.CANCELLED
                booking.cancelled_at = min(now, starts_at - timedelta(days=2))
            bookings.append(booking)
    return bookings


def _decide(
    booking: Booking, roll: float, owner_staff: User | None, *, swedish: bool, upcoming: bool
) -> None:
    """Upcoming bookings of spaces that need approval are partly still waiting for staff."""
    if upcoming and roll < 0.45:
        booking.status = BookingStatus.REQUESTED
        return
    booking.decided_by = owner_staff
    if roll > 0.92:
        booking.status = BookingStatus.DENIED
        reason = _DENIAL_REASONS[int(roll * 100) % len(_DENIAL_REASONS)]
        booking.decision_reason = reason[1] if swedish else reason[0]
