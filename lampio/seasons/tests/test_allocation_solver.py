"""The CP-SAT allocation and the greedy baseline on small problems whose answer is known."""

from __future__ import annotations

import pytest
from ortools.sat.python import cp_model

from lampio.seasons.allocation import objective
from lampio.seasons.allocation.cpsat import solve
from lampio.seasons.allocation.greedy import allocate_greedily
from lampio.seasons.allocation.problem import Placement, Problem
from lampio.seasons.allocation.scoring import satisfied_share, violations
from lampio.seasons.tests.allocation_factories import hm, space, wish


def placed(solution) -> dict[int, tuple[int, int]]:
    return {p.wish: (p.space, p.start) for p in solution.placements}


def test_greedy_blocks_a_slot_two_wishes_could_share_the_solver_does_not():
    # Open 16–19. A is flexible, B only fits 16:00–17:30; greedy gives A the earliest start.
    problem = Problem(
        wishes=(
            wish(1, window=(hm(16), hm(19)), duration=90),
            wish(2, window=(hm(16), hm(17, 30)), duration=90),
        ),
        spaces=(space(1, opens=hm(16), closes=hm(19)),),
        step=30,
    )

    greedy = allocate_greedily(problem)
    solved = solve(problem, time_limit=5)

    assert placed(greedy) == {1: (1, hm(16))}
    assert placed(solved) == {2: (1, hm(16)), 1: (1, hm(17, 30))}
    assert solved.status == "optimal"
    assert satisfied_share(problem, solved.placements) == 1.0
    assert satisfied_share(problem, greedy.placements) == 0.5
    assert solved.satisfied_by_rank == {1: 1.0}
    assert violations(problem, solved.placements) == []


def test_an_alternative_space_makes_room_although_it_costs_a_first_choice():
    problem = Problem(
        wishes=(
            wish(1, window=(hm(17), hm(18)), duration=60, spaces=(1, 2)),
            wish(2, window=(hm(17), hm(18)), duration=60, spaces=(1,)),
        ),
        spaces=(space(1), space(2)),
    )

    assert placed(allocate_greedily(problem)) == {1: (1, hm(17))}
    assert placed(solve(problem, time_limit=5)) == {1: (2, hm(17)), 2: (1, hm(17))}


@pytest.mark.parametrize("staged", [False, True])
def test_one_higher_priority_minute_beats_any_lower_priority_minutes(monkeypatch, staged):
    if staged:  # force one solve per rank, as for rounds too big for one objective
        monkeypatch.setattr(objective, "EXACT_LIMIT", 1)
    problem = Problem(
        wishes=(
            wish(1, window=(hm(16), hm(17, 30)), duration=90, rank=2, order=1),
            wish(2, window=(hm(17, 30), hm(19)), duration=90, rank=2, order=2),
            wish(3, window=(hm(17), hm(18)), duration=60, rank=1, order=3),
        ),
        spaces=(space(1, opens=hm(16), closes=hm(19)),),
    )

    solved = solve(problem, time_limit=5)

    assert placed(solved) == {3: (1, hm(17))}
    assert solved.satisfied_by_rank == {1: 1.0, 2: 0.0}
    assert solved.status == "optimal"


def test_strict_weights_outweigh_everything_below():
    weights, total = objective.strict_weights([1, 2, 3], {1: 10, 2: 20, 3: 30})

    assert weights[3] == 1
    assert weights[2] == 1 + 30
    assert weights[1] == 1 + 30 + 31 * 20
    assert total == weights[1] * 10 + weights[2] * 20 + weights[3] * 30


def test_the_first_choice_space_wins_when_it_is_free():
    problem = Problem(
        wishes=(wish(1, window=(hm(17), hm(20)), duration=60, spaces=(2, 1)),),
        spaces=(space(1), space(2)),
    )

    assert placed(solve(problem, time_limit=5))[1][0] == 2


