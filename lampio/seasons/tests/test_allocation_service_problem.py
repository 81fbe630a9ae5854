"""The round as the solver's problem: wishes, and the weekly time free on every date."""

from __future__ import annotations

from datetime import date, time

import pytest

from lampio.bookings.models import Booking, BookingStatus
from lampio.seasons.allocation.problem import Placement
from lampio.seasons.models import Allocation, AllocationSource, ApplicationStatus
from lampio.seasons.services.problem_builder import build_problem, free_minutes, weekly_opening
from lampio.seasons.tests.round_factories import NOW, apply, booking_on, make_round
from lampio.spaces.models import OpeningHours
from lampio.tenancy.models import OrganisationKind


@pytest.fixture
def hall(org, make_space):
    return make_space(org, capacity=40)


def test_wishes_carry_applicant_rank_window_and_spaces_in_order(
    staff, org, hall, make_space, make_user, make_organisation
):
    second = make_space(org)
    outside = make_space(org)  # wished, but not a space of the round
    application_round = make_round(staff, org, [hall, second])
    club = make_organisation(kind=OrganisationKind.ASSOCIATION)
    person, member = make_user(), make_user()
    later = apply(
        application_round,
        person,
        rank=3,
        wishes=[{"weekday": 4, "earliest": time(18, 30), "latest": time(21), "minutes": 60,
                 "attendees": 8, "spaces": [outside, second, hall]}],
    )  # fmt: skip
    earlier = apply(application_round, member, rank=1, for_organisation=club)
    type(later).objects.filter(pk=later.pk).update(submitted_at=NOW)
    withdrawn = apply(application_round, make_user())
    withdrawn.status = ApplicationStatus.WITHDRAWN
    withdrawn.save()

    problem = build_problem(application_round, NOW)

    first, second_wish = problem.wishes
    assert first.id == earlier.wishes.get().pk and first.order == 0
    assert first.applicant == f"org:{club.pk}" and first.rank == 1
    assert second_wish.applicant == f"user:{person.pk}" and second_wish.rank == 3
    assert (second_wish.weekday, second_wish.window_start, second_wish.window_end) == (
        4,
        18 * 60 + 30,
        21 * 60,
    )
    assert (second_wish.duration, second_wish.attendees) == (60, 8)
    assert second_wish.spaces == (second.pk, hall.pk)  # order kept, the outside space gone
    assert {space.id for space in problem.spaces} == {hall.pk, second.pk}
    assert problem.spaces[0].capacity == 40


def test_free_time_is_opening_hours_less_bookings_on_any_date_of_that_weekday(staff, org, hall):
    application_round = make_round(staff, org, [hall])
    booking_on(hall, date(2030, 11, 12), time(18), time(20))  # one Tuesday only
    booking_on(hall, date(2030, 11, 13), time(9), time(10), status=BookingStatus.CANCELLED)
    booking_on(hall, date(2030, 8, 27), time(8), time(22))  # a Tuesday before the season

    free = free_minutes(application_round, [hall], NOW)[hall.pk]

    assert free[2] == [(8 * 60, 18 * 60), (20 * 60, 22 * 60)]
    assert free[3] == [(8 * 60, 22 * 60)]  # a cancelled booking takes nothing
    assert free[1] == [(8 * 60, 22 * 60)]


def test_free_time_counts_local_wall_clock_across_daylight_saving_changes(staff, org, hall):
    application_round = make_round(staff, org, [hall])
    booking_on(hall, date(2030, 10, 27), time(18), time(20))  # Sunday the clocks go back
    booking_on(hall, date(2031, 3, 30), time(10), time(11))  # Sunday the clocks go forward
    booking_on(hall, date(2030, 10, 26), time(21), time(1))  # Saturday night past midnight

    free = free_minutes(application_round, [hall], NOW)[hall.pk]

    assert free[7] == [(8 * 60, 10 * 60), (11 * 60, 18 * 60), (20 * 60, 22 * 60)]
    assert free[6] == [(8 * 60, 21 * 60)]


def test_buffers_keep_the_new_slot_clear_of_existing_bookings(staff, org, make_space):
    hall = make_space(org, buffer_before_minutes=15, buffer_after_minutes=30)
    application_round = make_round(staff, org, [hall])
    booking_on(hall, date(2030, 9, 10), time(12), time(14))

    free = free_minutes(application_round, [hall], NOW)[hall.pk]

    # A new slot ending at 11.30 has its 30 minutes after up to 12; one starting at 14.15 has
    # its 15 minutes before from 14.
    assert free[2] == [(8 * 60, 11 * 60 + 30), (14 * 60 + 15, 22 * 60)]


def test_opening_past_midnight_continues_on_the_next_weekday():
    late = OpeningHours(weekday=4, opens=time(20), closes=time(2))  # Friday 20–02
    early = OpeningHours(weekday=5, opens=time(10), closes=time(12))
    assert weekly_opening([late, early]) == {5: [(20 * 60, 24 * 60)], 6: [(0, 120), (600, 720)]}


def test_series_this_round_published_do_not_take_time(staff, org, hall, resident):
    from lampio.bookings.models import BookingSeries

    application_round = make_round(staff, org, [hall])
    application = apply(application_round, resident)
    booking = booking_on(hall, date(2030, 9, 3), time(17), time(18, 30))
    series = BookingSeries.objects.create(
        space=hall,
        purpose="Juniorisähly",
        weekdays=[2],
        first_date=date(2030, 9, 3),
        last_date=date(2030, 9, 3),
        starts_time=time(17),
        ends_time=time(18, 30),
    )
    Booking.objects.filter(pk=booking.pk).update(series=series)
    assert free_minutes(application_round, [hall], NOW)[hall.pk][2][0] == (8 * 60, 17 * 60)
    Allocation.objects.create(
        application_round=application_round,
        wish=application.wishes.get(),
        space=hall,
        weekday=2,
        starts_time=time(17),
        ends_time=time(18, 30),
        source=AllocationSource.SOLVER,
        series=series,
    )
    assert free_minutes(application_round, [hall], NOW)[hall.pk][2] == [(8 * 60, 22 * 60)]


def test_locked_allocations_become_locked_placements(staff, org, hall, make_space, resident):
    gym = make_space(org)
    application_round = make_round(staff, org, [hall, gym])
    wish = apply(application_round, resident, wishes=[{"spaces": [hall]}]).wishes.get()
    Allocation.objects.create(
        application_round=application_round,
        wish=wish,
        space=gym,  # staff chose a space the applicant did not list, later than wished
        weekday=2,
        starts_time=time(19),
        ends_time=time(20, 30),
        locked=True,
        source=AllocationSource.STAFF,
    )
    problem = build_problem(application_round, NOW)
    assert problem.locked == (Placement(wish=wish.pk, space=gym.pk, start=19 * 60),)
    assert problem.wishes[0].spaces == (hall.pk, gym.pk)
    assert problem.wishes[0].window_end == 20 * 60 + 30
