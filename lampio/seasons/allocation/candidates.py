"""Where each wish could go: the (space, start) candidates both solvers choose from.

A candidate is a start on the problem's grid (a multiple of `problem.step` minutes from
midnight) inside the wish's window, in one of its acceptable spaces that is big enough, such
that the whole slot lies in one free interval of that space on the wish's weekday once the
locked placements' time has been taken out. Only grid starts are considered: that is what keeps
a round of thousands of wishes small enough to solve (see docs/seasons-allocation.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .problem import Placement, Problem, SpaceWeek, Wish

Interval = tuple[int, int]

# Tie-breaking bonus by position in the wish's list of spaces: first choice, second choice.
PREFERENCE_BONUS = (2, 1)


@dataclass(frozen=True)
class Candidate:
    wish: Wish
    space: int
    start: int
    preference: int  # position of the space in the wish's list, 0 = first choice

    @property
    def end(self) -> int:
        return self.start + self.wish.duration

    @property
    def bonus(self) -> int:
        return PREFERENCE_BONUS[self.preference] if self.preference < len(PREFERENCE_BONUS) else 0

    def placement(self) -> Placement:
        return Placement(wish=self.wish.id, space=self.space, start=self.start)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-empty intervals with overlapping and touching ones joined: time is continuous,
    so 16–18 and 18–20 free is one free interval 16–20."""
    merged: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def subtract(free: list[Interval], taken: Iterable[Interval]) -> list[Interval]:
    """`free` (merged) minus the `taken` intervals."""
    result = free
    for t_start, t_end in taken:
        pieces: list[Interval] = []
        for start, end in result:
            if t_end <= start or t_start >= end:
                pieces.append((start, end))
                continue
            if start < t_start:
                pieces.append((start, t_start))
            if t_end < end:
                pieces.append((t_end, end))
        result = pieces
    return result


def wishes_by_id(problem: Problem) -> dict[int, Wish]:
    return {wish.id: wish for wish in problem.wishes}


def effective_locks(problem: Problem) -> list[Placement]:
    """The locks the solvers keep: those of known wishes, the first one per wish."""
    wishes = wishes_by_id(problem)
    seen: set[int] = set()
    locks: list[Placement] = []
    for lock in problem.locked:
        if lock.wish in wishes and lock.wish not in seen:
            seen.add(lock.wish)
            locks.append(lock)
    return locks


def locked_minutes(problem: Problem, locks: Iterable[Placement]) -> dict[str, int]:
    """Weekly minutes the locks already give each applicant (they count toward the cap)."""
    wishes = wishes_by_id(problem)
    minutes: dict[str, int] = defaultdict(int)
    for lock in locks:
        wish = wishes[lock.wish]
        minutes[wish.applicant] += wish.duration
    return minutes


def remaining_cap(problem: Problem, locks: Iterable[Placement]) -> dict[str, int] | None:
    """Per applicant, the minutes still allowed on top of the locks (None: no weekly limit).
    Applicants missing from the dict have the full limit left."""
    if problem.max_minutes_per_week is None:
        return None
    cap = problem.max_minutes_per_week
    return {key: max(0, cap - used) for key, used in locked_minutes(problem, locks).items()}


def _grid_starts(step: int, earliest: int, latest_end: int, duration: int) -> range:
    first = -(-earliest // step) * step  # ceiling to the grid
    return range(first, latest_end - duration + 1, step)


def free_time(space: SpaceWeek, weekday: int) -> list[Interval]:
    return merge(space.free.get(weekday, ()))


def enumerate_candidates(problem: Problem) -> list[Candidate]:
    """Every candidate of every wish that is not locked, per wish in the order of its spaces
    (first choice first), then by start: the order the greedy baseline tries them in."""
    step = max(1, problem.step)
    spaces = {space.id: space for space in problem.spaces}
    locks = effective_locks(problem)
    wishes = wishes_by_id(problem)
    taken: dict[tuple[int, int], list[Interval]] = defaultdict(list)
    for lock in locks:
        wish = wishes[lock.wish]
        taken[lock.space, wish.weekday].append((lock.start, lock.start + wish.duration))
    locked_wishes = {lock.wish for lock in locks}
    free_cache: dict[tuple[int, int], list[Interval]] = {}

    def available(space: SpaceWeek, weekday: int) -> list[Interval]:
        key = (space.id, weekday)
        if key not in free_cache:
            free_cache[key] = subtract(free_time(space, weekday), taken.get(key, ()))
        return free_cache[key]

    candidates: list[Candidate] = []
    for wish in problem.wishes:
        if wish.id in locked_wishes or wish.duration <= 0:
            continue
        candidates.extend(_wish_candidates(wish, spaces, available, step))
    return candidates


def _wish_candidates(
    wish: Wish,
    spaces: dict[int, SpaceWeek],
    available: Callable[[SpaceWeek, int], list[Interval]],
    step: int,
) -> Iterator[Candidate]:
    seen: set[int] = set()
    for preference, space_id in enumerate(wish.spaces):
        space = spaces.get(space_id)
        if space is None or space_id in seen or space.capacity < wish.attendees:
            continue
        seen.add(space_id)
        for free_start, free_end in available(space, wish.weekday):
            earliest = max(free_start, wish.window_start)
            latest_end = min(free_end, wish.window_end)
            for start in _grid_starts(step, earliest, latest_end, wish.duration):
                yield Candidate(wish=wish, space=space_id, start=start, preference=preference)
