"""Fifty people press "book" for the same slot at the same moment: exactly one gets it."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time

import pytest
from django.db import connection, connections

from lampio.bookings import services
from lampio.bookings.errors import SlotTaken
from lampio.bookings.models import ACTIVE_STATUSES, Booking
from lampio.core.timeranges import local_datetime

ATTEMPTS = 50
DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def race(space, people, starts, ends):
    barrier = threading.Barrier(len(people))

    def attempt(index: int) -> str:
        person = people[index]
        try:
            barrier.wait(timeout=30)
            services.book_space(
                actor=person,
                space=space,
                starts_at=starts[index % len(starts)],
                ends_at=ends[index % len(ends)],
                purpose="Sulkapallo",
                attendees=4,
                now=NOW,
            )
            return "booked"
        except SlotTaken:
            return "taken"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(attempt, range(len(people))))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_attempts_at_one_slot_give_one_booking(make_space, make_user):
    space = make_space()
    people = [make_user() for _ in range(ATTEMPTS)]
    outcomes = race(space, people, [local_datetime(DAY, time(18))], [local_datetime(DAY, time(19))])
    assert outcomes.count("booked") == 1
    assert outcomes.count("taken") == ATTEMPTS - 1
    assert Booking.objects.filter(space=space, status__in=ACTIVE_STATUSES).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_overlapping_but_different_slots_never_both_win(make_space, make_user):
    """Half ask for 18–19, half for 18:30–19:30: they overlap, so still only one booking."""
    space = make_space()
    people = [make_user() for _ in range(ATTEMPTS)]
    starts = [local_datetime(DAY, time(18)), local_datetime(DAY, time(18, 30))]
    ends = [local_datetime(DAY, time(19)), local_datetime(DAY, time(19, 30))]
    outcomes = race(space, people, starts, ends)
    assert outcomes.count("booked") == 1
    assert Booking.objects.filter(space=space, status__in=ACTIVE_STATUSES).count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
def test_the_database_itself_refuses_an_overlapping_row(make_space, resident, db):
    """Even code that skips the service cannot write a double booking on PostgreSQL."""
    from django.db import IntegrityError, transaction

    space = make_space()
    start, end = local_datetime(DAY, time(18)), local_datetime(DAY, time(19))
    fields = {
        "space": space,
        "booker": resident,
        "status": "confirmed",
        "purpose": "x",
        "starts_at": start,
        "ends_at": end,
        "blocked_from": start,
        "blocked_until": end,
    }
    Booking.objects.create(**fields)
    with pytest.raises(IntegrityError, match="booking_no_overlap_in_space"), transaction.atomic():
        half_past = start.replace(minute=30)
        Booking.objects.create(**{**fields, "starts_at": half_past, "blocked_from": half_past})
    Booking.objects.create(**{**fields, "status": "cancelled"})  # inactive rows may overlap
