"""The allocation problem as plain data, so the solvers need no database.

Times are minutes from local midnight on the wished weekday; weekdays are ISO (Monday = 1).
A space's `free` lists, per weekday, the intervals in which it is open and not taken by
existing bookings on any date of that weekday in the season (see docs/seasons-allocation.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Wish:
    id: int
    applicant: str  # the applicant key the weekly limit counts by ("org:12" or "user:34")
    rank: int  # priority class rank, 1 = first
    weekday: int
    window_start: int
    window_end: int
    duration: int
    attendees: int
    spaces: tuple[int, ...]  # acceptable spaces, first choice first
    order: int = 0  # submission order, the tie-breaker of the greedy baseline


@dataclass(frozen=True)
class SpaceWeek:
    id: int
    capacity: int
    free: dict[int, tuple[tuple[int, int], ...]]  # weekday → free intervals (start, end)


@dataclass(frozen=True)
class Placement:
    wish: int
    space: int
    start: int  # minutes from midnight; the wish's weekday and duration give the rest


@dataclass(frozen=True)
class Problem:
    wishes: tuple[Wish, ...]
    spaces: tuple[SpaceWeek, ...]
    locked: tuple[Placement, ...] = ()  # fixed by staff: kept as they are
    max_minutes_per_week: int | None = None
    step: int = 15  # start times on this grid, minutes


@dataclass
class Solution:
    placements: list[Placement]
    status: str  # "optimal", "feasible", "greedy", ...
    seconds: float
    satisfied_by_rank: dict[int, float] = field(default_factory=dict)  # share of wished minutes