def test_the_preference_bonus_never_outweighs_a_minute():
    # Wish 1 in its first choice (space 1) would push out wish 2, which only fits there.
    problem = Problem(
        wishes=(
            wish(1, window=(hm(17), hm(18)), duration=60, spaces=(1, 2, 3)),
            wish(2, window=(hm(17), hm(18)), duration=60, spaces=(1,), rank=2),
        ),
        spaces=(space(1), space(2), space(3)),
    )

    assert placed(solve(problem, time_limit=5)) == {1: (2, hm(17)), 2: (1, hm(17))}


def test_the_weekly_limit_per_applicant_holds():
    wishes = tuple(
        wish(n, window=(hm(17), hm(19)), duration=90, weekday=n, applicant="org:7")
        for n in (1, 2, 3)
    )
    problem = Problem(wishes=wishes, spaces=(space(1),), max_minutes_per_week=200)

    solved = solve(problem, time_limit=5)
    greedy = allocate_greedily(problem)

    assert len(solved.placements) == 2
    assert [p.wish for p in greedy.placements] == [1, 2]
    assert violations(problem, solved.placements) == []


def test_locks_are_kept_count_toward_the_limit_and_are_not_overlapped():
    lock = Placement(wish=1, space=1, start=hm(17))
    problem = Problem(
        wishes=(
            wish(1, window=(hm(17), hm(18)), duration=60, applicant="org:1"),
            wish(2, window=(hm(16), hm(18, 30)), duration=60, applicant="org:2"),
            wish(3, window=(hm(16), hm(22)), duration=60, applicant="org:1", weekday=2),
        ),
        spaces=(space(1),),
        locked=(lock,),
        max_minutes_per_week=90,
    )

    solved = solve(problem, time_limit=5)

    assert lock in solved.placements
    assert 3 not in placed(solved)  # the lock used 60 of org:1's 90 minutes
    start = placed(solved)[2][1]
    assert start + 60 <= hm(17) or start >= hm(18)
    assert violations(problem, solved.placements) == []


def test_a_lock_outside_the_free_time_is_staff_s_decision_and_stays():
    lock = Placement(wish=1, space=1, start=hm(21, 30))  # runs past closing and is too small
    problem = Problem(
        wishes=(
            wish(1, window=(hm(21), hm(23)), duration=60, attendees=99),
            wish(2, window=(hm(21), hm(22)), duration=60),
        ),
        spaces=(space(1),),
        locked=(lock,),
    )

    for solution in (solve(problem, time_limit=5), allocate_greedily(problem)):
        assert solution.placements == [lock]
        assert violations(problem, solution.placements) == []


def test_an_empty_problem_has_an_empty_allocation():
    problem = Problem(wishes=(), spaces=())

    solved = solve(problem)

    assert solved.placements == []
    assert solved.status == "optimal"
    assert solved.satisfied_by_rank == {}
    assert satisfied_share(problem, []) == 1.0
    assert allocate_greedily(problem).placements == []


def test_a_wish_without_any_possible_slot_stays_unmet():
    problem = Problem(
        wishes=(
            wish(1, window=(hm(12), hm(15)), duration=60),  # the space opens at 16
            wish(2, window=(hm(17), hm(19)), duration=60, attendees=31),  # too many people
            wish(3, window=(hm(17), hm(19)), duration=60, spaces=(404,)),  # no such space
        ),
        spaces=(space(1, capacity=30),),
    )

    solved = solve(problem, time_limit=5)

    assert solved.placements == []
    assert solved.status == "optimal"
    assert solved.satisfied_by_rank == {1: 0.0}
    assert allocate_greedily(problem).placements == []


def test_without_a_solver_answer_in_time_the_greedy_result_is_returned(monkeypatch):
    monkeypatch.setattr(cp_model.CpSolver, "solve", lambda self, model, *a, **k: cp_model.UNKNOWN)
    problem = Problem(wishes=(wish(1, window=(hm(16), hm(19)), duration=90),), spaces=(space(1),))

    solved = solve(problem, time_limit=1)

    assert solved.status == "greedy"
    assert placed(solved) == {1: (1, hm(16))}
