"""How good an allocation is, and whether it is allowed at all.

Shares count wished minutes: a 120-minute wish placed weighs twice a 60-minute one. Locked
placements count like any other; a wish placed twice (never allowed) counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .candidates import effective_locks, free_time, wishes_by_id
from .problem import Placement, Problem, Wish


def _placed_wishes(problem: Problem, placements: Sequence[Placement]) -> list[Wish]:
    wishes = wishes_by_id(problem)
    placed = {p.wish for p in placements if p.wish in wishes}
    return [wishes[wish_id] for wish_id in placed]


def satisfied_by_rank(problem: Problem, placements: Sequence[Placement]) -> dict[int, float]:
    """Per priority rank present in the problem, the share (0..1) of its wished minutes placed."""
    wished: dict[int, int] = defaultdict(int)
    for wish in problem.wishes:
        wished[wish.rank] += wish.duration
    got: dict[int, int] = defaultdict(int)
    for wish in _placed_wishes(problem, placements):
        got[wish.rank] += wish.duration
    return {rank: (got[rank] / total if total else 1.0) for rank, total in sorted(wished.items())}


def satisfied_share(problem: Problem, placements: Sequence[Placement]) -> float:
    """The share (0..1) of all wished minutes placed; 1.0 when nothing was wished."""
    wished = sum(wish.duration for wish in problem.wishes)
    got = sum(wish.duration for wish in _placed_wishes(problem, placements))
    return got / wished if wished else 1.0


def minutes_by_rank(problem: Problem, placements: Sequence[Placement]) -> tuple[int, ...]:
    """Placed minutes per rank, highest priority first: compared as tuples, this is the strict
    priority order the solver maximises (without its preference tie-breaker)."""
    ranks = sorted({wish.rank for wish in problem.wishes})
    got: dict[int, int] = defaultdict(int)
    for wish in _placed_wishes(problem, placements):
        got[wish.rank] += wish.duration
    return tuple(got[rank] for rank in ranks)


def violations(problem: Problem, placements: Sequence[Placement]) -> list[str]:
    """Every broken rule, in words for a developer; empty when the placements are feasible.

    Locked placements are staff's decisions: they must be present unchanged, but whether they
    themselves fit the free time, window, grid or capacity is not checked, and two locks may
    overlap each other. Everything else must not overlap them, and an applicant's weekly minutes
    may exceed the limit only as far as their locks alone already do.
    """
    wishes = wishes_by_id(problem)
    spaces = {space.id: space for space in problem.spaces}
    locks = {lock.wish: lock for lock in effective_locks(problem)}
    problems: list[str] = []
    seen: set[int] = set()
    booked: dict[tuple[int, int], list[tuple[int, int, Placement, bool]]] = defaultdict(list)
    minutes: dict[str, int] = defaultdict(int)
    locked: dict[str, int] = defaultdict(int)
    for placement in placements:
        wish = wishes.get(placement.wish)
        if wish is None:
            problems.append(f"{placement}: no such wish")
            continue
        if wish.id in seen:
            problems.append(f"{placement}: wish {wish.id} placed more than once")
            continue
        seen.add(wish.id)
        is_lock = locks.get(wish.id) == placement
        if wish.id in locks and not is_lock:
            problems.append(f"{placement}: differs from the lock {locks[wish.id]}")
        end = placement.start + wish.duration
        booked[placement.space, wish.weekday].append((placement.start, end, placement, is_lock))
        minutes[wish.applicant] += wish.duration
        if is_lock:
            locked[wish.applicant] += wish.duration
        else:
            problems.extend(_slot_problems(problem, spaces, wish, placement))
    problems.extend(
        f"lock {lock} missing" for wish_id, lock in locks.items() if wish_id not in seen
    )
    for intervals in booked.values():
        problems.extend(_overlaps(intervals))
    cap = problem.max_minutes_per_week
    if cap is not None:
        for applicant, total in minutes.items():
            if total > max(cap, locked[applicant]):
                problems.append(f"applicant {applicant}: {total} minutes a week, limit {cap}")
    return problems


def _slot_problems(problem: Problem, spaces: dict, wish: Wish, placement: Placement) -> list[str]:
    found: list[str] = []
    space = spaces.get(placement.space)
    end = placement.start + wish.duration
    if placement.space not in wish.spaces or space is None:
        return [f"{placement}: space not acceptable for wish {wish.id}"]
    if space.capacity < wish.attendees:
        found.append(f"{placement}: capacity {space.capacity} < {wish.attendees} attendees")
    if placement.start % max(1, problem.step):
        found.append(f"{placement}: start not on the {problem.step}-minute grid")
    if placement.start < wish.window_start or end > wish.window_end:
        found.append(f"{placement}: outside the window {wish.window_start}–{wish.window_end}")
    if not any(s <= placement.start and end <= e for s, e in free_time(space, wish.weekday)):
        found.append(f"{placement}: not within the free time on weekday {wish.weekday}")
    return found


def _overlaps(intervals: list[tuple[int, int, Placement, bool]]) -> list[str]:
    found: list[str] = []
    ordered = sorted(intervals, key=lambda item: item[0])
    for i, (_start, end, placement, is_lock) in enumerate(ordered):
        for other_start, _end, other, other_lock in ordered[i + 1 :]:
            if other_start >= end:
                break
            if not (is_lock and other_lock):
                found.append(f"{placement} overlaps {other}")
    return found
