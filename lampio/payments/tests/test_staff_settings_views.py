"""The payment settings page: how the organisation takes money, prices of its spaces and the
organisations that pay nothing; refusals come back next to their fields, as typed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.payments.models import FreeOfCharge, PriceRule, SellerSettings
from lampio.tenancy.access import org_url_kwargs

pytestmark = pytest.mark.django_db

SETTINGS = {
    "settings-business_id": "201256-6",
    "settings-invoice_enabled": "on",
    "settings-hold_minutes": "25",
    "settings-invoice_due_days": "21",
    "settings-space_vat_rate": "14.0",
    "settings-offering_vat_rate": "14.0",
}


@pytest.fixture(autouse=True)
def _staff_without_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def seller(make_organisation):
    return make_organisation()


@pytest.fixture
def staff_client(client, seller, make_member):
    client.force_login(make_member(seller))
    return client


def url(name: str, org, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"payments_staff:{name}", kwargs={**org_url_kwargs(org), **kwargs})


def test_the_settings_are_saved_from_the_page(staff_client, seller):
    assert staff_client.get(url("settings", seller)).status_code == 200
    response = staff_client.post(url("settings", seller), SETTINGS)
    assert response.status_code == 302
    saved = SellerSettings.objects.get(organisation=seller)
    assert (saved.business_id, saved.online_enabled, saved.invoice_enabled) == (
        "0201256-6",
        False,
        True,
    )
    assert (saved.hold_minutes, saved.invoice_due_days, saved.space_vat_rate) == (
        25,
        21,
        Decimal("14.0"),
    )


def test_an_invalid_business_id_comes_back_as_typed(staff_client, seller):
    response = staff_client.post(
        url("settings", seller), {**SETTINGS, "settings-business_id": "1234567-0"}
    )
    assert response.status_code == 200
    form = response.context["settings_form"]
    assert form.errors["business_id"]
    assert form["business_id"].value() == "1234567-0"
    assert not SellerSettings.objects.exists()


def rule_data(space, **changes: str) -> dict[str, Any]:
    data = {
        "rule-target": f"space:{space.pk}" if space else "",
        "rule-group": "association",
        "rule-basis": "per_hour",
        "rule-amount": "12.50",
        "rule-vat_rate": "0.0",
        "rule-valid_from": "2030-01-01",
    }
    data.update(changes)
    return data


def test_prices_are_added_and_deleted_from_the_page(staff_client, seller, make_space):
    space = make_space(seller)
    response = staff_client.post(url("rule_add", seller), rule_data(space))
    assert response.status_code == 302
    assert response["Location"] == url("settings", seller) + "#prices"
    rule = PriceRule.objects.get()
    assert (rule.space, rule.amount) == (space, Decimal("12.50"))
    page = staff_client.get(url("settings", seller))
    assert f'data-rule="{rule.pk}"'.encode() in page.content

    again = staff_client.post(url("rule_add", seller), rule_data(space, **{"rule-amount": "15"}))
    assert again.status_code == 200
    form = again.context["rule_form"]
    assert form.errors["valid_from"]
    assert form["amount"].value() == "15"
    assert PriceRule.objects.count() == 1

    deleted = staff_client.post(url("rule_delete", seller, rule_id=rule.pk))
    assert deleted.status_code == 302
    assert not PriceRule.objects.exists()
    assert staff_client.post(url("rule_delete", seller, rule_id=rule.pk)).status_code == 404


def test_a_space_of_another_organisation_is_not_a_choice(staff_client, seller, make_space):
    foreign = make_space()
    response = staff_client.post(url("rule_add", seller), rule_data(foreign))
    assert response.status_code == 200
    assert response.context["rule_form"].errors["target"]
    assert not PriceRule.objects.exists()


def test_an_offering_gets_its_own_dated_prices(staff_client, seller, make_offering):
    concert = make_offering(seller, is_free=False, price=Decimal("15.00"), title_en="Concert")
    data = {
        **rule_data(None),
        "rule-target": f"offering:{concert.pk}",
        "rule-group": "reduced",
        "rule-basis": "per_person",
        "rule-amount": "10",
        "rule-vat_rate": "14.0",
    }
    response = staff_client.post(url("rule_add", seller), data)
    assert response.status_code == 302
    rule = PriceRule.objects.get()
    assert (rule.offering, rule.space, rule.amount) == (concert, None, Decimal("10.00"))
    page = staff_client.get(url("settings", seller)).content.decode()
    assert "Concert" in page and f'data-rule="{rule.pk}"' in page
    # The same group and date again is refused next to the date, as typed.
    again = staff_client.post(url("rule_add", seller), data)
    assert again.status_code == 200 and again.context["rule_form"].errors["valid_from"]


def test_an_offering_of_another_organisation_is_not_a_choice(staff_client, seller, make_offering):
    foreign = make_offering(is_free=False, price=Decimal("15.00"))
    data = {**rule_data(None), "rule-target": f"offering:{foreign.pk}"}
    response = staff_client.post(url("rule_add", seller), data)
    assert response.status_code == 200
    assert response.context["rule_form"].errors["target"]
    assert not PriceRule.objects.exists()


def test_free_of_charge_from_the_page(staff_client, seller, make_organisation):
    choir = make_organisation(municipality=seller.municipality)
    elsewhere = make_organisation()
    page = staff_client.get(url("settings", seller))
    choices = {org.pk for org in page.context["free_form"].fields["beneficiary"].queryset}
    assert choices == {choir.pk}

    refused = staff_client.post(
        url("free_add", seller), {"free-beneficiary": elsewhere.pk, "free-note": "Kuoro"}
    )
    assert refused.status_code == 200
    assert refused.context["free_form"]["note"].value() == "Kuoro"
    assert not FreeOfCharge.objects.exists()

    added = staff_client.post(
        url("free_add", seller), {"free-beneficiary": choir.pk, "free-note": "Kuoro"}
    )
    assert added.status_code == 302
    entry = FreeOfCharge.objects.get()
    assert (entry.beneficiary, entry.space, entry.note) == (choir, None, "Kuoro")
    assert staff_client.post(url("free_delete", seller, free_id=entry.pk)).status_code == 302
    assert not FreeOfCharge.objects.exists()
