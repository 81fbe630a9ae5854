"""A waitlist offer of a paid space is accepted only when it is paid."""

from __future__ import annotations

from datetime import timedelta

from lampio.bookings import services as booking_services
from lampio.bookings import waitlist_services
from lampio.bookings.models import BookingStatus, WaitlistStatus
from lampio.payments.models import Order, OrderStatus, PaymentMethod
from lampio.payments.services import checkout
from lampio.payments.tests.conftest import NOW


def _offer_to(person, owner, paid_space, slot):
    """`owner` holds the slot through invoice-free payment on site; `person` waits for it."""
    order = checkout.reserve_paid_booking(
        actor=owner,
        space=paid_space,
        starts_at=slot[0],
        ends_at=slot[1],
        purpose="Harjoitus",
        attendees=5,
        now=NOW,
    )
    checkout.choose_payment(
        actor=owner,
        order=order,
        choice=checkout.PaymentChoice(method=PaymentMethod.ON_SITE),
        now=NOW,
    )
    entry = waitlist_services.join_waitlist(
        actor=person,
        space=paid_space,
        starts_at=slot[0],
        ends_at=slot[1],
        purpose="Kuoro",
        attendees=3,
        now=NOW,
    )
    order.booking.refresh_from_db()
    booking_services.cancel_booking(actor=owner, booking=order.booking, now=NOW)
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED
    return entry


def test_accepting_a_paid_offer_holds_it_until_paid(paid_space, slot, resident, make_user):
    entry = _offer_to(resident, make_user(), paid_space, slot)

    held = waitlist_services.accept_offer(actor=resident, entry=entry, now=NOW)
    assert held.status == BookingStatus.HELD
    order = Order.objects.get(booking=held)
    assert order.customer == resident and order.status == OrderStatus.PENDING
    assert order.total > 0
    # A second tap gives the same hold and the same order.
    again = waitlist_services.accept_offer(actor=resident, entry=entry, now=NOW)
    assert again.pk == held.pk and Order.objects.filter(booking=held).count() == 1
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.OFFERED

    checkout.choose_payment(
        actor=resident,
        order=order,
        choice=checkout.PaymentChoice(method=PaymentMethod.ON_SITE),
        now=NOW + timedelta(minutes=1),
    )
    held.refresh_from_db()
    entry.refresh_from_db()
    assert held.status == BookingStatus.CONFIRMED
    assert entry.status == WaitlistStatus.ACCEPTED
