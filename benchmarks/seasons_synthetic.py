"""A synthetic, seeded seasonal application round for `bench_seasons.py`.

300 spaces in 30 districts of 10 (gyms, halls, classrooms); 2,000 applications of one wished
slot each from about 1,000 applicants in three priority classes. Applicants ask for spaces of
their kind in their home district, the popular ones first, mostly on Monday–Thursday evenings,
so prime time is oversubscribed while late evenings and weekends have room.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from lampio.seasons.allocation.problem import Problem, SpaceWeek, Wish

T = TypeVar("T")
H = 60  # minutes in an hour

# (kind, share of spaces, capacity range, weekday opening, weekend opening)
SPACE_KINDS = (
    ("gym", 0.35, (25, 60), (16 * H, 22 * H), (9 * H, 20 * H)),
    ("hall", 0.15, (60, 250), (12 * H, 22 * H), (10 * H, 20 * H)),
    ("classroom", 0.50, (12, 32), (16 * H, 22 * H), (9 * H, 18 * H)),
)
# Priority classes: rank → (name, share of applications).
CLASSES = {1: ("children and youth", 0.35), 2: ("local associations", 0.40), 3: ("others", 0.25)}
# Activity → (space kinds it can use, attendee range).
ACTIVITIES = {
    "sport": (("gym",), (10, 30)),
    "choir": (("hall", "classroom"), (15, 50)),
    "course": (("classroom",), (8, 20)),
    "dance": (("gym", "hall"), (10, 35)),
}
ACTIVITY_WEIGHTS = {"sport": 0.45, "choir": 0.15, "course": 0.25, "dance": 0.15}
WEEKDAY_WEIGHTS = (0.19, 0.2, 0.2, 0.18, 0.08, 0.09, 0.06)  # Monday … Sunday
DURATIONS = ((60, 0.35), (75, 0.1), (90, 0.3), (105, 0.05), (120, 0.2))
WEEKLY_LIMIT = 6 * H
DISTRICTS = 30


@dataclass(frozen=True)
class Round:
    problem: Problem
    applicants: int
    class_names: dict[int, str]


def _pick(rng: random.Random, weighted: Iterable[tuple[T, float]]) -> T:
    items = list(weighted)
    return rng.choices([k for k, _ in items], weights=[w for _, w in items])[0]


def _spaces(rng: random.Random, count: int) -> tuple[list[SpaceWeek], dict[int, tuple]]:
    """Spaces with their free time, and per space (kind, district, popularity)."""
    spaces: list[SpaceWeek] = []
    meta: dict[int, tuple] = {}
    for n in range(count):
        space_id = n + 1
        kind, _, (low, high), weekday_hours, weekend_hours = _pick(
            rng, ((k, k[1]) for k in SPACE_KINDS)
        )
        free: dict[int, tuple[tuple[int, int], ...]] = {}
        closed_sunday = rng.random() < 0.2
        for weekday in range(1, 8):
            if weekday == 7 and closed_sunday:
                continue
            opens, closes = weekday_hours if weekday <= 5 else weekend_hours
            free[weekday] = _minus_existing_booking(rng, opens, closes)
        spaces.append(SpaceWeek(id=space_id, capacity=rng.randint(low, high), free=free))
        meta[space_id] = (kind, n % DISTRICTS, rng.paretovariate(1.3))
    return spaces, meta


def _minus_existing_booking(rng: random.Random, opens: int, closes: int) -> tuple:
    """A quarter of the space-weekdays already have a weekly booking (60–120 min)."""
    if rng.random() >= 0.25:
        return ((opens, closes),)
    length = rng.choice((60, 90, 120))
    start = opens + 30 * rng.randrange(0, (closes - opens - length) // 30 + 1)
    return tuple(i for i in ((opens, start), (start + length, closes)) if i[1] > i[0])


def _window(rng: random.Random, weekday: int, rank: int, duration: int) -> tuple[int, int]:
    if weekday <= 5:
        # Children's groups early in the evening, adults later; everyone wants 17–21.
        centre = rng.gauss(17.5 * H if rank == 1 else 19 * H, 45)
    else:
        centre = rng.gauss(13 * H, 120)
    slack = rng.choice((0, 30, 60, 60, 90, 120))
    length = min(4 * H, max(H, duration + slack))
    start = int(centre - length / 2) // 30 * 30
    start = max(16 * H if weekday <= 5 else 9 * H, min(start, 22 * H - length))
    return start, start + length


def synthetic_round(
    *, applications: int = 2000, spaces: int = 300, seed: int = 2024, step: int = 15
) -> Round:
    rng = random.Random(seed)  # noqa: S311 (reproducible data, not secrets)
    space_weeks, meta = _spaces(rng, spaces)
    capacity = {space.id: space.capacity for space in space_weeks}
    by_district_kind: dict[tuple[int, str], list[int]] = {}
    for space_id, (kind, district, _) in meta.items():
        by_district_kind.setdefault((district, kind), []).append(space_id)
    wishes: list[Wish] = []
    applicant = 0
    while len(wishes) < applications:
        applicant += 1
        rank = _pick(rng, ((r, share) for r, (_, share) in CLASSES.items()))
        activity = _pick(rng, ACTIVITY_WEIGHTS.items())
        kinds, (low, high) = ACTIVITIES[activity]
        district = rng.randrange(DISTRICTS)
        pool = [s for kind in kinds for s in by_district_kind.get((district, kind), [])]
        if rng.random() < 0.3:  # some look in the neighbouring district too
            pool += [s for k in kinds for s in by_district_kind.get(((district + 1) % 30, k), [])]
        if not pool:
            continue
        group_size = rng.randint(low, high)
        count = rng.choices((1, 2, 3, 4, 5, 6), weights=(50, 22, 12, 7, 5, 4))[0]
        for _ in range(min(count, applications - len(wishes))):
            wishes.append(
                _wish(rng, len(wishes) + 1, applicant, rank, pool, meta, group_size, capacity)
            )
    problem = Problem(
        wishes=tuple(wishes),
        spaces=tuple(space_weeks),
        max_minutes_per_week=WEEKLY_LIMIT,
        step=step,
    )
    return Round(
        problem=problem, applicants=applicant, class_names={r: n for r, (n, _) in CLASSES.items()}
    )


def _wish(
    rng: random.Random,
    wish_id: int,
    applicant: int,
    rank: int,
    pool: list[int],
    meta: dict[int, tuple],
    group_size: int,
    capacity: dict[int, int],
) -> Wish:
    weekday = _pick(rng, zip(range(1, 8), WEEKDAY_WEIGHTS, strict=True))
    duration = _pick(rng, DURATIONS)
    window_start, window_end = _window(rng, weekday, rank, duration)
    wanted = min(len(pool), rng.choices((1, 2, 3), weights=(35, 40, 25))[0])
    # Popular spaces are everybody's first choice: weighted sampling without replacement.
    remaining = list(pool)
    chosen: list[int] = []
    for _ in range(wanted):
        pick = rng.choices(remaining, weights=[meta[s][2] for s in remaining])[0]
        chosen.append(pick)
        remaining.remove(pick)
    return Wish(
        id=wish_id,
        applicant=f"org:{applicant}",
        rank=rank,
        weekday=weekday,
        window_start=window_start,
        window_end=window_end,
        duration=duration,
        # Applicants fit their first choice; an alternative may be too small.
        attendees=min(group_size, capacity[chosen[0]]),
        spaces=tuple(chosen),
        order=wish_id,
    )
