"""A year of past bookings and waitlist entries for the insights dashboards.

The spaces keep the weekly regulars they have in the recent weeks (spaces_bookings.py), so the
history continues the calendars people see; each city's profile (insights_data.py) and the
season decide how many come, cancel or stay away. Fifty thousand rows would take the ORM's
bulk_create a quarter of a minute on SQLite, so rows go in with one prepared INSERT per batch.

Idempotent: a candidate is skipped when a booking with its natural key (space, start, kind,
booker, purpose) exists or when it would overlap an active booking; a waitlist entry when one
with its (person, space, start, end) exists. The generator is seeded by space and date only.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection, models

from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingStatus, WaitlistEntry
from lampio.bookings.models import WaitlistStatus as Waiting
from lampio.core.timeranges import local_datetime
from lampio.demo.insights_data import CITIES, HOLIDAYS, MONTH_FACTOR
from lampio.demo.spaces_bookings import DemoSpace, _weekly_plans
from lampio.demo.spaces_data import EVERYWHERE, RESIDENTS
from lampio.demo.spaces_data_presets import PRESETS
from lampio.demo.spaces_loader import VENUES
from lampio.spaces.models import Space

_PREPARED = (models.DateField, models.UUIDField, models.DecimalField, models.JSONField)
_BATCH = 1000


def fast_insert(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert plain rows (attname → value; missing fields take their defaults) without model
    instances. Only values that need the backend's preparation (dates, UUIDs) get it."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    prepared = [isinstance(f, _PREPARED) for f in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model, values go as parameters.
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    batch: list[list[Any]] = []
    count = 0
    with connection.cursor() as cursor:
        for row in rows:
            values = []
            for field, prepare in zip(fields, prepared, strict=True):
                value = row[field.attname] if field.attname in row else field.get_default()
                values.append(field.get_db_prep_save(value, connection) if prepare else value)
            batch.append(values)
            if len(batch) == _BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


@dataclass(frozen=True)
class _Slot:
    space_id: int
    blocked_from: datetime
    blocked_until: datetime


def demo_spaces() -> list[DemoSpace]:
    spaces = {
        (s.venue.organisation.municipality.slug, s.venue.slug, s.slug): s
        for s in Space.objects.select_related("venue__organisation__municipality")
    }
    return [
        DemoSpace(key, spaces[key], PRESETS[spec.preset])
        for venue in VENUES
        for spec in venue.spaces
        if (key := (venue.city, venue.slug, spec.slug)) in spaces
    ]


def residents_by_city(users: Mapping[str, int]) -> dict[str, list[str]]:
    by_city: dict[str, list[str]] = defaultdict(list)
    for email, *_names, city in RESIDENTS:
        if email in users:
            by_city[city].append(email)
    return by_city


def load_booking_history(
    *, spaces: Sequence[DemoSpace], users: Mapping[str, int], first: date, last: date
) -> int:
    """Past bookings of the local dates `first`..`last`; returns how many were added."""
    window = (local_datetime(first, time(0)), local_datetime(last + timedelta(days=2), time(0)))
    known, taken = _existing(spaces, window)
    regulars = residents_by_city(users)
    rows: list[dict[str, Any]] = []
    for item in spaces:
        city, space = item.key[0], item.space
        profile, people = CITIES.get(city), regulars.get(city)
        if profile is None or not people:
            continue
        plans = _weekly_plans(item, people)
        before, after = (
            timedelta(minutes=space.buffer_before_minutes),
            timedelta(minutes=space.buffer_after_minutes),
        )
        day = first
        while day <= last:
            rng = random.Random(f"insights/{'/'.join(item.key)}/{day.isoformat()}")
            comes = min(0.97, profile.shows_up * MONTH_FACTOR[day.month])
            for plan in [] if (day.month, day.day) in HOLIDAYS else plans[day.weekday()]:
                if rng.random() >= comes:
                    continue
                # The documented residents' own pages show only what they booked in the demo.
                email = rng.choice(people) if plan.booker in EVERYWHERE else plan.booker
                starts_at = local_datetime(day, time(plan.start // 60, plan.start % 60))
                end = plan.start + plan.minutes
                ends_at = local_datetime(day, time(end // 60, end % 60)) if end < 1440 else None
                if ends_at is None:
                    continue
                purpose = plan.purpose[0]
                row = _booking(rng, profile, space.pk, users[email], starts_at, ends_at, purpose)
                row["blocked_from"], row["blocked_until"] = starts_at - before, ends_at + after
                if item.preset.requires_handling and rng.random() < 0.05:
                    row["status"], row["cancelled_at"], row["no_show_at"] = "denied", None, None
                key = (space.pk, starts_at, "booking", users[email], purpose)
                slot = _Slot(space.pk, row["blocked_from"], row["blocked_until"])
                if key in known or (row["status"] in ACTIVE_STATUSES and _overlaps(taken, slot)):
                    continue
                known.add(key)
                rows.append(row)
            day += timedelta(days=1)
    return fast_insert(Booking, rows)


def _booking(
    rng: random.Random,
    profile: Any,
    space_id: int,
    booker_id: int,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
) -> dict[str, Any]:
    roll = rng.random()
    cancelled = roll < profile.cancel
    no_show = not cancelled and roll > 1 - profile.no_show
    return {
        "space_id": space_id,
        "kind": "booking",
        "booker_id": booker_id,
        "created_by_id": booker_id,
        "status": (BookingStatus.CANCELLED if cancelled else BookingStatus.CONFIRMED).value,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "purpose": purpose,
        "attendees": rng.randint(2, 20),
        "created_at": starts_at - timedelta(days=rng.randint(3, 40)),
        "cancelled_at": starts_at - timedelta(days=rng.randint(1, 3)) if cancelled else None,
        # Staff mark a no-show the morning after.
        "no_show_at": ends_at + timedelta(hours=14) if no_show else None,
        "feed_token": uuid.UUID(int=rng.getrandbits(128), version=4),
    }


def _existing(
    spaces: Sequence[DemoSpace], window: tuple[datetime, datetime]
) -> tuple[set[tuple[Any, ...]], dict[tuple[int, date], list[_Slot]]]:
    known: set[tuple[Any, ...]] = set()
    taken: dict[tuple[int, date], list[_Slot]] = defaultdict(list)
    rows = Booking.objects.filter(
        space__in=[item.space for item in spaces],
        blocked_from__lt=window[1],
        blocked_until__gt=window[0],
    ).values_list(
        "space_id",
        "starts_at",
        "kind",
        "booker_id",
        "purpose",
        "status",
        "blocked_from",
        "blocked_until",
    )
    for space_id, starts_at, kind, booker_id, purpose, status, start, end in rows:
        known.add((space_id, starts_at, kind, booker_id, purpose))
        if status in ACTIVE_STATUSES:
            taken[(space_id, start.date())].append(_Slot(space_id, start, end))
    return known, taken


def _overlaps(taken: Mapping[tuple[int, date], list[_Slot]], slot: _Slot) -> bool:
    day = slot.blocked_from.date()
    return any(
        other.blocked_from < slot.blocked_until and slot.blocked_from < other.blocked_until
        for offset in (-1, 0, 1)
        for other in taken.get((slot.space_id, day + timedelta(days=offset)), ())
    )


def load_waitlist_history(
    *, spaces: Sequence[DemoSpace], users: Mapping[str, int], months: Sequence[date]
) -> int:
    """People who queued for a taken slot of a busy space and did not get it (unmet demand)."""
    regulars = residents_by_city(users)
    busy: dict[str, list[DemoSpace]] = defaultdict(list)
    for item in sorted(spaces, key=lambda item: -item.preset.busyness):
        if len(busy[item.key[0]]) < 4:
            busy[item.key[0]].append(item)
    known = set(
        WaitlistEntry.objects.filter(space__in=[item.space for item in spaces]).values_list(
            "person_id", "space_id", "starts_at", "ends_at"
        )
    )
    rows: list[dict[str, Any]] = []
    for city, profile in CITIES.items():
        if not busy[city] or not regulars.get(city):
            continue
        for month in months:
            rng = random.Random(f"insights/waitlist/{city}/{month.isoformat()}")
            for _entry in range(round(profile.waitlist * MONTH_FACTOR[month.month])):
                item = rng.choice(busy[city])
                day = month + timedelta(days=rng.randint(7, 27))
                starts_at = local_datetime(day, time(rng.choice((16, 17, 18, 19))))
                person = users[rng.choice(regulars[city])]
                row: dict[str, Any] = {
                    "space_id": item.space.pk,
                    "person_id": person,
                    "starts_at": starts_at,
                    "ends_at": starts_at + timedelta(hours=1),
                    "purpose": item.preset.purposes[0][0],
                    "attendees": rng.randint(2, 12),
                    "status": rng.choice(
                        (Waiting.LAPSED, Waiting.WITHDRAWN, Waiting.DECLINED)
                    ).value,
                    "created_at": starts_at - timedelta(days=rng.randint(1, 6)),
                }
                # Checked after every draw, so a skipped entry leaves the next ones unchanged.
                key = (person, item.space.pk, starts_at, starts_at + timedelta(hours=1))
                if key not in known:
                    known.add(key)
                    rows.append(row)
    return fast_insert(WaitlistEntry, rows)
