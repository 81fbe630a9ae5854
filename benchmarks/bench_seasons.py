"""Seasonal allocation (issue #6): the CP-SAT solver against the greedy baseline.

A synthetic, seeded round (`seasons_synthetic.py`): 2,000 applications of one wished slot each
for 300 spaces, three priority classes, a 6-hour weekly limit per applicant. Both methods solve
the same problem in this process (the solvers are pure Python over plain data: no database).
Both answers are checked with `scoring.violations`; the script exits 1 if either is infeasible.

Run: `make bench` or `.venv/bin/python benchmarks/bench_seasons.py`. Knobs:
BENCH_SEASON_APPLICATIONS (2000), BENCH_SEASON_SPACES (300), BENCH_SEASON_SEED (2024),
BENCH_SEASON_TIME_LIMIT (solver seconds, 20), BENCH_SEASON_WORKERS (2).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seasons_synthetic import synthetic_round  # noqa: E402

from lampio.seasons.allocation.candidates import enumerate_candidates  # noqa: E402
from lampio.seasons.allocation.cpsat import solve  # noqa: E402
from lampio.seasons.allocation.greedy import allocate_greedily  # noqa: E402
from lampio.seasons.allocation.problem import Problem, Solution, SpaceWeek  # noqa: E402
from lampio.seasons.allocation.scoring import satisfied_share, violations  # noqa: E402

PRIME = (17 * 60, 21 * 60)


def prime_free(space: SpaceWeek) -> int:
    return sum(
        max(0, min(end, PRIME[1]) - max(start, PRIME[0]))
        for day in (1, 2, 3, 4)
        for start, end in space.free.get(day, ())
    )


def describe(problem: Problem, applicants: int) -> None:
    wished = sum(w.duration for w in problem.wishes)
    per_applicant = Counter(w.applicant for w in problem.wishes)
    minutes: Counter[str] = Counter()
    for wish in problem.wishes:
        minutes[wish.applicant] += wish.duration
    over_cap = sum(1 for m in minutes.values() if m > (problem.max_minutes_per_week or m))
    candidates = enumerate_candidates(problem)
    reachable = len({c.wish.id for c in candidates})
    # Prime time, Monday–Thursday 17–21: first choices against the free time of those spaces.
    spaces = {space.id: space for space in problem.spaces}
    first_choices: Counter[int] = Counter()
    for wish in problem.wishes:
        if wish.weekday <= 4 and wish.window_start < PRIME[1] and wish.window_end > PRIME[0]:
            first_choices[wish.spaces[0]] += wish.duration
    oversubscribed = [s for s, m in first_choices.items() if m > prime_free(spaces[s])]
    print(
        f"{len(problem.wishes):,} wishes (one per application) from {applicants:,} applicants"
        f" ({sum(1 for n in per_applicant.values() if n > 1):,} with several applications,"
        f" {over_cap:,} wishing more than the weekly limit of {problem.max_minutes_per_week} min),"
        f" {len(problem.spaces):,} spaces, {problem.step}-minute grid"
    )
    print(
        f"wished {wished:,} min a week; Mon–Thu 17–21 is oversubscribed in {len(oversubscribed)}"
        f" spaces: {sum(first_choices[s] for s in oversubscribed):,} min wished there as first"
        f" choice, {sum(prime_free(spaces[s]) for s in oversubscribed):,} min free;"
        f" {len(candidates):,} candidate slots,"
        f" {len(problem.wishes) - reachable:,} wishes with none at all\n"
    )


def row(name: str, problem: Problem, solution: Solution, ranks: list[int]) -> list[str]:
    return [
        name,
        f"{satisfied_share(problem, solution.placements):.3f}",
        *(f"{solution.satisfied_by_rank.get(rank, 0.0):.3f}" for rank in ranks),
        f"{len(solution.placements):,}",
        f"{solution.seconds:.2f}",
        solution.status,
    ]


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    applications = int(os.environ.get("BENCH_SEASON_APPLICATIONS", "2000"))
    space_count = int(os.environ.get("BENCH_SEASON_SPACES", "300"))
    seed = int(os.environ.get("BENCH_SEASON_SEED", "2024"))
    time_limit = float(os.environ.get("BENCH_SEASON_TIME_LIMIT", "20"))
    workers = int(os.environ.get("BENCH_SEASON_WORKERS", "2"))
    synthetic = synthetic_round(applications=applications, spaces=space_count, seed=seed)
    problem = synthetic.problem
    print(f"Seasonal allocation, synthetic round (seed {seed}); load {os.getloadavg()[0]:.1f}")
    describe(problem, synthetic.applicants)

    greedy = allocate_greedily(problem)
    print(f"solving with CP-SAT: time limit {time_limit:g} s, {workers} workers …")
    solved = solve(problem, time_limit=time_limit, workers=workers, seed=0)

    ranks = sorted(synthetic.class_names)
    header = [
        "method",
        "satisfied",
        *(f"{rank}: {synthetic.class_names[rank]}" for rank in ranks),
        "wishes placed",
        "seconds",
        "status",
    ]
    rows = [row("CP-SAT solver", problem, solved, ranks), row("greedy", problem, greedy, ranks)]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, ["-" * w for w in widths], *rows]:
        print(" | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))
    print("(satisfied: share of wished minutes placed, overall and per priority class)\n")

    failed = False
    for name, solution in (("solver", solved), ("greedy", greedy)):
        problems = violations(problem, solution.placements)
        if problems:
            failed = True
            print(f"{name} allocation is INFEASIBLE ({len(problems)} violations), e.g.:")
            for text in problems[:5]:
                print(f"  {text}")
    solver_share = satisfied_share(problem, solved.placements)
    greedy_share = satisfied_share(problem, greedy.placements)
    if not failed:
        print("both allocations checked: no violations")
    if solver_share <= greedy_share:
        print("note: the solver did not beat the greedy baseline on this round")
    print(
        f"seasonal-allocation solver_satisfied={solver_share:.3f}"
        f" greedy_satisfied={greedy_share:.3f} solver_seconds={solved.seconds:.2f}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
