"""The solver's objective: wished minutes with strict priority, then the preference bonus.

Each rank's placed minutes are multiplied by a weight larger than everything all lower-priority
ranks together could ever add, so one more minute of a higher class always wins. The minutes
are counted in units of the greatest common divisor of the durations (15 minutes, typically),
which keeps the weights small. On top of that, a candidate in the applicant's first (second)
choice space earns a bonus; minutes are scaled by one more than the largest possible total
bonus, so the bonus only ever breaks ties between allocations with equal minutes.

When the weights of all ranks together would not fit the solver's 53-bit exact arithmetic (many
priority classes in a large round), the ranks are split into consecutive groups solved one
after another, each fixing the result of the ones before: the same strict order, in stages.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .candidates import Candidate

# Objective values stay exactly representable as doubles (the solver reports them as floats).
EXACT_LIMIT = 2**53


@dataclass(frozen=True)
class Stage:
    """One objective: weighted minutes of `weights`' ranks, scaled by `minute_scale`, plus the
    preference bonus when `with_bonus`. A stage with no weights is the bonus alone."""

    weights: dict[int, int]
    minute_scale: int = 1
    with_bonus: bool = False

    def coefficient(self, candidate: Candidate, unit: int) -> int:
        weight = self.weights.get(candidate.wish.rank, 0)
        value = weight * (candidate.wish.duration // unit) * self.minute_scale
        return value + (candidate.bonus if self.with_bonus else 0)


def duration_unit(candidates: Sequence[Candidate]) -> int:
    return math.gcd(*{c.wish.duration for c in candidates}) or 1


def rank_bounds(
    candidates: Sequence[Candidate], unit: int, cap: dict[str, int] | None, full_cap: int | None
) -> dict[int, int]:
    """An upper bound of each rank's placeable units: all its wishes that have a candidate,
    no more per applicant than the weekly limit leaves them."""
    units: dict[tuple[str, int], int] = defaultdict(int)
    counted: set[int] = set()
    for candidate in candidates:
        wish = candidate.wish
        if wish.id not in counted:
            counted.add(wish.id)
            units[wish.applicant, wish.rank] += wish.duration // unit
    bounds: dict[int, int] = defaultdict(int)
    for (applicant, rank), total in units.items():
        if cap is not None and full_cap is not None:
            total = min(total, cap.get(applicant, full_cap) // unit)
        bounds[rank] += total
    return dict(bounds)


def strict_weights(ranks: Sequence[int], bounds: dict[int, int]) -> tuple[dict[int, int], int]:
    """Weights for `ranks` (highest priority first) such that one unit of a rank outweighs the
    most all later ranks can add; and the largest possible weighted total."""
    weights: dict[int, int] = {}
    below = 0  # the most the ranks after the current one can add, weighted
    for rank in reversed(ranks):
        weights[rank] = 1 + below
        below += weights[rank] * bounds.get(rank, 0)
    return weights, below


def plan_stages(
    candidates: Sequence[Candidate], unit: int, cap: dict[str, int] | None, full_cap: int | None
) -> list[Stage]:
    bounds = rank_bounds(candidates, unit, cap, full_cap)
    groups: list[list[int]] = []
    for rank in sorted(bounds):
        if groups and strict_weights([*groups[-1], rank], bounds)[1] < EXACT_LIMIT:
            groups[-1].append(rank)
        else:
            groups.append([rank])
    stages = [Stage(weights=strict_weights(group, bounds)[0]) for group in groups]
    best_bonus: dict[int, int] = defaultdict(int)
    for candidate in candidates:
        best_bonus[candidate.wish.id] = max(best_bonus[candidate.wish.id], candidate.bonus)
    max_bonus = sum(best_bonus.values())
    if max_bonus == 0:
        return stages
    last_max = strict_weights(groups[-1], bounds)[1]
    scale = max_bonus + 1
    if last_max * scale + max_bonus < EXACT_LIMIT:
        stages[-1] = Stage(weights=stages[-1].weights, minute_scale=scale, with_bonus=True)
    else:
        stages.append(Stage(weights={}, with_bonus=True))
    return stages
