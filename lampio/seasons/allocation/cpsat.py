"""The allocation solver: a 0–1 model solved by OR-Tools CP-SAT.

One Boolean per candidate (wish, space, grid start; see `candidates`). Constraints: a wish gets
at most one candidate; in a space on a weekday, the candidates that cover any one moment are at
most one (a clique of the interval graph, which is exactly "no overlap" and gives the linear
relaxation the exact per-room polytope); an applicant's placed minutes stay within the weekly
limit left after their locks. The objective (`objective`) is strict priority on wished minutes,
then the preferred space. The greedy baseline's answer is the hint, so the solver starts from
it and never returns anything worse. The model is explained in docs/seasons-allocation.md.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence

from ortools.sat.python import cp_model

from .candidates import Candidate, effective_locks, enumerate_candidates, remaining_cap
from .greedy import greedy_placements
from .objective import Stage, duration_unit, plan_stages
from .problem import Placement, Problem, Solution
from .scoring import minutes_by_rank, satisfied_by_rank

_STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.UNKNOWN: "unknown",
    cp_model.MODEL_INVALID: "invalid",
}


def solve(
    problem: Problem, *, time_limit: float = 10.0, workers: int = 2, seed: int = 0
) -> Solution:
    """The best allocation CP-SAT finds within `time_limit` seconds of search (model building
    comes on top; `Solution.seconds` counts both). Status "optimal" when proven best,
    "feasible" when time ran out first, "greedy" when the solver found nothing better than the
    greedy baseline in time (its answer is returned)."""
    started = time.perf_counter()
    candidates = enumerate_candidates(problem)
    greedy = greedy_placements(problem, candidates)
    if not candidates:  # nothing to decide: the locks are the allocation
        return _solution(problem, greedy, "optimal", started)
    locks = effective_locks(problem)
    cap = remaining_cap(problem, locks)
    model, chosen = _build_model(problem, candidates, cap)
    greedy_keys = {(p.wish, p.space, p.start) for p in greedy}
    hint = [i for i, c in enumerate(candidates) if (c.wish.id, c.space, c.start) in greedy_keys]
    unit = duration_unit(candidates)
    stages = plan_stages(candidates, unit, cap, problem.max_minutes_per_week)
    deadline = time.perf_counter() + time_limit
    best: list[int] | None = None
    statuses: list[str] = []
    for number, stage in enumerate(stages):
        _set_hint(model, chosen, hint if best is None else best)
        expression = _expression(stage, candidates, chosen, unit)
        model.maximize(expression)
        budget = (deadline - time.perf_counter()) / (len(stages) - number)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(budget, 0.05)
        solver.parameters.num_workers = max(1, workers)
        solver.parameters.random_seed = seed
        status = solver.solve(model)
        statuses.append(_STATUS.get(status, "unknown"))
        if status == cp_model.MODEL_INVALID:
            raise RuntimeError(f"invalid allocation model: {model.validate()}")
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        best = [i for i, var in enumerate(chosen) if solver.boolean_value(var)]
        # Later stages may not give back what this one won.
        model.add(expression >= round(solver.objective_value))
    if best is None:
        if statuses and statuses[0] == "infeasible":  # cannot happen: all-false is allowed
            return _solution(problem, locks, "infeasible", started)
        return _solution(problem, greedy, "greedy", started)
    placements = locks + [candidates[i].placement() for i in best]
    if _quality(problem, candidates, placements) < _quality(problem, candidates, greedy):
        return _solution(problem, greedy, "greedy", started)
    complete = len(statuses) == len(stages) and all(s == "optimal" for s in statuses)
    return _solution(problem, placements, "optimal" if complete else "feasible", started)


def _build_model(
    problem: Problem, candidates: Sequence[Candidate], cap: dict[str, int] | None
) -> tuple[cp_model.CpModel, list[cp_model.IntVar]]:
    model = cp_model.CpModel()
    chosen = [model.new_bool_var(f"x{i}") for i in range(len(candidates))]
    by_wish: dict[int, list[int]] = defaultdict(list)
    by_room: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, candidate in enumerate(candidates):
        by_wish[candidate.wish.id].append(i)
        by_room[candidate.space, candidate.wish.weekday].append(i)
    for indices in by_wish.values():
        if len(indices) > 1:
            model.add_at_most_one(chosen[i] for i in indices)
    for indices in by_room.values():
        for clique in _cliques(candidates, indices):
            model.add_at_most_one(chosen[i] for i in clique)
    if cap is not None:
        full = problem.max_minutes_per_week or 0
        per_applicant: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, candidate in enumerate(candidates):
            per_applicant[candidate.wish.applicant][candidate.wish.id].append(i)
        for applicant, wishes in per_applicant.items():
            limit = cap.get(applicant, full)
            durations = {w: candidates[indices[0]].wish.duration for w, indices in wishes.items()}
            if sum(durations.values()) <= limit:
                continue  # everything wished fits: no constraint needed
            indices = [i for group in wishes.values() for i in group]
            model.add(
                cp_model.LinearExpr.weighted_sum(
                    [chosen[i] for i in indices], [candidates[i].wish.duration for i in indices]
                )
                <= limit
            )
    return model, chosen


def _cliques(candidates: Sequence[Candidate], indices: list[int]) -> list[list[int]]:
    """The maximal sets of one room's candidates that share a moment. Two intervals overlap
    exactly when one contains the other's start, so the sets at the start times cover every
    conflict; a set contained in a neighbour's is redundant and dropped."""
    starts = sorted({candidates[i].start for i in indices})
    sets = [
        frozenset(i for i in indices if candidates[i].start <= t < candidates[i].end)
        for t in starts
    ]
    kept: list[list[int]] = []
    for n, members in enumerate(sets):
        if len(members) < 2:
            continue
        if n > 0 and members <= sets[n - 1]:
            continue
        if n + 1 < len(sets) and members < sets[n + 1]:
            continue
        kept.append(sorted(members))
    return kept


def _expression(
    stage: Stage, candidates: Sequence[Candidate], chosen: list[cp_model.IntVar], unit: int
) -> cp_model.LinearExprT:
    coefficients = [stage.coefficient(c, unit) for c in candidates]
    pairs = [(var, coef) for var, coef in zip(chosen, coefficients, strict=True) if coef]
    return cp_model.LinearExpr.weighted_sum([v for v, _ in pairs], [c for _, c in pairs])


def _set_hint(model: cp_model.CpModel, chosen: list[cp_model.IntVar], ones: list[int]) -> None:
    model.clear_hints()
    selected = set(ones)
    for i, var in enumerate(chosen):
        model.add_hint(var, i in selected)


def _quality(
    problem: Problem, candidates: Sequence[Candidate], placements: list[Placement]
) -> tuple[int, ...]:
    """Strict priority order as a tuple: minutes per rank, then the preference bonus."""
    bonus_of = {(c.wish.id, c.space, c.start): c.bonus for c in candidates}
    bonus = sum(bonus_of.get((p.wish, p.space, p.start), 0) for p in placements)
    return (*minutes_by_rank(problem, placements), bonus)


def _solution(
    problem: Problem, placements: list[Placement], status: str, started: float
) -> Solution:
    return Solution(
        placements=placements,
        status=status,
        seconds=time.perf_counter() - started,
        satisfied_by_rank=satisfied_by_rank(problem, placements),
    )
