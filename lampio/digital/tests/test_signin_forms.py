"""The address field: an email address or a Finnish mobile number, in the ways people write them."""

from __future__ import annotations

import pytest
from django.utils import translation

from lampio.digital.forms_signin import AddressForm, CodeForm, normalise_finnish_mobile


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("040 123 4567", "+358401234567"),
        ("040-1234567", "+358401234567"),
        ("0401234567", "+358401234567"),
        ("+358 40 123 4567", "+358401234567"),
        ("+358 (0)40 123 4567", "+358401234567"),
        ("00358401234567", "+358401234567"),
        ("050 123 4567", "+358501234567"),
        ("0457 123 4567", "+3584571234567"),
        ("044 123456", "+35844123456"),
    ],
)
def test_finnish_mobile_numbers_become_e164(typed, e164):
    assert normalise_finnish_mobile(typed) == e164


@pytest.mark.parametrize(
    "typed",
    [
        "09 123 4567",  # a Helsinki landline
        "040 12",  # too short
        "040 123 4567 890",  # too long
        "+46 70 123 4567",  # a Swedish number
        "040 123 45x7",
        "maija",
        "",
    ],
)
def test_other_numbers_are_not_finnish_mobiles(typed):
    assert normalise_finnish_mobile(typed) is None


def test_a_mobile_number_is_accepted_in_e164():
    form = AddressForm({"address": "040 123 4567"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["address"] == "+358401234567"


def test_an_email_address_is_kept_in_lower_case():
    form = AddressForm({"address": "  Maija.M@Example.FI "})
    assert form.is_valid()
    assert form.cleaned_data["address"] == "maija.m@example.fi"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("maija@", "does not look right"),
        ("maija", "Write your email address, for example"),
        ("", "Write your email address or mobile number."),
    ],
)
def test_refusals_are_in_plain_words(typed, words):
    with translation.override("en"):
        form = AddressForm({"address": typed})
        assert not form.is_valid()
        assert words in form.errors["address"][0]


def test_the_code_is_six_digits_and_spaces_are_forgiven():
    form = CodeForm({"address": "maija@example.fi", "code": "123 456"})
    assert form.is_valid()
    assert form.cleaned_data["code"] == "123456"
    assert not CodeForm({"address": "maija@example.fi", "code": "12345"}).is_valid()


def test_the_code_field_helps_phones_fill_it_in():
    html = str(CodeForm(address_known=True)["code"])
    assert 'inputmode="numeric"' in html
    assert 'autocomplete="one-time-code"' in html
    assert 'type="hidden"' in str(CodeForm(address_known=True)["address"])
