"""Forms of taking part without a password: the address to send a code to, and the code.

Input shape only. The address may be an email address or a Finnish mobile number; both are
normalised here (email in lower case, a phone number in E.164) so the service sees one form.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from lampio.core.phones import normalise_mobile
from lampio.digital.services.signin import CODE_DIGITS


def normalise_finnish_mobile(text: str) -> str | None:
    """A Finnish mobile number as E.164 (+358401234567), or None if `text` is not one.

    Sign-in codes go by text message only to Finnish mobile numbers: the SMS gateway the cities
    contract serves those.
    """
    phone = normalise_mobile(text)
    return phone if phone is not None and phone.startswith("+358") else None


def normalise_address(text: str) -> str:
    """The address in the form the service stores, or a ValidationError in plain words."""
    text = text.strip()
    if "@" in text:
        try:
            EmailValidator()(text)
        except ValidationError as error:
            raise ValidationError(
                _(
                    "This email address does not look right. "
                    "Check it, for example maija@example.fi."
                ),
                code="invalid",
            ) from error
        return text.lower()
    phone = normalise_finnish_mobile(text)
    if phone is None:
        raise ValidationError(
            _(
                "Write your email address, for example maija@example.fi, or your mobile "
                "number, for example 040 123 4567."
            ),
            code="invalid",
        )
    return phone


class AddressForm(forms.Form):
    address = forms.CharField(
        label=_("Your email address or mobile number"),
        max_length=254,
        help_text=_("We send you a code. You do not need a password."),
        error_messages={"required": _("Write your email address or mobile number.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def clean_address(self) -> str:
        return normalise_address(self.cleaned_data["address"])


class CodeForm(forms.Form):
    """The code; the address travels along, hidden when the page already knows it."""

    address = forms.CharField(
        label=_("Your email address or mobile number"),
        max_length=254,
        error_messages={"required": _("Write your email address or mobile number.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    code = forms.CharField(
        label=_("The code you received"),
        max_length=20,
        help_text=_("The code has 6 numbers."),
        error_messages={"required": _("Write the code you received.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "size": "8"}
        ),
    )

    def __init__(self, *args: Any, address_known: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if address_known:
            self.fields["address"].widget = forms.HiddenInput()

    def clean_address(self) -> str:
        return normalise_address(self.cleaned_data["address"])

    def clean_code(self) -> str:
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not (code.isdigit() and len(code) == CODE_DIGITS):
            raise ValidationError(_("The code has 6 numbers. Check it and try again."))
        return code
