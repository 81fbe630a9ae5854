"""Running the solver, and staff moving, locking and removing single allocations."""

from __future__ import annotations

from datetime import date, time

import pytest
from auditlog.models import LogEntry

from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.seasons.errors import (
    AllocationsOverlap,
    ApplicationsStillOpen,
    NotFreeThen,
    RoundPublished,
)
from lampio.seasons.models import Allocation, AllocationRun, AllocationSource, ApplicationRound
from lampio.seasons.services.allocation import (
    lock_allocation,
    move_allocation,
    remove_allocation,
    run_allocation,
    unlock_allocation,
)
from lampio.seasons.tests.round_factories import NOW, WHILE_OPEN, apply, booking_on, make_round
from lampio.tenancy.models import Role


@pytest.fixture
def hall(org, make_space):
    return make_space(org, capacity=40, name_fi="Sali")


@pytest.fixture
def gym(org, make_space):
    return make_space(org, capacity=10, name_fi="Pieni sali")


@pytest.fixture
def full_round(staff, org, hall, gym, make_user):
    """Three applicants wanting Tuesday 17–20 in the hall for 90 minutes: two fit."""
    application_round = make_round(staff, org, [hall, gym])
    for number, (activity, rank) in enumerate(
        [("Juniorisähly", 1), ("Kuoro", 2), ("Aikuisten sähly", 3)]
    ):
        apply(
            application_round,
            make_user(),
            activity=activity,
            rank=rank,
            wishes=[{"attendees": 20, "spaces": [hall]}],
            submitted_at=NOW.replace(minute=number),
        )
    return application_round


def _run(application_round, staff, **kwargs):
    return run_allocation(actor=staff, application_round=application_round, time_limit=5, now=NOW)


def test_the_solver_fills_what_fits_and_records_the_run(full_round, staff, hall):
    run = _run(full_round, staff)

    allocations = list(full_round.allocations.order_by("starts_time"))
    assert len(allocations) == 2
    assert {a.wish.application.activity for a in allocations} == {"Juniorisähly", "Kuoro"}
    assert [(a.starts_time, a.ends_time) for a in allocations] == [
        (time(17), time(18, 30)),
        (time(18, 30), time(20)),
    ]
    assert all(a.space == hall and a.weekday == 2 for a in allocations)
    assert all(a.source == AllocationSource.SOLVER and not a.locked for a in allocations)
    assert (run.wishes, run.allocated, run.started_by) == (3, 2, staff)
    assert run.satisfied_by_rank == {"1": 1.0, "2": 1.0, "3": 0.0}
    assert run.solver_status in {"optimal", "feasible"}
    assert run.seconds >= 0
    assert LogEntry.objects.get_for_object(allocations[0]).get().actor == staff


def test_a_rerun_keeps_locked_allocations_and_replaces_the_rest(full_round, staff, hall):
    third = full_round.applications.get(activity="Aikuisten sähly").wishes.get()
    moved = move_allocation(actor=staff, wish=third, space=hall, starts_time=time(17), now=NOW)
    assert (moved.locked, moved.source) == (True, AllocationSource.STAFF)

    run = _run(full_round, staff)

    assert Allocation.objects.get(pk=moved.pk).starts_time == time(17)
    assert full_round.allocations.count() == 2  # the locked one and one more after it
    other = full_round.allocations.exclude(pk=moved.pk).get()
    assert other.starts_time == time(18, 30)
    assert other.wish.application.activity == "Juniorisähly"  # rank 1 goes first
    assert run.allocated == 2 and AllocationRun.objects.count() == 1


def test_the_solver_waits_for_the_applications_to_close(full_round, staff):
    with pytest.raises(ApplicationsStillOpen):
        run_allocation(actor=staff, application_round=full_round, now=WHILE_OPEN)


def test_a_published_round_is_not_allocated_again(full_round, staff):
    ApplicationRound.objects.filter(pk=full_round.pk).update(published_at=NOW)
    full_round.refresh_from_db()
    with pytest.raises(RoundPublished):
        _run(full_round, staff)


def test_viewers_cannot_run_the_solver(full_round, org, make_member):
    with pytest.raises(PermissionDenied):
        _run(full_round, make_member(org, role=Role.VIEWER))


def test_a_move_into_another_allocation_names_it(full_round, staff, hall):
    _run(full_round, staff)
    third = full_round.applications.get(activity="Aikuisten sähly").wishes.get()
    with pytest.raises(AllocationsOverlap) as refused:
        move_allocation(actor=staff, wish=third, space=hall, starts_time=time(18), now=NOW)
    assert "Kuoro" in str(refused.value.message) or "Juniorisähly" in str(refused.value.message)
    assert refused.value.field == "starts_time"
    assert not Allocation.objects.filter(wish=third).exists()


def test_moves_outside_free_time_or_into_a_small_space_are_refused(full_round, staff, hall, gym):
    wish = full_round.applications.get(activity="Kuoro").wishes.get()
    with pytest.raises(NotFreeThen):  # the hall closes at 22
        move_allocation(actor=staff, wish=wish, space=hall, starts_time=time(21), now=NOW)
    with pytest.raises(InvalidInput) as refused:  # 20 people, 10 places
        move_allocation(actor=staff, wish=wish, space=gym, starts_time=time(17), now=NOW)
    assert refused.value.field == "space"


def test_a_move_keeps_the_weekday_and_duration(full_round, staff, hall, org, make_space):
    _run(full_round, staff)
    outside = make_space(org)
    allocation = full_round.allocations.order_by("starts_time").first()
    wish = allocation.wish
    with pytest.raises(InvalidInput):  # not a space of the round
        move_allocation(actor=staff, wish=wish, space=outside, starts_time=time(8), now=NOW)
    moved = move_allocation(actor=staff, wish=wish, space=hall, starts_time=time(9, 15), now=NOW)
    assert moved.pk == allocation.pk
    assert (moved.weekday, moved.starts_time, moved.ends_time) == (2, time(9, 15), time(10, 45))


def test_lock_unlock_and_remove(full_round, staff):
    _run(full_round, staff)
    allocation = full_round.allocations.first()
    lock_allocation(actor=staff, allocation=allocation, now=NOW)
    assert Allocation.objects.get(pk=allocation.pk).locked
    unlock_allocation(actor=staff, allocation=allocation, now=NOW)
    assert not Allocation.objects.get(pk=allocation.pk).locked
    remove_allocation(actor=staff, allocation=allocation, now=NOW)
    assert not Allocation.objects.filter(pk=allocation.pk).exists()
    entries = LogEntry.objects.filter(object_pk=str(allocation.pk), actor=staff)
    assert entries.count() >= 3  # created by the run, then locked, unlocked, deleted


def test_the_weekly_limit_holds(staff, org, hall, make_user):
    application_round = make_round(staff, org, [hall], max_minutes_per_week=120)
    apply(
        application_round,
        make_user(),
        wishes=[{"weekday": day, "minutes": 90, "spaces": [hall]} for day in (1, 2, 3)],
    )
    run = _run(application_round, staff)
    assert application_round.allocations.count() == 1
    assert run.allocated == 1


def test_a_booking_made_after_close_is_respected(full_round, staff, hall):
    booking_on(hall, date(2031, 1, 14), time(17), time(18, 30))  # one Tuesday in January
    _run(full_round, staff)
    allocation = full_round.allocations.get()
    assert (allocation.starts_time, allocation.wish.application.activity) == (
        time(18, 30),
        "Juniorisähly",
    )
