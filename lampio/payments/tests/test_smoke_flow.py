"""The main path end to end against the fake provider, through the services."""

from __future__ import annotations

from decimal import Decimal

from lampio.bookings.models import BookingStatus
from lampio.payments.models import OrderStatus, PaymentMethod
from lampio.payments.services import checkout, online
from lampio.payments.tests.conftest import NOW


def test_online_payment_confirms_the_held_booking(fake_paytrail, paid_space, slot, resident):
    order = checkout.reserve_paid_booking(
        actor=resident,
        space=paid_space,
        starts_at=slot[0],
        ends_at=slot[1],
        purpose="Syntymäpäivät",
        attendees=20,
        now=NOW,
    )
    assert order.booking.status == BookingStatus.HELD
    assert order.total == Decimal("40.00")
    step = checkout.choose_payment(
        actor=resident,
        order=order,
        choice=checkout.PaymentChoice(method=PaymentMethod.ONLINE),
        now=NOW,
    )
    assert step.redirect_url.startswith(fake_paytrail.base_url + "/pay/")
    tx = step.redirect_url.rsplit("/", 1)[1]
    payment = fake_paytrail.payments[tx]
    payment.status = "ok"
    params = fake_paytrail.signed_params(payment, "ok")
    settled = online.record_provider_news(params, now=NOW)
    assert settled.status == OrderStatus.PAID
    settled.booking.refresh_from_db()
    assert settled.booking.status == BookingStatus.CONFIRMED
    # The same news again changes nothing.
    assert online.record_provider_news(params, now=NOW).status == OrderStatus.PAID
