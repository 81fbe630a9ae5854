"""Reads straight from the benchmark database: inputs for the load, and the checks after it."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import psycopg

# Seats left on each hot time, for which every client races at once.
HOT_SEATS = 5

# Times anyone with a verified account may enrol in now: published, individual enrolment,
# public, scheduled, at least two days ahead (nothing closes mid-run), seats to spare.
ENROLLABLE = """
SELECT c.id FROM offerings_occurrence c JOIN offerings_offering o ON o.id = c.offering_id
WHERE o.status = 'published' AND o.allows_enrolment AND c.is_public AND c.status = 'scheduled'
  AND c.starts_at > now() + interval '2 days' AND c.capacity - c.seats_taken >= %(spare)s
ORDER BY c.id
"""

# Seats held by confirmed enrolments, against the capacity and the counter of each time.
SEATS_HELD = """
SELECT count(*) FILTER (WHERE coalesce(e.seats, 0) > c.capacity OR c.seats_taken > c.capacity),
       count(*) FILTER (WHERE coalesce(e.seats, 0) <> c.seats_taken)
FROM offerings_occurrence c
LEFT JOIN (SELECT occurrence_id, sum(seats) AS seats FROM offerings_enrolment
           WHERE status = 'confirmed' GROUP BY occurrence_id) e ON e.occurrence_id = c.id
"""

CONFIRMED_ON = """
SELECT c.id, c.capacity, c.seats_taken, coalesce(sum(e.seats), 0)
FROM offerings_occurrence c
LEFT JOIN offerings_enrolment e ON e.occurrence_id = c.id AND e.status = 'confirmed'
WHERE c.id = ANY(%(ids)s) GROUP BY c.id ORDER BY c.id
"""


@dataclass(frozen=True)
class Inputs:
    today: date
    municipalities: list[str]
    keywords: list[str]  # keys in use on offerings
    targets: list[int]  # times with seats to spare, one enrolment each
    hot: list[int]  # times left with HOT_SEATS seats, kept apart from `targets`
    fresh_users: list[int]  # users holding no enrolment before the run


def inputs(
    conn: psycopg.Connection, *, targets: int, hot: int, fresh_users: int, seed: int = 7
) -> Inputs:
    """Pick the times (seeded) and leave exactly HOT_SEATS seats on each hot one."""
    rng = random.Random(seed)  # noqa: S311 (reproducible test data, not secrets)
    row = conn.execute("SELECT (now() AT TIME ZONE 'Europe/Helsinki')::date").fetchone()
    assert row is not None
    municipalities = [slug for (slug,) in conn.execute("SELECT slug FROM tenancy_municipality")]
    keywords = [
        key
        for (key,) in conn.execute(
            "SELECT DISTINCT k.key FROM offerings_keyword k"
            " JOIN offerings_offering_keywords ok ON ok.keyword_id = k.id ORDER BY k.key"
        )
    ]
    enrollable = [id_ for (id_,) in conn.execute(ENROLLABLE, {"spare": HOT_SEATS + 1})]
    assert len(enrollable) >= targets + hot, "too few open times for the enrolment load"
    chosen = rng.sample(enrollable, targets + hot)
    hot_times, target_times = sorted(chosen[:hot]), chosen[hot:]
    conn.execute(
        "UPDATE offerings_occurrence SET capacity = seats_taken + %(left)s WHERE id = ANY(%(ids)s)",
        {"left": HOT_SEATS, "ids": hot_times},
    )
    users = [
        id_
        for (id_,) in conn.execute(
            "SELECT id FROM accounts_user ORDER BY id DESC LIMIT %(n)s", {"n": fresh_users}
        )
    ]
    return Inputs(row[0], municipalities, keywords, target_times, hot_times, users)


@dataclass(frozen=True)
class SeatCheck:
    oversold: int  # times whose confirmed seats, or counter, exceed the capacity
    mismatched: int  # times whose counter differs from the confirmed seats
    hot_full: int  # hot times sold out exactly
    hot_confirmed: int  # seats confirmed on hot times during the race


def check_seats(conn: psycopg.Connection, hot: list[int]) -> SeatCheck:
    row = conn.execute(SEATS_HELD).fetchone()
    assert row is not None
    full = confirmed = 0
    for _id, capacity, taken, held in conn.execute(CONFIRMED_ON, {"ids": hot}):
        full += int(taken == capacity == held)
        confirmed += int(held) - (capacity - HOT_SEATS)
    return SeatCheck(int(row[0]), int(row[1]), full, confirmed)


def table_sizes(conn: psycopg.Connection) -> dict[str, int]:
    sizes = {}
    for table in (
        "tenancy_municipality",
        "tenancy_organisation",
        "offerings_offering",
        "offerings_occurrence",
        "offerings_enrolment",
        "accounts_user",
    ):
        row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()  # noqa: S608 (fixed names)
        assert row is not None
        sizes[table] = int(row[0])
    return sizes
