"""Phone numbers as people write them, read with libphonenumber's rules (phonenumberslite).

Numbers are stored in E.164 (+358401234567). Finland is assumed when a number has no country
code, since that is how residents here write their own numbers ("040 123 4567").
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

DEFAULT_REGION = "FI"
_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
# libphonenumber reads letters as an extension ("x7") or as keypad letters; a number typed into
# a form has digits and the usual separators only.
_NOT_PHONE_CHARACTERS = re.compile(r"[^\d\s+\-().]")


def _parsed(text: str) -> phonenumbers.PhoneNumber | None:
    if not text.strip() or _NOT_PHONE_CHARACTERS.search(text):
        return None
    try:
        number = phonenumbers.parse(text.strip(), DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalise_phone(text: str) -> str | None:
    """Any valid phone number in E.164, or None if `text` is not one."""
    number = _parsed(text)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) if number else None


def normalise_mobile(text: str) -> str | None:
    """A valid mobile number (one that can receive a text message) in E.164, or None."""
    number = _parsed(text)
    if number is None or phonenumbers.number_type(number) not in _MOBILE_TYPES:
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)
