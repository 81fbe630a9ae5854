"""A payment the order did not need (paid on two pages at once) goes back whole, the order's
own sums stay right, and the provider's later word on a refund is applied once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lampio.bookings import services as booking_services
from lampio.bookings.models import Booking, BookingStatus
from lampio.payments.models import Order, OrderStatus, PaymentMethod, Refund, RefundStatus
from lampio.payments.services import checkout, invoices, online, refunds
from lampio.payments.tests.conftest import NOW
from lampio.payments.tests.flows import news, reserve, start_online

REFUND_CALLBACK = "/payments/callback/refund/"


def test_paying_on_two_pages_refunds_the_second_and_keeps_the_first(
    django_capture_on_commit_callbacks, fake_paytrail, paid_space, slot, resident
):
    order = reserve(resident, paid_space, slot)
    first = start_online(fake_paytrail, resident, order)
    second = start_online(fake_paytrail, resident, order)  # went back and pressed pay again
    with django_capture_on_commit_callbacks(execute=True):
        online.record_provider_news(news(fake_paytrail, first), now=NOW)
        online.record_provider_news(news(fake_paytrail, second), now=NOW)

    settled = Order.objects.get(pk=order.pk)
    assert settled.status == OrderStatus.PAID and settled.refunded == 0
    assert fake_paytrail.payments[second.transaction_id].refunded == 4000
    assert fake_paytrail.payments[first.transaction_id].refunded == 0
    assert Booking.objects.get(pk=order.booking_id).status == BookingStatus.CONFIRMED

    # Cancelling later still returns the payment that paid the order.
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.cancel_booking(
            actor=resident, booking=Booking.objects.get(pk=order.booking_id), now=NOW
        )
    settled.refresh_from_db()
    assert settled.status == OrderStatus.REFUNDED and settled.refunded == Decimal("40.00")
    assert fake_paytrail.payments[first.transaction_id].refunded == 4000


def test_a_payment_for_an_invoiced_order_is_returned_and_the_invoice_stands(
    django_capture_on_commit_callbacks,
    fake_paytrail,
    paid_space,
    slot,
    make_member,
    make_organisation,
):
    club = make_organisation(kind="association")
    member = make_member(club, role="viewer")
    order = reserve(member, paid_space, slot)
    started = start_online(fake_paytrail, member, order)
    checkout.choose_payment(
        actor=member,
        order=Order.objects.get(pk=order.pk),
        choice=checkout.PaymentChoice(
            method=PaymentMethod.INVOICE,
            group="association",
            payer=club,
            billing=checkout.BillingDetails(name="Kuoro ry", email="rahastonhoitaja@kuoro.fi"),
        ),
        now=NOW,
    )
    with django_capture_on_commit_callbacks(execute=True):
        online.record_provider_news(news(fake_paytrail, started), now=NOW)
    settled = Order.objects.get(pk=order.pk)
    assert settled.status == OrderStatus.INVOICED and not settled.needs_attention
    assert settled.refunds.get().stray
    assert fake_paytrail.payments[started.transaction_id].refunded == started.amount


def test_the_refund_callback_applies_the_providers_final_word(
    client, django_capture_on_commit_callbacks, fake_paytrail, paid_space, slot, resident
):
    order = reserve(resident, paid_space, slot)
    paid = start_online(fake_paytrail, resident, order)
    online.record_provider_news(news(fake_paytrail, paid), now=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.cancel_booking(
            actor=resident, booking=Booking.objects.get(pk=order.booking_id), now=NOW
        )
    refund = Refund.objects.get()
    assert refund.status == RefundStatus.DONE
    # Later the provider says the refund failed after all: staff must return the money.
    params = fake_paytrail.signed_params(paid, "fail")
    params["checkout-stamp"] = str(refund.stamp)
    params["signature"] = fake_paytrail_signature(fake_paytrail, params)
    assert client.get(REFUND_CALLBACK, {**params, "checkout-status": "ok"}).status_code == 400
    assert client.get(REFUND_CALLBACK, params).status_code == 200
    refund.refresh_from_db()
    settled = Order.objects.get(pk=order.pk)
    assert refund.status == RefundStatus.FAILED
    assert settled.status == OrderStatus.PAID and settled.needs_attention
    assert client.get(REFUND_CALLBACK, params).status_code == 200  # once is enough
    assert refunds.refundable(settled) == Decimal("40.00")


def fake_paytrail_signature(fake, params):
    from lampio.payments.providers import paytrail_protocol

    signed = {k: v for k, v in params.items() if k != "signature"}
    return paytrail_protocol.signature(fake.secret, signed)


def test_an_exports_due_date_is_fixed_when_it_is_made(paid_space, slot, make_member):
    from lampio.payments.models import SellerSettings

    staff = make_member(paid_space.venue.organisation, role="staff")
    order = reserve(staff, paid_space, slot)
    Order.objects.filter(pk=order.pk).update(
        method=PaymentMethod.INVOICE, status=OrderStatus.INVOICED, billing_name="Kuoro ry"
    )
    export = invoices.export_invoice_rows(actor=staff, seller=paid_space.venue.organisation)
    due = export.due_on
    assert isinstance(due, date)
    SellerSettings.objects.filter(organisation=paid_space.venue.organisation).update(
        invoice_due_days=60
    )
    export.refresh_from_db()
    assert invoices.due_date(export) == due
