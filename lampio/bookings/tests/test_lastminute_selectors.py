"""Last-minute times: freed and usually quiet free time of the coming week, per municipality."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from lampio.bookings.lastminute_selectors import (
    LastMinuteFilters,
    Reason,
    last_minute_slots,
)
from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.core.timeranges import LOCAL_ZONE, local_datetime
from lampio.spaces.models import Bookers, PriceType, SpaceType, Visibility

TODAY = date(2030, 6, 12)  # a Wednesday
NOW = local_datetime(TODAY, time(9))
TOMORROW = TODAY + timedelta(days=1)


def book(space, day, start, end, status=BookingStatus.CONFIRMED, **fields) -> Booking:
    starts, ends = local_datetime(day, time(start)), local_datetime(day, time(end))
    return Booking.objects.create(
        space=space,
        kind=fields.pop("kind", BookingKind.BOOKING),
        status=status,
        starts_at=starts,
        ends_at=ends,
        blocked_from=starts,
        blocked_until=ends,
        purpose="Harjoitus",
        **fields,
    )


def busy_history(space, hours_per_day: int, start: int = 10) -> None:
    """Booked `hours_per_day` of the 14 open hours on each of the past 28 days."""
    for back in range(1, 29):
        book(space, TODAY - timedelta(days=back), start, start + hours_per_day)


def local_hours(slot) -> tuple[int, int]:
    return slot.start.astimezone(LOCAL_ZONE).hour, slot.end.astimezone(LOCAL_ZONE).hour


@pytest.fixture
def municipality(make_municipality):
    return make_municipality(slug="oulu")


@pytest.fixture
def organisation(make_organisation, municipality):
    return make_organisation(municipality=municipality)


def test_quiet_space_lists_its_free_days_and_busy_space_nothing(make_space, organisation):
    quiet = make_space(organisation)
    busy = make_space(organisation)
    busy_history(busy, 10)  # 71 %
    slots = last_minute_slots(municipality=organisation.municipality, now=NOW)
    assert {slot.space for slot in slots} == {quiet}
    assert all(slot.reason == Reason.QUIET for slot in slots)
    days = [slot.start.astimezone(LOCAL_ZONE).date() for slot in slots]
    assert days == [TODAY + timedelta(days=offset) for offset in range(7)]
    assert local_hours(slots[0]) == (9, 22)  # today from now on
    assert local_hours(slots[1]) == (8, 22)
    assert slots == sorted(slots, key=lambda slot: slot.start)


def test_underused_threshold(make_space, organisation):
    below, above = make_space(organisation), make_space(organisation)
    busy_history(below, 4)  # 4 / 14 = 29 %
    busy_history(above, 5)  # 5 / 14 = 36 %
    spaces = {
        slot.space for slot in last_minute_slots(municipality=organisation.municipality, now=NOW)
    }
    assert spaces == {below}


def test_quiet_space_shows_at_most_three_longest_intervals_a_day(make_space, organisation):
    space = make_space(organisation)
    for start in (9, 11, 13, 15):
        book(space, TOMORROW, start, start + 1)
    slots = [
        slot
        for slot in last_minute_slots(municipality=organisation.municipality, now=NOW)
        if slot.start.astimezone(LOCAL_ZONE).date() == TOMORROW
    ]
    # Free: 8–9, 10–11, 12–13, 14–15, 16–22; the three longest are kept.
    assert len(slots) == 3
    assert (16, 22) in [local_hours(slot) for slot in slots]


def test_freed_time_of_a_busy_space_without_the_taken_part(make_space, organisation):
    space = make_space(organisation)
    busy_history(space, 10)
    book(space, TOMORROW, 8, 18)
    book(space, TOMORROW, 17, 20, BookingStatus.CANCELLED, cancelled_at=NOW - timedelta(days=1))
    slots = last_minute_slots(municipality=organisation.municipality, now=NOW)
    assert [(slot.reason, local_hours(slot)) for slot in slots] == [(Reason.FREED, (18, 20))]
    assert slots[0].book_url.startswith(f"/fi/bookings/new/{space.pk}/?start=2030-06-13T18")


def test_long_ago_cancellations_are_not_freed_time(make_space, organisation):
    space = make_space(organisation)
    busy_history(space, 10)
    book(space, TOMORROW, 17, 20, BookingStatus.CANCELLED, cancelled_at=NOW - timedelta(days=20))
    assert last_minute_slots(municipality=organisation.municipality, now=NOW) == []


def test_a_held_offer_keeps_freed_time_taken_and_a_lapsed_one_frees_it(make_space, organisation):
    space = make_space(organisation)
    busy_history(space, 10)
    book(space, TOMORROW, 18, 20, BookingStatus.CANCELLED, cancelled_at=NOW - timedelta(hours=1))
    offer = book(
        space, TOMORROW, 18, 20, BookingStatus.HELD, hold_expires_at=NOW + timedelta(minutes=20)
    )
    assert last_minute_slots(municipality=organisation.municipality, now=NOW) == []
    Booking.objects.filter(pk=offer.pk).update(hold_expires_at=NOW - timedelta(minutes=5))
    slots = last_minute_slots(municipality=organisation.municipality, now=NOW)
    assert [(slot.reason, local_hours(slot)) for slot in slots] == [(Reason.FREED, (18, 20))]


def test_only_the_municipality_s_public_bookable_spaces(
    make_space, make_organisation, organisation
):
    listed = make_space(organisation)
    make_space(make_organisation())  # another municipality
    make_space(organisation, visibility=Visibility.MEMBERS)
    make_space(organisation, who_may_book=Bookers.ORGANISATIONS)
    make_space(organisation, is_published=False)
    spaces = {
        slot.space for slot in last_minute_slots(municipality=organisation.municipality, now=NOW)
    }
    assert spaces == {listed}


def test_filters(make_space, organisation):
    gym = make_space(organisation, capacity=30)
    make_space(organisation, space_type=SpaceType.MEETING_ROOM, capacity=8)
    paid = make_space(organisation, price_type=PriceType.PER_HOUR, price=10, capacity=50)
    municipality = organisation.municipality

    def spaces(**filters) -> set:
        found = last_minute_slots(
            municipality=municipality, now=NOW, filters=LastMinuteFilters(**filters)
        )
        return {slot.space.pk for slot in found}

    assert spaces(space_type=SpaceType.GYM) == {gym.pk, paid.pk}
    assert spaces(min_capacity=20, free_of_charge=True) == {gym.pk}
    evening = last_minute_slots(
        municipality=municipality,
        now=NOW,
        filters=LastMinuteFilters(day=TOMORROW, time_of_day="evening"),
    )
    assert evening and all(local_hours(slot) == (17, 22) for slot in evening)
    assert {slot.start.astimezone(LOCAL_ZONE).date() for slot in evening} == {TOMORROW}


def test_slots_start_on_the_slot_grid(make_space, organisation):
    make_space(organisation, slot_minutes=60)
    now = datetime(2030, 6, 12, 9, 20, tzinfo=LOCAL_ZONE)
    first = last_minute_slots(municipality=organisation.municipality, now=now)[0]
    assert first.start.astimezone(LOCAL_ZONE).time() == time(10)


@pytest.mark.parametrize("count", [1, 6])
def test_queries_do_not_grow_with_spaces(
    make_space, organisation, django_assert_max_num_queries, count
):
    for _index in range(count):
        space = make_space(organisation)
        book(space, TOMORROW, 17, 20, BookingStatus.CANCELLED, cancelled_at=NOW)
        book(space, TOMORROW, 10, 12)
    with django_assert_max_num_queries(4):
        slots = last_minute_slots(municipality=organisation.municipality, now=NOW)
        assert [slot.venue.organisation.municipality.slug for slot in slots]
