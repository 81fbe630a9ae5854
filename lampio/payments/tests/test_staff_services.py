"""Staff services of payments: invoice exports and their file, payment settings, price rules
and free of charge, each refused to staff of another organisation."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.utils import timezone, translation

from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.payments.models import (
    InvoiceExport,
    OrderRow,
    OrderStatus,
    PaymentMethod,
    PriceBasis,
    PriceGroup,
    PriceRule,
    SellerSettings,
)
from lampio.payments.pricing import is_free_for, seller_settings, space_price
from lampio.payments.services import invoices
from lampio.payments.services.settings import (
    SellerSettingsInput,
    add_free_of_charge,
    add_price_rule,
    delete_free_of_charge,
    delete_price_rule,
    save_seller_settings,
)
from lampio.payments.tests.staff_factories import make_order
from lampio.tenancy.models import OrganisationKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Texts are compared in English, the language they are written in."""
    with translation.override("en"):
        yield


@pytest.fixture
def seller(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(seller, make_member):
    return make_member(seller)


@pytest.fixture
def outsider(make_organisation, make_member):
    """Staff of another organisation of another city."""
    return make_member(make_organisation())


def credit(order, amount: str) -> OrderRow:
    return OrderRow.objects.create(
        order=order,
        description="Hyvitys: Juhlasali",
        quantity=Decimal(-1),
        unit="h",
        unit_price=Decimal(amount),
        vat_rate=Decimal(0),
        total=-Decimal(amount),
        service_date=date(2030, 6, 13),
    )


# Invoice exports


def test_an_export_takes_each_invoice_row_of_the_seller_once(seller, staff, make_organisation):
    first = make_order(seller)
    second = make_order(seller, hours=1, price="99.00", vat="25.5")
    credit(first, "10.00")
    make_order(seller, method=PaymentMethod.ONLINE, status=OrderStatus.PAID)
    make_order(seller, status=OrderStatus.CANCELLED)
    make_order(make_organisation())

    export = invoices.export_invoice_rows(actor=staff, seller=seller)

    assert export.row_count == 3
    assert export.total == Decimal("129.00")  # 40 + 99 - 10
    assert set(export.rows.values_list("order_id", flat=True)) == {first.pk, second.pk}
    assert export.created_by == staff
    with pytest.raises(invoices.NothingToExport):
        invoices.export_invoice_rows(actor=staff, seller=seller)
    assert InvoiceExport.objects.count() == 1


def test_credit_rows_made_after_an_export_go_into_the_next(seller, staff):
    order = make_order(seller)
    invoices.export_invoice_rows(actor=staff, seller=seller)
    credit(order, "15.00")
    later = invoices.export_invoice_rows(actor=staff, seller=seller)
    assert (later.row_count, later.total) == (1, Decimal("-15.00"))


def test_an_export_is_audited_with_its_maker(seller, staff):
    make_order(seller)
    export = invoices.export_invoice_rows(actor=staff, seller=seller)
    entry = LogEntry.objects.get_for_object(export).get(action=LogEntry.Action.CREATE)
    assert entry.actor == staff


def test_staff_of_another_organisation_cannot_export(seller, outsider):
    make_order(seller)
    with pytest.raises(PermissionDenied):
        invoices.export_invoice_rows(actor=outsider, seller=seller)
    assert not OrderRow.objects.filter(exported_in__isnull=False).exists()


def test_the_export_file_is_for_a_finnish_finance_system(seller, staff):
    SellerSettings.objects.create(organisation=seller, invoice_due_days=21)
    order = make_order(seller, hours=1, price="99.00", vat="25.5")
    credit(order, "10.00")
    export = invoices.export_invoice_rows(actor=staff, seller=seller)

    content = invoices.export_csv(export)

    assert content.startswith(b"\xef\xbb\xbf")
    header, row, credit_row, end = content.decode("utf-8-sig").split("\r\n")
    assert end == ""
    assert header.split(";")[0] == "Invoice key"
    due = (timezone.localtime(export.created_at).date() + timedelta(days=21)).strftime("%d.%m.%Y")
    assert row.split(";") == [
        order.reference,
        "Kuoro Laulu ry",
        "0201256-6",
        "Kirkkokatu 2",
        "90100",
        "Oulu",
        "003702012566",
        "E204503",
        "laskut@kuoro.example.fi",
        "Kevätkonsertti",
        "Juhlasali 12.6.2030 18.00–20.00",
        "12.06.2030",
        "1",
        "h",
        "78,88",  # 99,00 / 1,255
        "25,5",
        "20,12",
        "99,00",
        due,
    ]
    fields = credit_row.split(";")
    assert (fields[0], fields[12], fields[15], fields[17]) == (order.reference, "-1", "0", "-10,00")
    # Downloading the same export again gives the same rows, whatever was exported since.
    make_order(seller)
    invoices.export_invoice_rows(actor=staff, seller=seller)
    assert invoices.export_csv(export) == content


def test_a_formula_in_a_name_is_defused_in_the_file(seller, staff):
    make_order(seller, billing_name="=HYPERLINK(1)")
    export = invoices.export_invoice_rows(actor=staff, seller=seller)
    assert ";'=HYPERLINK(1);" in invoices.export_csv(export).decode("utf-8-sig")


# Seller settings


def settings_input(**changes) -> SellerSettingsInput:
    values = {
        "business_id": "201256-6",
        "online_enabled": True,
        "invoice_enabled": True,
        "on_site_enabled": False,
        "hold_minutes": 15,
        "invoice_due_days": 30,
        "space_vat_rate": Decimal("0.0"),
        "offering_vat_rate": Decimal("14.0"),
    }
    values.update(changes)
    return SellerSettingsInput(**values)  # type: ignore[arg-type]


def test_settings_are_saved_with_the_business_id_normalised(seller, staff):
    save_seller_settings(actor=staff, organisation=seller, data=settings_input())
    saved = seller_settings(seller.pk)
    assert (saved.business_id, saved.hold_minutes, saved.invoice_due_days) == ("0201256-6", 15, 30)
    entry = LogEntry.objects.get_for_object(saved).get()
    assert entry.actor == staff
    save_seller_settings(actor=staff, organisation=seller, data=settings_input(hold_minutes=30))
    assert SellerSettings.objects.get(organisation=seller).hold_minutes == 30


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"business_id": "0201256-5"}, "business_id"),
        ({"business_id": "Kuoro"}, "business_id"),
        ({"online_enabled": False, "invoice_enabled": False}, "online_enabled"),
        ({"hold_minutes": 2}, "hold_minutes"),
        ({"space_vat_rate": Decimal("24.0")}, "space_vat_rate"),
    ],
)
def test_invalid_settings_are_refused(seller, staff, changes, field):
    with pytest.raises(InvalidInput) as refused:
        save_seller_settings(actor=staff, organisation=seller, data=settings_input(**changes))
    assert refused.value.field == field
    assert not SellerSettings.objects.filter(organisation=seller).exists()


