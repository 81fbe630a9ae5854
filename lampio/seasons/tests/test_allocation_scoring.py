"""Shares of wished minutes and the feasibility check both solvers are held to."""

from __future__ import annotations

from lampio.seasons.allocation.problem import Placement, Problem, SpaceWeek
from lampio.seasons.allocation.scoring import satisfied_by_rank, satisfied_share, violations
from lampio.seasons.tests.allocation_factories import hm, space, wish

PROBLEM = Problem(
    wishes=(
        wish(1, window=(hm(16), hm(19)), duration=120, rank=1, applicant="org:1"),
        wish(2, window=(hm(16), hm(19)), duration=60, rank=1, applicant="org:2"),
        wish(3, window=(hm(17), hm(20)), duration=90, rank=2, applicant="org:1", spaces=(1, 2)),
    ),
    spaces=(
        space(1),
        # Space 2: small, and taken 18:00–19:00 on Mondays by an existing booking.
        SpaceWeek(id=2, capacity=5, free={1: ((hm(16), hm(18)), (hm(19), hm(22)))}),
    ),
    max_minutes_per_week=180,
)


def test_shares_count_wished_minutes_per_rank():
    placements = [Placement(1, 1, hm(16)), Placement(3, 1, hm(18))]

    assert satisfied_by_rank(PROBLEM, placements) == {1: 120 / 180, 2: 1.0}
    assert satisfied_share(PROBLEM, placements) == 210 / 270
    # A duplicate or an unknown wish never pushes a share over its real value.
    assert satisfied_share(PROBLEM, [*placements, Placement(1, 1, hm(16)), Placement(9, 1, 0)]) == (
        210 / 270
    )


def test_a_feasible_allocation_has_no_violations():
    assert violations(PROBLEM, [Placement(1, 1, hm(16)), Placement(2, 1, hm(18))]) == []


def test_each_broken_rule_is_named():
    cases = {
        "no such wish": [Placement(9, 1, hm(16))],
        "placed more than once": [Placement(2, 1, hm(16)), Placement(2, 1, hm(17))],
        "space not acceptable": [Placement(2, 2, hm(16))],
        "capacity": [Placement(3, 2, hm(17))],
        "grid": [Placement(2, 1, hm(16, 5))],
        "outside the window": [Placement(2, 1, hm(18, 30))],
        "overlaps": [Placement(1, 1, hm(16)), Placement(2, 1, hm(17))],
        "limit 180": [Placement(1, 1, hm(16)), Placement(3, 1, hm(18))],
    }
    for expected, placements in cases.items():
        found = violations(PROBLEM, placements)
        assert any(expected in text for text in found), (expected, found)


def test_a_slot_over_an_existing_booking_is_not_free():
    problem = Problem(
        wishes=(wish(1, window=(hm(17), hm(21)), duration=90, spaces=(2,), attendees=5),),
        spaces=PROBLEM.spaces,
    )

    assert violations(problem, [Placement(1, 2, hm(19))]) == []
    assert violations(problem, [Placement(1, 2, hm(17))]) == [
        f"{Placement(1, 2, hm(17))}: not within the free time on weekday 1"
    ]


def test_touching_free_intervals_are_one():
    joined = SpaceWeek(id=1, capacity=30, free={1: ((hm(16), hm(18)), (hm(18), hm(20)))})
    problem = Problem(wishes=(wish(1, window=(hm(17), hm(19)), duration=120),), spaces=(joined,))

    assert violations(problem, [Placement(1, 1, hm(17))]) == []


def test_locks_must_stay_unchanged_but_may_break_the_rules():
    lock = Placement(2, 1, hm(21, 30))  # outside its window and past closing
    problem = Problem(wishes=PROBLEM.wishes, spaces=PROBLEM.spaces, locked=(lock,))

    assert violations(problem, [lock]) == []
    assert violations(problem, []) == [f"lock {lock} missing"]
    assert any("differs from the lock" in v for v in violations(problem, [Placement(2, 1, hm(16))]))
    # Others must not overlap it.
    assert any("overlaps" in v for v in violations(problem, [lock, Placement(1, 1, hm(20))]))
