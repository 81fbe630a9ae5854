"""Holding the slot and choosing how to pay: invoice, on site, free of charge, online."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lampio.bookings.errors import SlotTaken
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.payments.errors import HoldLapsed, PaymentServiceDown
from lampio.payments.models import (
    FreeOfCharge,
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderStatus,
    PaymentMethod,
    PriceGroup,
    SellerSettings,
)
from lampio.payments.services import checkout
from lampio.payments.services.checkout import BillingDetails, PaymentChoice
from lampio.payments.tests.conftest import NOW
from lampio.payments.tests.flows import messages_to, reserve
from lampio.tenancy.models import Membership, OrganisationKind

pytestmark = pytest.mark.django_db

BILLING = BillingDetails(
    name="Oulun Kuoro ry",
    business_id="1572860-0",
    address="Kirkkokatu 2",
    postcode="90100",
    city="Oulu",
    reference="Kevätkonsertti",
)


@pytest.fixture
def order(paid_space, slot, resident):
    return reserve(resident, paid_space, slot)


@pytest.fixture
def choir(make_organisation, resident):
    """An association the resident belongs to (as a plain member)."""
    organisation = make_organisation(kind=OrganisationKind.ASSOCIATION)
    Membership.objects.create(user=resident, organisation=organisation, role="staff")
    return organisation


def choose(person, order, method, **kwargs):
    return checkout.choose_payment(
        actor=person, order=order, choice=PaymentChoice(method=method, **kwargs), now=NOW
    )


def invoice(person, order, payer, billing=BILLING, group=PriceGroup.ASSOCIATION):
    return choose(person, order, PaymentMethod.INVOICE, group=group, payer=payer, billing=billing)


def booking_of(order):
    return Booking.objects.get(pk=order.booking_id)


# --- Holding the slot -------------------------------------------------------------------------


def test_reserving_holds_the_slot_with_an_order_at_the_adult_price(order, resident, paid_space):
    booking = booking_of(order)
    assert booking.status == BookingStatus.HELD
    assert booking.hold_expires_at == NOW + timedelta(minutes=20)
    assert (order.status, order.customer, order.seller_id) == (
        OrderStatus.PENDING,
        resident,
        paid_space.organisation_id,
    )
    assert order.price_group == PriceGroup.ADULT and order.method == ""
    (row,) = order.rows.all()
    assert (row.quantity, row.unit_price, row.total) == (
        Decimal(2),
        Decimal("20.00"),
        Decimal("40.00"),
    )
    assert order.total == Decimal("40.00")
    assert checkout.held_until(order) == booking.hold_expires_at
    assert order.reference.startswith("L") and len(order.reference) == 10


def test_a_new_order_is_written_once_with_its_total(paid_space, slot, resident):
    """Its audit trail says it was created at its price, not created empty and then changed;
    and the database is asked nothing about rows a new order cannot have yet."""
    from auditlog.models import LogEntry
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        order = reserve(resident, paid_space, slot)
    entries = LogEntry.objects.get_for_object(order)
    assert [entry.action for entry in entries] == [LogEntry.Action.CREATE]
    assert entries[0].changes_dict["total"][1] == "40.00"
    row_reads = [q["sql"] for q in queries if "payments_orderrow" in q["sql"]]
    assert all(sql.lstrip().upper().startswith("INSERT") for sql in row_reads), row_reads


def test_the_hold_lasts_the_sellers_minutes(paid_space, slot, resident):
    SellerSettings.objects.filter(organisation_id=paid_space.organisation_id).update(
        hold_minutes=45
    )
    order = reserve(resident, paid_space, slot)
    assert booking_of(order).hold_expires_at == NOW + timedelta(minutes=45)


def test_a_held_slot_is_taken_for_others(order, paid_space, slot, make_user):
    with pytest.raises(SlotTaken):
        reserve(make_user(), paid_space, slot)
    assert Order.objects.count() == 1


def test_nothing_is_left_behind_when_the_slot_is_taken(paid_space, slot, make_user, resident):
    reserve(make_user(), paid_space, slot)
    with pytest.raises(SlotTaken):
        reserve(resident, paid_space, slot)
    assert not Order.objects.filter(customer=resident).exists()


def test_the_methods_offered_follow_the_sellers_settings(order, settings):
    assert checkout.available_methods(order) == [PaymentMethod.INVOICE, PaymentMethod.ON_SITE]
    settings.LAMPIO_PAYTRAIL_URL = "http://127.0.0.1:1"
    assert checkout.available_methods(order)[0] == PaymentMethod.ONLINE
    SellerSettings.objects.filter(organisation_id=order.seller_id).update(
        online_enabled=False, on_site_enabled=False
    )
    assert checkout.available_methods(order) == [PaymentMethod.INVOICE]


# --- Invoice ----------------------------------------------------------------------------------


def test_an_invoice_confirms_the_booking_with_the_billing_details(order, resident, choir):
    step = invoice(resident, order, choir)
    order = step.order
    assert step.redirect_url == ""
    assert (order.status, order.method) == (OrderStatus.INVOICED, PaymentMethod.INVOICE)
    assert (order.payer_organisation, order.price_group) == (choir, PriceGroup.ASSOCIATION)
    assert order.billing_name == "Oulun Kuoro ry"
    assert order.billing_business_id == "1572860-0"
    assert (order.billing_address, order.billing_city) == ("Kirkkokatu 2", "Oulu")
    assert order.customer_reference == "Kevätkonsertti"
    assert booking_of(order).status == BookingStatus.CONFIRMED
    assert messages_to(resident, "payments.confirmed") == 1


def test_an_invoice_needs_an_organisation_that_pays(order, resident):
    with pytest.raises(InvalidInput) as error:
        invoice(resident, order, None, group=PriceGroup.ADULT)
    assert error.value.field == "payer"
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING


def test_only_a_member_may_name_an_organisation_as_payer(order, resident, make_organisation):
    with pytest.raises(PermissionDenied):
        invoice(resident, order, make_organisation(kind=OrganisationKind.ASSOCIATION))


@pytest.mark.parametrize(
    ("billing", "field"),
    [
        (None, "billing_name"),
        (BillingDetails(name="  ", email="a@example.fi"), "billing_name"),
        (BillingDetails(name="Kuoro", business_id="1572860-1", email="a@example.fi"), None),
        (BillingDetails(name="Kuoro", address="Katu 1", postcode="90100"), "billing_address"),
        (BillingDetails(name="Kuoro"), "billing_address"),
    ],
)
def test_an_invoice_needs_a_name_and_somewhere_to_send_it(order, resident, choir, billing, field):
    with pytest.raises(InvalidInput) as error:
        invoice(resident, order, choir, billing=billing)
    assert error.value.field == (field or "billing_business_id")
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING
    assert booking_of(order).status == BookingStatus.HELD


@pytest.mark.parametrize(
    "billing",
    [
        BillingDetails(name="Kuoro", einvoice_address="003715728600", einvoice_operator="E204503"),
        BillingDetails(name="Kuoro", email="rahastonhoitaja@kuoro.fi"),
        BillingDetails(name="Kuoro", address="Katu 1", postcode="90100", city="Oulu"),
    ],
)
def test_an_einvoice_an_email_or_a_postal_address_will_do(order, resident, choir, billing):
    assert invoice(resident, order, choir, billing=billing).order.status == OrderStatus.INVOICED


def test_the_business_id_is_normalised(order, resident, choir):
    billing = BillingDetails(name="Kuoro", business_id=" 201256-6 ", email="a@example.fi")
    assert invoice(resident, order, choir, billing=billing).order.billing_business_id == (
        "0201256-6"
    )


def test_the_association_price_is_only_for_associations(order, resident, make_organisation):
    school = make_organisation(kind=OrganisationKind.SCHOOL)
    Membership.objects.create(user=resident, organisation=school, role="staff")
    with pytest.raises(InvalidInput) as error:
        invoice(resident, order, school, group=PriceGroup.ASSOCIATION)
    assert error.value.field == "group"
    assert invoice(resident, order, school, group=PriceGroup.COMPANY).order.status == (
        OrderStatus.INVOICED
    )


def test_a_person_paying_themselves_cannot_take_an_organisations_price(order, resident):
    with pytest.raises(InvalidInput) as error:
        choose(resident, order, PaymentMethod.ON_SITE, group=PriceGroup.ASSOCIATION)
    assert error.value.field == "group"


def test_a_disabled_method_is_refused(order, resident, choir):
    SellerSettings.objects.filter(organisation_id=order.seller_id).update(invoice_enabled=False)
    with pytest.raises(InvalidInput) as error:
        invoice(resident, order, choir)
    assert error.value.field == "method"


# --- On site, free of charge --------------------------------------------------------------------


def test_paying_on_site_confirms_the_booking(order, resident):
    order = choose(resident, order, PaymentMethod.ON_SITE, group=PriceGroup.REDUCED).order
    assert (order.status, order.method) == (OrderStatus.PAY_ON_SITE, PaymentMethod.ON_SITE)
    assert booking_of(order).status == BookingStatus.CONFIRMED
    assert messages_to(resident, "payments.confirmed") == 1


def test_a_free_of_charge_organisation_pays_nothing(order, resident, choir):
    FreeOfCharge.objects.create(seller_id=order.seller_id, beneficiary=choir)
    order = choose(
        resident, order, PaymentMethod.ONLINE, group=PriceGroup.ASSOCIATION, payer=choir
    ).order
    assert (order.status, order.method, order.total) == (
        OrderStatus.FREE,
        PaymentMethod.FREE,
        Decimal(0),
    )
    assert not order.rows.exists()
    assert not OnlinePayment.objects.exists()
    assert booking_of(order).status == BookingStatus.CONFIRMED


def test_a_settled_order_cannot_be_chosen_again(order, resident):
    choose(resident, order, PaymentMethod.ON_SITE)
    with pytest.raises(Conflict):
        choose(resident, order, PaymentMethod.ON_SITE)


# --- Online -----------------------------------------------------------------------------------


def test_online_payment_sends_the_person_to_the_provider(fake_paytrail, order, resident):
    step = choose(resident, order, PaymentMethod.ONLINE)
    tx = step.redirect_url.rsplit("/", 1)[1]
    assert step.redirect_url == f"{fake_paytrail.base_url}/pay/{tx}"
    payment = OnlinePayment.objects.get(order=order)
    assert (payment.transaction_id, payment.status, payment.amount) == (
        tx,
        OnlineStatus.NEW,
        Decimal("40.00"),
    )
    assert fake_paytrail.payments[tx].amount == 4000
    order.refresh_from_db()
    assert (order.status, order.method) == (OrderStatus.PENDING, PaymentMethod.ONLINE)
    assert booking_of(order).status == BookingStatus.HELD


def test_a_provider_that_is_down_charges_nothing_and_keeps_the_hold(fake_paytrail, order, resident):
    fake_paytrail.down = True
    with pytest.raises(PaymentServiceDown):
        choose(resident, order, PaymentMethod.ONLINE)
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING
    assert booking_of(order).status == BookingStatus.HELD
    assert OnlinePayment.objects.get(order=order).status == OnlineStatus.FAIL
    # Another way to pay still works while the hold lasts.
    assert choose(resident, order, PaymentMethod.ON_SITE).order.status == OrderStatus.PAY_ON_SITE


def test_the_person_may_try_online_again_after_the_service_was_down(fake_paytrail, order, resident):
    fake_paytrail.down = True
    with pytest.raises(PaymentServiceDown):
        choose(resident, order, PaymentMethod.ONLINE)
    fake_paytrail.down = False
    assert choose(resident, order, PaymentMethod.ONLINE).redirect_url
    assert OnlinePayment.objects.filter(order=order).count() == 2


# --- Refusals ---------------------------------------------------------------------------------


def test_a_lapsed_hold_cannot_be_paid(order, resident):
    later = NOW + timedelta(minutes=21)
    with pytest.raises(HoldLapsed):
        checkout.choose_payment(
            actor=resident, order=order, choice=PaymentChoice(PaymentMethod.ON_SITE), now=later
        )
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PENDING
    assert booking_of(order).status == BookingStatus.HELD


def test_a_released_hold_cannot_be_paid(order, resident):
    checkout.abandon_checkout(actor=resident, order=order, now=NOW)
    assert booking_of(order).status == BookingStatus.CANCELLED
    assert Order.objects.get(pk=order.pk).status == OrderStatus.CANCELLED
    with pytest.raises(Conflict):
        choose(resident, order, PaymentMethod.ON_SITE)


def test_requires_handling_makes_a_request_once_settled(make_space, resident, slot):
    space = make_space(price_type="per_hour", price=Decimal("20.00"), requires_handling=True)
    SellerSettings.objects.create(organisation_id=space.organisation_id, on_site_enabled=True)
    order = reserve(resident, space, slot)
    assert booking_of(order).status == BookingStatus.HELD
    choose(resident, order, PaymentMethod.ON_SITE)
    assert booking_of(order).status == BookingStatus.REQUESTED


def test_someone_elses_order_is_refused(order, make_user):
    stranger = make_user()
    with pytest.raises(PermissionDenied):
        choose(stranger, order, PaymentMethod.ON_SITE)
    with pytest.raises(PermissionDenied):
        checkout.abandon_checkout(actor=stranger, order=order, now=NOW)
    assert booking_of(order).status == BookingStatus.HELD
