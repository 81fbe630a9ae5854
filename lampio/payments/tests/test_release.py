"""A cancelled or denied booking undoes its order: refunds, credit notes, retries, sweeps."""

from __future__ import annotations

import http.client
import urllib.parse
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from lampio.bookings import services as booking_services
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.errors import PermissionDenied
from lampio.payments import sweeps
from lampio.payments.models import (
    InvoiceExport,
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderStatus,
    PaymentMethod,
    PriceGroup,
    Refund,
    RefundStatus,
    SellerSettings,
)
from lampio.payments.services import checkout, online, refunds
from lampio.payments.services.checkout import BillingDetails, PaymentChoice
from lampio.payments.tests.conftest import NOW
from lampio.payments.tests.flows import messages_to, news, reserve, start_online
from lampio.tenancy.models import Membership, OrganisationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(paid_space, slot, resident):
    return reserve(resident, paid_space, slot)


@pytest.fixture
def paid(fake_paytrail, order, resident):
    """The order paid online; the fake's payment."""
    payment = start_online(fake_paytrail, resident, order)
    online.record_provider_news(news(fake_paytrail, payment), now=NOW)
    return payment


@pytest.fixture
def staff(make_member, paid_space):
    return make_member(paid_space.venue.organisation)


def fresh(order):
    return Order.objects.get(pk=order.pk)


def booking_of(order):
    return Booking.objects.get(pk=order.booking_id)


def cancel(person, order, capture):
    with capture(execute=True):
        booking_services.cancel_booking(actor=person, booking=booking_of(order), now=NOW)


def invoiced(person, order, make_organisation):
    choir = make_organisation(kind=OrganisationKind.ASSOCIATION)
    Membership.objects.create(user=person, organisation=choir, role="staff")
    billing = BillingDetails(name="Kuoro ry", email="kassa@kuoro.fi")
    choice = PaymentChoice(
        PaymentMethod.INVOICE, group=PriceGroup.ASSOCIATION, payer=choir, billing=billing
    )
    return checkout.choose_payment(actor=person, order=order, choice=choice, now=NOW).order


def test_cancelling_a_paid_booking_refunds_it_through_the_provider(
    django_capture_on_commit_callbacks, fake_paytrail, order, paid, resident
):
    cancel(resident, order, django_capture_on_commit_callbacks)
    refund = Refund.objects.get(order=order)
    assert (refund.status, refund.amount, refund.attempts) == (
        RefundStatus.DONE,
        Decimal("40.00"),
        1,
    )
    assert paid.refunded == 4000
    settled = fresh(order)
    assert (settled.status, settled.refunded) == (OrderStatus.REFUNDED, Decimal("40.00"))
    assert not settled.needs_attention
    assert messages_to(resident, "payments.refunded") == 1


def test_an_invoice_not_yet_exported_is_simply_cancelled(
    django_capture_on_commit_callbacks, order, resident, make_organisation
):
    invoiced(resident, order, make_organisation)
    cancel(resident, order, django_capture_on_commit_callbacks)
    settled = fresh(order)
    assert settled.status == OrderStatus.CANCELLED and settled.cancelled_at is not None
    assert not settled.rows.filter(total__lt=0).exists()
    assert not Refund.objects.exists()


def test_an_exported_invoice_gets_a_credit_note(
    django_capture_on_commit_callbacks, order, resident, make_organisation, staff
):
    invoiced(resident, order, make_organisation)
    export = InvoiceExport.objects.create(seller_id=order.seller_id, created_by=staff)
    order.rows.update(exported_in=export)
    cancel(resident, order, django_capture_on_commit_callbacks)
    settled = fresh(order)
    (credit,) = settled.rows.filter(total__lt=0)
    assert credit.exported_in is None  # goes out in the next export
    assert (credit.quantity, credit.total) == (Decimal(-2), Decimal("-40.00"))
    assert credit.description.startswith("Credit") or "Hyvitys" in credit.description
    assert sum(row.total for row in settled.rows.all()) == 0
    refund = Refund.objects.get(order=order)
    assert (refund.method, refund.status) == (PaymentMethod.INVOICE, RefundStatus.DONE)
    assert (settled.status, settled.refunded) == (OrderStatus.REFUNDED, Decimal("40.00"))


