"""Paid offerings: enrolments are paid on site, accepted group orders are invoiced to the unit,
and given-up or cancelled seats release their orders."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lampio.core.multilingual import Translated
from lampio.notifications.models import Delivery
from lampio.offerings.models import OccurrenceStatus
from lampio.offerings.services import catalogue, enrolment, orders, withdrawal
from lampio.offerings.services.orders import OrderDetails
from lampio.payments.models import (
    InvoiceExport,
    Order,
    OrderStatus,
    PaymentMethod,
    PriceGroup,
    PriceRule,
)
from lampio.tenancy.models import OrganisationKind


@pytest.fixture
def concert(make_offering):
    """A paid concert, 15 € a seat (the provider's VAT default, 14 %)."""
    return make_offering(is_free=False, price=Decimal("15.00"), title_fi="Kamarikonsertti")


def test_a_paid_enrolment_is_to_be_paid_on_site(concert, resident):
    occurrence = concert.occurrences.get()
    taken = enrolment.enrol(actor=resident, occurrence=occurrence, seats=3)

    order = Order.objects.get(enrolment=taken)
    assert order.status == OrderStatus.PAY_ON_SITE
    assert order.method == PaymentMethod.ON_SITE
    assert order.total == Decimal("45.00")
    row = order.rows.get()
    assert row.quantity == 3 and row.vat_rate == Decimal("14.0")
    assert order.seller_id == concert.organisation_id

    enrolment.cancel_enrolment(actor=resident, enrolment=taken)
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED


def test_a_free_enrolment_makes_no_order(make_offering, resident):
    occurrence = make_offering().occurrences.get()
    enrolment.enrol(actor=resident, occurrence=occurrence, seats=1)
    assert not Order.objects.exists()


def test_a_price_rule_in_force_wins_over_the_offerings_own_price(concert, resident):
    occurrence = concert.occurrences.get()
    PriceRule.objects.create(
        organisation=concert.organisation,
        offering=concert,
        group=PriceGroup.ADULT,
        basis="per_person",
        amount=Decimal("18.00"),
        vat_rate=Decimal("14.0"),
        valid_from=occurrence.starts_at.date().replace(year=2020),
    )
    taken = enrolment.enrol(actor=resident, occurrence=occurrence, seats=2)
    assert Order.objects.get(enrolment=taken).total == Decimal("36.00")


def test_an_accepted_group_order_is_invoiced_to_the_unit_and_credited_when_called_off(
    concert, make_organisation, make_member
):
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    carer = make_member(unit, role="care_staff")
    provider = make_member(concert.organisation, role="staff")
    occurrence = concert.occurrences.get()
    placed = orders.place_order(
        actor=carer,
        unit=unit,
        offering=concert,
        details=OrderDetails(group_size=8, accompanying_staff=2, occurrence=occurrence),
    )
    assert not Order.objects.exists()  # nothing is owed before the provider accepts

    orders.accept_order(actor=provider, order=placed)
    order = Order.objects.get(group_order=placed)
    assert order.status == OrderStatus.INVOICED
    assert order.payer_organisation == unit and order.billing_name == unit.name
    assert order.total == Decimal("120.00")  # 8 × 15 €; the two carers come free

    # Once handed to the finance system, a cancellation becomes a credit note.
    export = InvoiceExport.objects.create(seller=concert.organisation, created_by=provider)
    order.rows.update(exported_in=export)
    withdrawal.cancel_offering(
        actor=provider, offering=concert, notice=Translated(fi="Konsertti on peruttu.")
    )
    order.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED
    credit = order.rows.get(total__lt=0)
    assert credit.total == Decimal("-120.00") and credit.exported_in is None


def test_cancelling_one_occurrence_cancels_its_unpaid_orders(concert, resident, make_member):
    provider = make_member(concert.organisation, role="staff")
    occurrence = concert.occurrences.get()
    taken = enrolment.enrol(actor=resident, occurrence=occurrence, seats=1)
    catalogue.change_occurrence_status(
        actor=provider,
        occurrence=occurrence,
        status=OccurrenceStatus.CANCELLED,
        notice=Translated(fi="Peruttu sairastumisen vuoksi."),
    )
    assert Order.objects.get(enrolment=taken).status == OrderStatus.CANCELLED


def test_the_receipt_of_an_enrolment_names_the_event_and_seats(client, concert, resident):
    occurrence = concert.occurrences.get()
    taken = enrolment.enrol(actor=resident, occurrence=occurrence, seats=2)
    order = Order.objects.get(enrolment=taken)
    page = client.get(f"/en/payments/receipt/{order.receipt_token}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kamarikonsertti" in text and "2 seats" in text and "30.00" in text


def test_a_promoted_enrolment_is_ordered_once_and_told_its_price_and_vat(
    make_offering, resident, make_user
):
    concert = make_offering(is_free=False, price=Decimal("15.00"), capacity=1)
    occurrence = concert.occurrences.get()
    first = enrolment.enrol(actor=make_user(), occurrence=occurrence, seats=1)
    queued = enrolment.enrol(actor=resident, occurrence=occurrence, seats=1, waitlist=True)
    assert not Order.objects.filter(enrolment=queued).exists()

    enrolment.cancel_enrolment(actor=first.person, enrolment=first)

    order = Order.objects.get(enrolment=queued)
    assert (order.status, order.total) == (OrderStatus.PAY_ON_SITE, Decimal("15.00"))
    message = Delivery.objects.get(recipient=resident, key="payments.confirmed")
    assert "15,00" in message.body and "1,84" in message.body  # 14 % VAT inside 15 €
