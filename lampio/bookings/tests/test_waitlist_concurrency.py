"""The waitlisted person accepts while others try to book the freed slot directly: one wins."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import time, timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from lampio.bookings import services, waitlist_services
from lampio.bookings.errors import OfferExpired, SlotTaken
from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from lampio.core.timeranges import local_datetime

OTHERS = 8

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"),
    pytest.mark.django_db(transaction=True),
]


def race(space, entry, waiting, others, starts, ends):
    people = [waiting, *others]
    barrier = threading.Barrier(len(people))

    def attempt(index: int) -> str:
        try:
            barrier.wait(timeout=30)
            if index == 0:
                waitlist_services.accept_offer(actor=waiting, entry=entry)
                return "accepted"
            services.book_space(
                actor=people[index],
                space=space,
                starts_at=starts,
                ends_at=ends,
                purpose="Sulkapallo",
                attendees=2,
            )
            return "booked"
        except SlotTaken:
            return "taken"
        except OfferExpired:
            return "expired"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        return list(pool.map(attempt, range(len(people))))


# Seconds from now when the offer's hold lapses: long open, already lapsed, and right at the
# moment the threads are let go (either side may win, never both).
@pytest.mark.parametrize("lapses_in", [600.0, -1.0, 0.05])
def test_accepting_and_booking_the_freed_slot_at_once_give_one_booking(
    make_space, make_user, lapses_in
):
    space = make_space()
    day = timezone.localdate() + timedelta(days=5)
    starts, ends = local_datetime(day, time(18)), local_datetime(day, time(19))
    holder, waiting = make_user(), make_user()
    others = [make_user() for _ in range(OTHERS)]
    booking = services.book_space(
        actor=holder, space=space, starts_at=starts, ends_at=ends, purpose="x", attendees=1
    )
    entry = waitlist_services.join_waitlist(
        actor=waiting, space=space, starts_at=starts, ends_at=ends
    )
    services.cancel_booking(actor=holder, booking=booking)
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    Booking.objects.filter(pk=entry.offer_id).update(
        hold_expires_at=timezone.now() + timedelta(seconds=lapses_in)
    )
    outcomes = race(space, entry, waiting, others, starts, ends)
    winners = Booking.objects.filter(
        space=space, status__in=[BookingStatus.CONFIRMED, BookingStatus.REQUESTED]
    )
    assert winners.count() == outcomes.count("accepted") + outcomes.count("booked") <= 1
    if lapses_in > 60:
        assert outcomes.count("accepted") == 1 and outcomes.count("taken") == OTHERS
        assert winners.get().booker == waiting
    elif lapses_in < 0:
        assert outcomes[0] == "expired" and outcomes.count("booked") == 1
        assert WaitlistEntry.objects.get(pk=entry.pk).status == WaitlistStatus.LAPSED
    assert (
        not Booking.objects.filter(space=space, status=BookingStatus.HELD)
        .exclude(hold_expires_at__lte=timezone.now())
        .exclude(pk=entry.offer_id)
        .exists()
    )