def test_pay_on_site_is_cancelled(django_capture_on_commit_callbacks, order, resident):
    checkout.choose_payment(
        actor=resident, order=order, choice=PaymentChoice(PaymentMethod.ON_SITE), now=NOW
    )
    cancel(resident, order, django_capture_on_commit_callbacks)
    assert fresh(order).status == OrderStatus.CANCELLED
    assert not Refund.objects.exists()


def test_money_taken_on_site_is_flagged_for_staff_to_pay_back(
    django_capture_on_commit_callbacks, order, resident, staff
):
    checkout.choose_payment(
        actor=resident, order=order, choice=PaymentChoice(PaymentMethod.ON_SITE), now=NOW
    )
    refunds.mark_paid_on_site(actor=staff, order=order)
    cancel(resident, order, django_capture_on_commit_callbacks)
    settled = fresh(order)
    assert settled.needs_attention
    refund = Refund.objects.get(order=order)
    assert (refund.method, refund.status) == (PaymentMethod.ON_SITE, RefundStatus.PENDING)
    refunds.resolve_attention(actor=staff, order=settled)
    settled = fresh(order)
    assert not settled.needs_attention
    assert (settled.status, settled.refunded) == (OrderStatus.REFUNDED, Decimal("40.00"))


def test_a_denied_request_that_was_paid_is_refunded(
    django_capture_on_commit_callbacks, fake_paytrail, make_space, slot, resident, make_member
):
    space = make_space(price_type="per_hour", price=Decimal(15), requires_handling=True)
    SellerSettings.objects.create(organisation_id=space.organisation_id)
    order = reserve(resident, space, slot)
    payment = start_online(fake_paytrail, resident, order)
    online.record_provider_news(news(fake_paytrail, payment), now=NOW)
    assert booking_of(order).status == BookingStatus.REQUESTED
    staff = make_member(space.venue.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.decide_request(
            actor=staff, booking=booking_of(order), approve=False, reason="Remontti"
        )
    assert payment.refunded == 3000
    assert fresh(order).status == OrderStatus.REFUNDED
    assert Refund.objects.get(order=order).created_by == staff


def test_staff_refund_part_of_a_payment(
    django_capture_on_commit_callbacks, fake_paytrail, order, paid, staff
):
    with django_capture_on_commit_callbacks(execute=True):
        refunds.refund_order(actor=staff, order=order, amount=Decimal("15"), reason="Sotku")
    settled = fresh(order)
    assert (settled.status, settled.refunded) == (OrderStatus.PAID, Decimal("15.00"))
    assert paid.refunded == 1500
    assert refunds.refundable(settled) == Decimal("25.00")
    with pytest.raises(refunds.RefundTooLarge):
        refunds.refund_order(actor=staff, order=order, amount=Decimal("25.01"), reason="x")


def test_staff_of_another_organisation_cannot_refund(
    fake_paytrail, order, paid, make_member, make_organisation
):
    outsider = make_member(make_organisation())
    with pytest.raises(PermissionDenied):
        refunds.refund_order(actor=outsider, order=order, amount=Decimal("1"), reason="x")
    with pytest.raises(PermissionDenied):
        refunds.resolve_attention(actor=outsider, order=order)
    assert not Refund.objects.exists()


def test_a_refund_waits_while_the_provider_is_down_and_the_sweep_retries_it(
    django_capture_on_commit_callbacks, fake_paytrail, order, paid, resident
):
    fake_paytrail.down = True
    cancel(resident, order, django_capture_on_commit_callbacks)
    refund = Refund.objects.get(order=order)
    assert (refund.status, refund.attempts) == (RefundStatus.PENDING, 1)
    assert fresh(order).status == OrderStatus.PAID and paid.refunded == 0
    # Not yet due: the first retry waits two minutes.
    assert sweeps.retry_refunds(refund.created_at + timedelta(minutes=1)) == 0
    # Due, but still down: one more attempt, still pending.
    assert sweeps.retry_refunds(refund.created_at + timedelta(minutes=3)) == 1
    refund.refresh_from_db()
    assert (refund.status, refund.attempts) == (RefundStatus.PENDING, 2)
    fake_paytrail.down = False
    assert sweeps.retry_refunds(refund.created_at + timedelta(minutes=3)) == 0  # backs off
    assert sweeps.retry_refunds(refund.created_at + timedelta(minutes=5)) == 1
    refund.refresh_from_db()
    assert (refund.status, refund.attempts) == (RefundStatus.DONE, 3)
    assert paid.refunded == 4000
    assert fresh(order).status == OrderStatus.REFUNDED
    assert messages_to(resident, "payments.refunded") == 1
    assert sweeps.retry_refunds(refund.created_at + timedelta(hours=2)) == 0


def test_a_refund_whose_job_was_lost_is_sent_by_the_sweep(fake_paytrail, order, paid, resident):
    # Not capturing the commit callbacks: the job that sends the refund never runs.
    booking_services.cancel_booking(actor=resident, booking=booking_of(order), now=NOW)
    refund = Refund.objects.get(order=order)
    assert (refund.status, refund.attempts) == (RefundStatus.PENDING, 0)
    assert sweeps.retry_refunds(refund.created_at + timedelta(seconds=30)) == 0
    assert sweeps.retry_refunds(refund.created_at + timedelta(minutes=2)) == 1
    refund.refresh_from_db()
    assert (refund.status, refund.attempts) == (RefundStatus.DONE, 1)
    assert paid.refunded == 4000


def test_a_refund_gives_up_after_the_last_attempt(
    django_capture_on_commit_callbacks, fake_paytrail, order, paid, resident
):
    fake_paytrail.down = True
    cancel(resident, order, django_capture_on_commit_callbacks)
    refund = Refund.objects.get(order=order)
    for _attempt in range(refunds.MAX_ATTEMPTS - 1):
        refunds.send_refund(refund.pk)
    refund.refresh_from_db()
    assert (refund.status, refund.attempts) == (RefundStatus.FAILED, refunds.MAX_ATTEMPTS)
    assert fresh(order).needs_attention


def test_a_refund_the_provider_refuses_is_failed_and_flagged(
    django_capture_on_commit_callbacks, fake_paytrail, order, paid, resident
):
    fake_paytrail.refuse_refunds = True
    cancel(resident, order, django_capture_on_commit_callbacks)
    refund = Refund.objects.get(order=order)
    assert refund.status == RefundStatus.FAILED
    settled = fresh(order)
    assert settled.needs_attention and "refund" in settled.attention
    assert settled.status == OrderStatus.PAID and settled.refunded == 0
    # A failed refund does not count: the whole amount may still be refunded another way.
    assert refunds.refundable(settled) == Decimal("40.00")
    assert messages_to(resident, "payments.refunded") == 0


def pay_on_the_fakes_page(fake, tx: str) -> int:
    """Press "Maksa" on the fake's page without following its redirect back to us."""
    url = urllib.parse.urlsplit(fake.base_url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
    connection.request(
        "POST",
        f"/pay/{tx}",
        body="action=pay",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    status = connection.getresponse().status
    connection.close()
    return status


def test_a_lost_callback_is_found_by_asking_the_provider(fake_paytrail, order, resident):
    fake_paytrail.send_callbacks = False
    at_fake = start_online(fake_paytrail, resident, order)
    assert pay_on_the_fakes_page(fake_paytrail, at_fake.transaction_id) == 303
    assert at_fake.status == "ok"
    # The browser never came back either: the order waits.
    assert fresh(order).status == OrderStatus.PENDING
    now = timezone.now()
    assert sweeps.reconcile_open_payments(now) == 0  # too recent to ask about
    assert sweeps.reconcile_open_payments(now + sweeps.QUIET + timedelta(minutes=1)) == 1
    settled = fresh(order)
    assert settled.status == OrderStatus.PAID
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.OK
    assert booking_of(order).status == BookingStatus.CONFIRMED
    assert messages_to(resident, "payments.receipt") == 1


def test_a_payment_still_open_at_the_provider_is_left_alone(fake_paytrail, order, resident):
    start_online(fake_paytrail, resident, order)
    later = timezone.now() + sweeps.QUIET + timedelta(minutes=1)
    assert sweeps.reconcile_open_payments(later) == 0
    assert fresh(order).status == OrderStatus.PENDING


def test_the_sweep_closes_orders_whose_hold_lapsed_without_a_payment(order):
    # The hold lapsed long ago (2030 is "now" for the booking, but the sweep runs later).
    later = NOW + timedelta(hours=2)
    assert sweeps.reconcile_open_payments(later) == 1
    assert fresh(order).status == OrderStatus.CANCELLED
