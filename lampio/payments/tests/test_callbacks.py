"""The provider's word on a payment, however it arrives: forged, twice, late, out of order."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from lampio.bookings.models import Booking, BookingStatus
from lampio.payments.models import (
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderStatus,
    PaymentMethod,
    ProviderEvent,
    Refund,
    RefundStatus,
    SellerSettings,
)
from lampio.payments.providers.base import BadSignature
from lampio.payments.services import checkout, online
from lampio.payments.tests.conftest import NOW
from lampio.payments.tests.flows import messages_to, news, reserve, start_online

pytestmark = pytest.mark.django_db
CALLBACK = "/payments/callback/"
RETURN = "/fi/payments/return/"
LATE = NOW + timedelta(minutes=30)  # the 20-minute hold has lapsed


@pytest.fixture
def order(paid_space, slot, resident):
    return reserve(resident, paid_space, slot)


@pytest.fixture
def at_fake(fake_paytrail, order, resident):
    return start_online(fake_paytrail, resident, order)


def fresh(order):
    return Order.objects.get(pk=order.pk)


def booking_of(order):
    return Booking.objects.get(pk=order.booking_id)


def test_paid_news_settles_the_order_and_confirms_the_booking(
    fake_paytrail, order, at_fake, resident
):
    settled = online.record_provider_news(news(fake_paytrail, at_fake), now=NOW)
    assert (settled.status, settled.method, settled.paid_at) == (
        OrderStatus.PAID,
        PaymentMethod.ONLINE,
        NOW,
    )
    payment = OnlinePayment.objects.get(order=order)
    assert (payment.status, payment.payment_service) == (OnlineStatus.OK, "osuuspankki")
    assert booking_of(order).status == BookingStatus.CONFIRMED
    assert messages_to(resident, "payments.receipt") == 1


def test_tampered_news_is_refused_and_changes_nothing(fake_paytrail, order, at_fake, resident):
    params = fake_paytrail.signed_params(at_fake, "fail")
    with pytest.raises(BadSignature):
        online.record_provider_news({**params, "checkout-status": "ok"}, now=NOW)
    assert fresh(order).status == OrderStatus.PENDING
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.NEW
    assert not ProviderEvent.objects.exists()
    assert booking_of(order).status == BookingStatus.HELD
    assert messages_to(resident, "payments.receipt") == 0


def test_news_of_an_unknown_payment_is_refused(fake_paytrail, at_fake):
    stranger = replace(at_fake, stamp="00000000-0000-0000-0000-000000000000")
    with pytest.raises(BadSignature):
        online.record_provider_news(news(fake_paytrail, stranger), now=NOW)


def test_news_naming_another_transaction_is_refused(fake_paytrail, order, at_fake):
    other = replace(at_fake, transaction_id="not-the-one-we-started")
    with pytest.raises(BadSignature):
        online.record_provider_news(news(fake_paytrail, other), now=NOW)
    assert fresh(order).status == OrderStatus.PENDING


def test_a_replayed_callback_changes_nothing_and_sends_nothing_more(
    fake_paytrail, order, at_fake, resident
):
    params = news(fake_paytrail, at_fake)
    online.record_provider_news(params, now=NOW)
    paid_at = fresh(order).paid_at
    again = online.record_provider_news(params, now=NOW + timedelta(minutes=5))
    assert again.status == OrderStatus.PAID and again.paid_at == paid_at
    assert ProviderEvent.objects.count() == 1
    assert messages_to(resident, "payments.receipt") == 1
    assert not Refund.objects.exists()


def test_the_redirect_and_the_callback_settle_once(client, fake_paytrail, order, at_fake, resident):
    params = news(fake_paytrail, at_fake)
    client.force_login(resident)
    back = client.get(RETURN, params)
    assert back.status_code == 302
    assert back["Location"].endswith(f"/payments/receipt/{fresh(order).receipt_token}/")
    callback = client.get(CALLBACK, params)
    assert callback.status_code == 200 and callback.content == b"OK"
    assert fresh(order).status == OrderStatus.PAID
    assert ProviderEvent.objects.count() == 1
    assert messages_to(resident, "payments.receipt") == 1
    assert booking_of(order).status == BookingStatus.CONFIRMED


def test_a_failure_then_a_success_is_paid(fake_paytrail, order, at_fake):
    failed = online.record_provider_news(news(fake_paytrail, at_fake, "fail"), now=NOW)
    assert failed.status == OrderStatus.PENDING
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.FAIL
    assert booking_of(order).status == BookingStatus.HELD
    paid = online.record_provider_news(news(fake_paytrail, at_fake), now=NOW)
    assert paid.status == OrderStatus.PAID
    assert booking_of(order).status == BookingStatus.CONFIRMED


def test_a_late_failure_never_undoes_a_payment(fake_paytrail, order, at_fake, resident):
    online.record_provider_news(news(fake_paytrail, at_fake), now=NOW)
    stale = fake_paytrail.signed_params(at_fake, "fail")
    assert online.record_provider_news(stale, now=NOW).status == OrderStatus.PAID
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.OK
    assert booking_of(order).status == BookingStatus.CONFIRMED
    assert not Refund.objects.exists()
    assert messages_to(resident, "payments.receipt") == 1


def test_a_pending_word_keeps_the_order_waiting(fake_paytrail, order, at_fake):
    assert online.record_provider_news(news(fake_paytrail, at_fake, "pending"), now=NOW).status == (
        OrderStatus.PENDING
    )
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.PENDING


def test_an_amount_other_than_the_orders_is_refused(fake_paytrail, order, at_fake):
    # Correctly signed by the provider, but for one euro: not the payment we asked for.
    cheap = replace(at_fake, amount=100, status="ok")
    with pytest.raises(BadSignature):
        online.record_provider_news(fake_paytrail.signed_params(cheap, "ok"), now=NOW)
    assert fresh(order).status == OrderStatus.PENDING
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.NEW
    assert not ProviderEvent.objects.exists()


def test_a_payment_after_the_hold_lapsed_revives_a_still_free_slot(fake_paytrail, order, at_fake):
    settled = online.record_provider_news(news(fake_paytrail, at_fake), now=LATE)
    assert settled.status == OrderStatus.PAID
    booking = booking_of(order)
    assert booking.status == BookingStatus.CONFIRMED and booking.hold_expires_at is None
    assert not settled.needs_attention
    assert not Refund.objects.exists()


def test_a_payment_after_someone_else_took_the_slot_is_refunded(
    django_capture_on_commit_callbacks, fake_paytrail, order, at_fake, paid_space, slot, make_user
):
    other = reserve(make_user(), paid_space, slot, now=NOW + timedelta(minutes=25))
    assert booking_of(other).status == BookingStatus.HELD
    with django_capture_on_commit_callbacks(execute=True):
        settled = online.record_provider_news(news(fake_paytrail, at_fake), now=LATE)
    assert settled.paid_at == LATE  # the money did arrive
    assert booking_of(order).status == BookingStatus.EXPIRED
    assert booking_of(other).status == BookingStatus.HELD
    refund = Refund.objects.get(order=order)
    assert (refund.status, refund.amount, refund.method) == (
        RefundStatus.DONE,
        Decimal("40.00"),
        PaymentMethod.ONLINE,
    )
    assert fake_paytrail.payments[at_fake.transaction_id].refunded == 4000
    settled = fresh(order)
    assert settled.status == OrderStatus.REFUNDED and settled.refunded == Decimal("40.00")
    assert settled.needs_attention and "refunded" in settled.attention
    assert messages_to(order.customer, "payments.refunded") == 1


def test_a_payment_after_the_person_released_the_time_is_refunded(
    django_capture_on_commit_callbacks, fake_paytrail, order, at_fake, resident
):
    checkout.abandon_checkout(actor=resident, order=order, now=NOW)
    assert fresh(order).status == OrderStatus.CANCELLED
    with django_capture_on_commit_callbacks(execute=True):
        online.record_provider_news(news(fake_paytrail, at_fake), now=NOW)
    settled = fresh(order)
    # The order stays cancelled; the stray payment goes back whole and staff are told.
    assert settled.status == OrderStatus.CANCELLED and settled.needs_attention
    assert fake_paytrail.payments[at_fake.transaction_id].refunded == 4000
    assert settled.refunds.get().stray
    assert booking_of(order).status == BookingStatus.CANCELLED


def test_a_space_that_needs_approval_gets_a_request_once_paid(
    fake_paytrail, make_space, slot, resident
):
    space = make_space(price_type="per_hour", price=Decimal(10), requires_handling=True)
    SellerSettings.objects.create(organisation_id=space.organisation_id)
    order = reserve(resident, space, slot)
    payment = start_online(fake_paytrail, resident, order)
    assert online.record_provider_news(news(fake_paytrail, payment), now=NOW).status == (
        OrderStatus.PAID
    )
    assert booking_of(order).status == BookingStatus.REQUESTED


def test_the_callback_view_answers_200_or_400(client, fake_paytrail, order, at_fake):
    params = news(fake_paytrail, at_fake)
    assert client.get(CALLBACK, {**params, "checkout-amount": "1"}).status_code == 400
    assert client.get(CALLBACK, {}).status_code == 400
    assert fresh(order).status == OrderStatus.PENDING
    answer = client.get(CALLBACK, params)
    assert (answer.status_code, answer.content) == (200, b"OK")
    assert fresh(order).status == OrderStatus.PAID
    assert client.get(CALLBACK, params).status_code == 200  # a retry is answered the same
    assert client.post(CALLBACK, params).status_code == 405


def test_the_callback_without_online_payment_set_up_is_404(client, settings):
    settings.LAMPIO_PAYTRAIL_URL = ""
    assert client.get(CALLBACK, {"checkout-status": "ok"}).status_code == 404
