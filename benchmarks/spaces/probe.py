"""Reads straight from the benchmark database: inputs for the load, and the checks after it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import psycopg

HELSINKI = ZoneInfo("Europe/Helsinki")
Slot = tuple[int, datetime]  # space id, start (one hour long)

# Spaces that any resident with a verified account may book at once (no approval, no
# membership), so that a booking request is refused only when its slot is taken.
BOOKABLE = """
SELECT s.id FROM spaces_space s JOIN spaces_venue v ON v.id = s.venue_id
WHERE s.is_published AND v.is_published AND s.visibility = 'public'
  AND s.who_may_book = 'registered' AND NOT s.requires_handling
ORDER BY s.id
"""

FREE = """
SELECT c.i FROM unnest(%(spaces)s::bigint[], %(starts)s::timestamptz[]) WITH ORDINALITY
    AS c(space_id, starts_at, i)
WHERE NOT EXISTS (
    SELECT 1 FROM bookings_booking b
    WHERE b.space_id = c.space_id AND b.status IN ('held', 'requested', 'confirmed')
      AND b.blocked_from < c.starts_at + interval '1 hour' AND b.blocked_until > c.starts_at)
"""

ACTIVE_IN_SLOTS = """
SELECT count(b.id)
FROM unnest(%(spaces)s::bigint[], %(starts)s::timestamptz[]) WITH ORDINALITY AS c(space_id, s, i)
LEFT JOIN bookings_booking b ON b.space_id = c.space_id
    AND b.status IN ('held', 'requested', 'confirmed')
    AND b.blocked_from < c.s + interval '1 hour' AND b.blocked_until > c.s
GROUP BY c.i ORDER BY c.i
"""


@dataclass(frozen=True)
class Inputs:
    today: date
    municipalities: list[str]
    spaces: list[int]  # bookable by anyone with a verified account
    users: list[int]
    slots: list[Slot]  # free one-hour slots, each in a distinct (space, time)
    hot_slots: list[Slot]  # free slots, one per space, kept apart from `slots`


def local_start(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=HELSINKI)


def bookable_days(today: date, first: int, last: int) -> list[date]:
    """Days `first`..`last` days ahead that are not Finnish public holidays (spaces close)."""
    days = [today + timedelta(days=offset) for offset in range(first, last + 1)]
    closed = holidays.country_holidays("FI", years={day.year for day in days})
    return [day for day in days if day not in closed]


def _free(conn: psycopg.Connection, candidates: list[Slot]) -> list[Slot]:
    rows = conn.execute(
        FREE,
        {"spaces": [space for space, _ in candidates], "starts": [at for _, at in candidates]},
    ).fetchall()
    return [candidates[index - 1] for (index,) in rows]


def inputs(conn: psycopg.Connection, *, slots: int, hot_slots: int, seed: int = 7) -> Inputs:
    """Pick free slots at random (seeded) from the coming weeks, within opening hours."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    row = conn.execute("SELECT (now() AT TIME ZONE 'Europe/Helsinki')::date").fetchone()
    assert row is not None
    today: date = row[0]
    municipalities = [slug for (slug,) in conn.execute("SELECT slug FROM tenancy_municipality")]
    spaces = [space for (space,) in conn.execute(BOOKABLE)]
    users = [user for (user,) in conn.execute("SELECT id FROM accounts_user ORDER BY id")]
    assert len(spaces) > hot_slots, "too few bookable spaces for the hot slots"
    # Bookings open 60 days ahead; start two days out so no slot is in the past mid-run.
    days = bookable_days(today, 2, 55)
    hot_spaces = set(rng.sample(spaces, hot_slots))
    others = [space for space in spaces if space not in hot_spaces]
    chosen: dict[Slot, None] = {}  # an ordered set
    while len(chosen) < slots:
        wanted = (slots - len(chosen)) * 2
        candidates = list(
            dict.fromkeys(
                (rng.choice(others), local_start(rng.choice(days), rng.randint(7, 21)))
                for _ in range(wanted)
            )
        )
        chosen.update(dict.fromkeys(slot for slot in _free(conn, candidates) if slot not in chosen))
    hot: list[Slot] = []
    for space in sorted(hot_spaces):
        while True:
            slot = (space, local_start(rng.choice(days), rng.randint(7, 21)))
            if _free(conn, [slot]):
                hot.append(slot)
                break
    free_slots = list(chosen)[:slots]
    rng.shuffle(free_slots)
    return Inputs(today, municipalities, spaces, users, free_slots, hot)


def active_bookings_per_slot(conn: psycopg.Connection, slots: list[Slot]) -> list[int]:
    params = {"spaces": [space for space, _ in slots], "starts": [at for _, at in slots]}
    return [int(count) for (count,) in conn.execute(ACTIVE_IN_SLOTS, params)]


def table_sizes(conn: psycopg.Connection) -> dict[str, int]:
    sizes = {}
    for table in ("tenancy_municipality", "spaces_space", "accounts_user", "bookings_booking"):
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 (fixed names)
        assert row is not None
        sizes[table] = int(row[0])
    return sizes
