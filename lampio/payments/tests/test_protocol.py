"""Paytrail's HMAC signing (checked against the vector of Paytrail's documentation) and the
Finnish business ID check."""

from __future__ import annotations

import json

import pytest

from lampio.payments.business_id import normalised_business_id
from lampio.payments.providers import paytrail_protocol as protocol

SECRET = "SAIPPUAKAUPPIAS"  # Paytrail's public test merchant 375917
DOCUMENTED_HEADERS = {
    "checkout-account": "375917",
    "checkout-algorithm": "sha256",
    "checkout-method": "POST",
}
DOCUMENTED_BODY = {
    "stamp": "should-be-unique-for-merchant",
    "reference": "3759170",
    "amount": 1525,
    "currency": "EUR",
    "language": "FI",
    "items": [
        {
            "unitPrice": 1525,
            "units": 1,
            "vatPercentage": 24,
            "productCode": "#1234",
            "deliveryDate": "2018-09-01",
        }
    ],
    "customer": {"email": "test.customer@example.com"},
    "redirectUrls": {
        "success": "https://ecom.example.com/cart/success",
        "cancel": "https://ecom.example.com/cart/cancel",
    },
}
DOCUMENTED_SIGNATURE = "84b454005a4f087076ad86cee8b4a646b18982998de7221db57646743cda7b81"


def compact(body: dict) -> str:
    return json.dumps(body, separators=(",", ":"))


def callback_params() -> dict[str, str]:
    params = {
        "checkout-account": "375917",
        "checkout-algorithm": "sha256",
        "checkout-amount": "2964",
        "checkout-stamp": "15336332710015",
        "checkout-reference": "192387192837195",
        "checkout-transaction-id": "4b300af6-9a22-11e8-9184-abb6de7fd2d0",
        "checkout-status": "ok",
        "checkout-provider": "nordea",
    }
    params["signature"] = protocol.signature(SECRET, params)
    return params


def test_the_documented_request_gives_the_documented_signature():
    body = compact(DOCUMENTED_BODY)
    assert protocol.signature(SECRET, DOCUMENTED_HEADERS, body) == DOCUMENTED_SIGNATURE
    assert protocol.is_signed(SECRET, DOCUMENTED_HEADERS, DOCUMENTED_SIGNATURE, body)


def test_the_signed_text_is_the_sorted_checkout_headers_then_the_body():
    headers = {"checkout-method": "POST", "checkout-account": "1", "content-type": "x"}
    assert protocol.signed_text(headers, "{}") == "checkout-account:1\ncheckout-method:POST\n{}"
    # A redirect or callback has no body: the text ends with an empty line.
    assert protocol.signed_text({"checkout-status": "ok"}) == "checkout-status:ok\n"


def test_the_order_of_the_headers_given_does_not_matter():
    reordered = dict(reversed(list(DOCUMENTED_HEADERS.items())))
    assert protocol.signature(SECRET, reordered, compact(DOCUMENTED_BODY)) == DOCUMENTED_SIGNATURE


def test_other_headers_than_checkout_ones_are_not_signed():
    headers = {**DOCUMENTED_HEADERS, "content-type": "application/json", "signature": "x"}
    assert protocol.signature(SECRET, headers, compact(DOCUMENTED_BODY)) == DOCUMENTED_SIGNATURE


def test_a_changed_body_or_secret_does_not_verify():
    body = compact({**DOCUMENTED_BODY, "amount": 1})
    assert not protocol.is_signed(SECRET, DOCUMENTED_HEADERS, DOCUMENTED_SIGNATURE, body)
    assert not protocol.is_signed(
        "another-secret", DOCUMENTED_HEADERS, DOCUMENTED_SIGNATURE, compact(DOCUMENTED_BODY)
    )


def test_a_signed_callback_verifies_and_each_tampered_parameter_does_not():
    params = callback_params()
    given = params.pop("signature")
    assert protocol.is_signed(SECRET, params, given)
    for name in params:
        tampered = {**params, name: params[name] + "0"}
        assert not protocol.is_signed(SECRET, tampered, given), name
    assert not protocol.is_signed(SECRET, {**params, "checkout-extra": "1"}, given)
    assert not protocol.is_signed(SECRET, params, given.upper().replace("A", "B"))


def test_a_missing_signature_never_verifies():
    params = callback_params()
    params.pop("signature")
    assert not protocol.is_signed(SECRET, params, "")


def test_sha512_is_supported_and_an_unknown_algorithm_is_refused():
    headers = {**DOCUMENTED_HEADERS, "checkout-algorithm": "sha512"}
    signed = protocol.signature(SECRET, headers, "{}")
    assert len(signed) == 128 and protocol.is_signed(SECRET, headers, signed, "{}")
    weak = {**DOCUMENTED_HEADERS, "checkout-algorithm": "md5"}
    # Even a "signature" made with the weak algorithm is not believed.
    import hashlib
    import hmac

    md5 = hmac.new(SECRET.encode(), protocol.signed_text(weak, "{}").encode(), hashlib.md5)
    assert not protocol.is_signed(SECRET, weak, md5.hexdigest(), "{}")
    with pytest.raises(KeyError):
        protocol.signature(SECRET, weak, "{}")


# --- Business IDs (Y-tunnus) ---------------------------------------------------------------------
# The check digit: digits weighted 7, 9, 10, 5, 8, 4, 2; remainder r of the sum by 11; the check
# is 0 when r = 0, 11 - r otherwise; r = 1 gives no valid ID.
#   0201256-6: 0+18+0+5+16+20+12 = 71, r = 5 → 6
#   1572860-0: 7+45+70+10+64+24+0 = 220, r = 0 → 0
#   1234567-1: 7+18+30+20+40+24+14 = 153, r = 10 → 1
#   0000110-x: 8+4 = 12, r = 1 → never valid


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("0201256-6", "0201256-6"),
        ("1572860-0", "1572860-0"),
        ("1234567-1", "1234567-1"),
        (" 1572860-0 ", "1572860-0"),
        ("201256-6", "0201256-6"),  # a leading zero lost in a spreadsheet
    ],
)
def test_valid_business_ids(given, normalised):
    assert normalised_business_id(given) == normalised


@pytest.mark.parametrize(
    "given",
    [
        "0201256-5",  # wrong check digit
        "1572860-1",
        "1234567-8",
        "0000110-0",  # remainder 1: no check digit is valid
        "0000110-1",
        "02012566",  # no hyphen
        "0201256 6",
        "0201256-66",
        "12345-1",  # too short
        "FI02012566",  # a VAT number, not a business ID
        "",
        "abcdefg-h",
    ],
)
def test_invalid_business_ids(given):
    assert normalised_business_id(given) is None


def test_no_check_digit_is_valid_when_the_remainder_is_one():
    assert all(normalised_business_id(f"0000110-{digit}") is None for digit in range(10))