def test_staff_of_another_organisation_cannot_change_settings(seller, outsider):
    with pytest.raises(PermissionDenied):
        save_seller_settings(actor=outsider, organisation=seller, data=settings_input())


# Price rules


def rule_of(staff, seller, space, **changes) -> PriceRule:
    values = {
        "group": PriceGroup.ASSOCIATION,
        "basis": PriceBasis.PER_HOUR,
        "amount": Decimal("12.50"),
        "vat_rate": Decimal("0.0"),
        "valid_from": date(2030, 1, 1),
    }
    values.update(changes)
    return add_price_rule(actor=staff, organisation=seller, space_id=space.pk, **values)


def test_a_price_rule_sets_the_groups_price_from_its_date(seller, staff, make_space):
    space = make_space(seller)
    rule = rule_of(staff, seller, space)
    assert rule.organisation == seller
    price = space_price(space, PriceGroup.ASSOCIATION, date(2030, 6, 12))
    assert price is not None and price.amount == Decimal("12.50")
    assert LogEntry.objects.get_for_object(rule).get().actor == staff


def test_the_same_group_and_date_twice_is_refused_clearly(seller, staff, make_space):
    space = make_space(seller)
    rule_of(staff, seller, space)
    with pytest.raises(InvalidInput) as refused:
        rule_of(staff, seller, space, amount=Decimal(15))
    assert refused.value.field == "valid_from"
    assert "already has a price" in str(refused.value.message)
    rule_of(staff, seller, space, group=PriceGroup.COMPANY)  # another group is fine
    assert PriceRule.objects.count() == 2


