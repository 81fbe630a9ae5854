"""The greedy baseline: what a person allocating by hand would do.

Wishes go in priority order (rank, then submission order); each takes the first slot that is
still free: its first-choice space before the alternatives, the earliest start in its window.
Nothing placed is ever moved again, which is why it wastes time the solver does not (see
docs/seasons-allocation.md).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable

from .candidates import Candidate, Interval, effective_locks, enumerate_candidates, remaining_cap
from .problem import Placement, Problem, Solution
from .scoring import satisfied_by_rank


def allocate_greedily(problem: Problem) -> Solution:
    started = time.perf_counter()
    placements = greedy_placements(problem, enumerate_candidates(problem))
    return Solution(
        placements=placements,
        status="greedy",
        seconds=time.perf_counter() - started,
        satisfied_by_rank=satisfied_by_rank(problem, placements),
    )


def greedy_placements(problem: Problem, candidates: Iterable[Candidate]) -> list[Placement]:
    """The locks, then the greedy choice for every other wish (candidates in the order
    `enumerate_candidates` gives them: per wish, preferred space first, then earliest start)."""
    locks = effective_locks(problem)
    by_wish: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_wish[candidate.wish.id].append(candidate)
    wish_of = {wish.id: wish for wish in problem.wishes}
    taken: dict[tuple[int, int], list[Interval]] = defaultdict(list)
    for lock in locks:
        wish = wish_of[lock.wish]
        taken[lock.space, wish.weekday].append((lock.start, lock.start + wish.duration))
    cap = remaining_cap(problem, locks)
    placements = list(locks)
    for wish in sorted(problem.wishes, key=lambda w: (w.rank, w.order, w.id)):
        options = by_wish.get(wish.id)
        if not options:
            continue
        if cap is not None:
            left = cap.get(wish.applicant, problem.max_minutes_per_week or 0)
            if wish.duration > left:
                continue
        for option in options:
            booked = taken[option.space, wish.weekday]
            if all(option.end <= start or option.start >= end for start, end in booked):
                booked.append((option.start, option.end))
                placements.append(option.placement())
                if cap is not None:
                    cap[wish.applicant] = left - wish.duration
                break
    return placements
