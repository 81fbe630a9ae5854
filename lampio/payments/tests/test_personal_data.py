"""A person's orders in their data export; erasure keeps the bookkeeping, drops the person."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from lampio.core.privacy import personal_data_sections
from lampio.payments.models import Order, OrderRow, OrderStatus, PaymentMethod, PriceGroup
from lampio.payments.personal_data import BILLING_FIELDS, erase_orders, export_orders
from lampio.payments.services import checkout
from lampio.payments.services.checkout import BillingDetails, PaymentChoice
from lampio.payments.tests.conftest import NOW
from lampio.payments.tests.flows import reserve
from lampio.tenancy.models import Membership, OrganisationKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def invoiced(paid_space, slot, resident, make_organisation):
    choir = make_organisation(kind=OrganisationKind.ASSOCIATION)
    Membership.objects.create(user=resident, organisation=choir, role="staff")
    billing = BillingDetails(
        name="Oulun Kuoro ry",
        business_id="1572860-0",
        address="Kirkkokatu 2",
        postcode="90100",
        city="Oulu",
        email="kassa@kuoro.fi",
        einvoice_address="003715728600",
        einvoice_operator="E204503",
        reference="Kevät",
    )
    choice = PaymentChoice(
        PaymentMethod.INVOICE, group=PriceGroup.ASSOCIATION, payer=choir, billing=billing
    )
    order = reserve(resident, paid_space, slot)
    return checkout.choose_payment(actor=resident, order=order, choice=choice, now=NOW).order


def later(slot):
    return slot[1], slot[1] + timedelta(hours=1)


def test_orders_are_a_registered_section_of_personal_data():
    sections = {section.name: section for section in personal_data_sections()}
    assert sections["orders"].export is export_orders
    assert sections["orders"].erase is erase_orders


def test_the_export_lists_orders_with_their_billing_details(
    invoiced, resident, make_user, paid_space, slot
):
    reserve(make_user(), paid_space, later(slot))  # someone else's: not in the export
    (exported,) = export_orders(resident)
    assert exported["reference"] == invoiced.reference
    assert (exported["status"], exported["method"], exported["price_group"]) == (
        OrderStatus.INVOICED,
        PaymentMethod.INVOICE,
        PriceGroup.ASSOCIATION,
    )
    assert exported["total"] == "40.00" and exported["refunded"] == "0.00"
    assert exported["seller"] == invoiced.seller.name
    assert exported["rows"] == [
        {"description": invoiced.rows.get().description, "quantity": "2.00", "total": "40.00"}
    ]
    billing = exported["billing"]
    assert billing["billing_name"] == "Oulun Kuoro ry"
    assert billing["billing_business_id"] == "1572860-0"
    assert billing["billing_address"] == "Kirkkokatu 2"
    assert billing["einvoice_address"] == "003715728600"
    assert billing["customer_reference"] == "Kevät"


def test_erasure_blanks_the_person_and_billing_but_keeps_the_amounts(invoiced, resident):
    erase_orders(resident)
    order = Order.objects.get(pk=invoiced.pk)
    assert order.customer is None
    assert all(getattr(order, name) == "" for name in BILLING_FIELDS)
    assert (order.total, order.status, order.reference) == (
        Decimal("40.00"),
        OrderStatus.INVOICED,
        invoiced.reference,
    )
    assert OrderRow.objects.get(order=order).total == Decimal("40.00")
    assert export_orders(resident) == []


def test_erasure_leaves_other_peoples_orders(invoiced, resident, make_user, paid_space, slot):
    other_person = make_user()
    theirs = reserve(other_person, paid_space, later(slot))
    erase_orders(resident)
    assert Order.objects.get(pk=theirs.pk).customer == other_person
