"""Races on PostgreSQL: people holding one paid slot at once, the same callback twice at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import translation

from lampio.bookings.errors import SlotTaken
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingStatus
from lampio.notifications.models import Delivery
from lampio.payments.models import OnlinePayment, Order, OrderStatus, ProviderEvent
from lampio.payments.services import online
from lampio.payments.tests.conftest import NOW
from lampio.payments.tests.flows import news, reserve, start_online

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"),
    pytest.mark.django_db(transaction=True),
]
PEOPLE = 12


def at_once(count: int, attempt: Callable[[int], Any]) -> list[Any]:
    barrier = threading.Barrier(count)

    def run(index: int) -> Any:
        try:
            barrier.wait(timeout=30)
            return attempt(index)
        except Exception as error:
            return error
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_people_racing_for_one_paid_slot_leave_one_hold(paid_space, slot, make_user):
    people = [make_user() for _ in range(PEOPLE)]
    outcomes = at_once(PEOPLE, lambda index: reserve(people[index], paid_space, slot))
    won = [outcome for outcome in outcomes if isinstance(outcome, Order)]
    lost = [outcome for outcome in outcomes if isinstance(outcome, SlotTaken)]
    assert len(won) == 1 and len(lost) == PEOPLE - 1, outcomes
    assert Order.objects.count() == 1
    (booking,) = Booking.objects.filter(space=paid_space, status__in=ACTIVE_STATUSES)
    assert booking.status == BookingStatus.HELD and booking.pk == won[0].booking_id
    # The losers hear in plain words why, with the field to correct.
    with translation.override("en"):
        assert str(lost[0].message) == (
            "Someone else has just booked this time. Please choose another time."
        )
    assert lost[0].code == "slot_taken" and lost[0].status == 409
    assert lost[0].field == "starts_at"


def test_the_same_paid_callback_twice_at_once_is_applied_once(
    fake_paytrail, paid_space, slot, resident
):
    order = reserve(resident, paid_space, slot)
    payment = start_online(fake_paytrail, resident, order)
    params = news(fake_paytrail, payment)
    outcomes = at_once(2, lambda _index: online.record_provider_news(params, now=NOW))
    assert all(isinstance(outcome, Order) for outcome in outcomes), outcomes
    assert all(outcome.status == OrderStatus.PAID for outcome in outcomes)
    assert ProviderEvent.objects.count() == 1
    assert OnlinePayment.objects.get(order=order).status == "ok"
    assert Delivery.objects.filter(recipient=resident, key="payments.receipt").count() == 1
    assert Booking.objects.get(pk=order.booking_id).status == BookingStatus.CONFIRMED