def test_a_space_of_another_organisation_cannot_be_priced(seller, staff, make_space):
    other_space = make_space()
    with pytest.raises(NotFound):
        rule_of(staff, seller, other_space)
    assert not PriceRule.objects.exists()


def test_staff_of_another_organisation_cannot_price_or_delete(seller, staff, outsider, make_space):
    space = make_space(seller)
    with pytest.raises(PermissionDenied):
        rule_of(outsider, seller, space)
    rule = rule_of(staff, seller, space)
    with pytest.raises(PermissionDenied):
        delete_price_rule(actor=outsider, organisation=seller, rule_id=rule.pk)
    # Their own organisation in the call does not reach another organisation's rule either.
    own = outsider.memberships.get().organisation
    with pytest.raises(NotFound):
        delete_price_rule(actor=outsider, organisation=own, rule_id=rule.pk)
    delete_price_rule(actor=staff, organisation=seller, rule_id=rule.pk)
    assert not PriceRule.objects.exists()


# Free of charge


def test_an_organisation_of_the_same_city_can_be_free_of_charge(
    seller, staff, make_organisation, make_space
):
    space = make_space(seller)
    choir = make_organisation(municipality=seller.municipality, kind=OrganisationKind.ASSOCIATION)
    entry = add_free_of_charge(
        actor=staff, organisation=seller, beneficiary_id=choir.pk, space_id=space.pk, note=" Kuoro "
    )
    assert (entry.space, entry.note) == (space, "Kuoro")
    assert is_free_for(seller.pk, choir, space)
    assert not is_free_for(seller.pk, choir, make_space(seller))
    with pytest.raises(InvalidInput):  # the same again
        add_free_of_charge(
            actor=staff, organisation=seller, beneficiary_id=choir.pk, space_id=space.pk
        )
    delete_free_of_charge(actor=staff, organisation=seller, free_id=entry.pk)
    assert not is_free_for(seller.pk, choir, space)


def test_free_of_charge_is_only_for_active_organisations_of_the_city(
    seller, staff, make_organisation, make_space
):
    elsewhere = make_organisation()
    closed = make_organisation(municipality=seller.municipality)
    closed.is_active = False
    closed.save()
    for beneficiary in (elsewhere, closed, seller):
        with pytest.raises(InvalidInput) as refused:
            add_free_of_charge(actor=staff, organisation=seller, beneficiary_id=beneficiary.pk)
        assert refused.value.field == "beneficiary"
    neighbour = make_organisation(municipality=seller.municipality)
    with pytest.raises(NotFound):  # a space of another organisation
        add_free_of_charge(
            actor=staff,
            organisation=seller,
            beneficiary_id=neighbour.pk,
            space_id=make_space(neighbour).pk,
        )


def test_staff_of_another_organisation_cannot_grant_free_of_charge(
    seller, outsider, make_organisation
):
    neighbour = make_organisation(municipality=seller.municipality)
    with pytest.raises(PermissionDenied):
        add_free_of_charge(actor=outsider, organisation=seller, beneficiary_id=neighbour.pk)
