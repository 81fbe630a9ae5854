"""Staff forms of the access page: the door system, testing a code, and each space's way in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.bookings.access_services import SpaceAccess
from lampio.bookings.models import DoorSystem, DoorSystemKind
from lampio.core.multilingual import translated_from, translated_initial
from lampio.core.timeranges import local_datetime
from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import AccessMethod, Space
from lampio.spaces.staff_forms import _add_translated


class DoorSystemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of door system"), choices=DoorSystemKind.choices, widget=forms.RadioSelect
    )
    endpoint_url = forms.URLField(
        label=_("Lock vendor's address"),
        required=False,
        assume_scheme="https",
        help_text=_("Only for a lock vendor webhook, e.g. https://locks.example.fi/lampio."),
    )
    signing_secret = forms.CharField(
        label=_("Signing secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Agreed with the lock vendor, at least 16 characters. It is never shown again; "
            "leave empty to keep the saved one."
        ),
    )

    @staticmethod
    def initial_for(door_system: DoorSystem) -> dict[str, Any]:
        return {"kind": door_system.kind, "endpoint_url": door_system.endpoint_url}


class CodeTestForm(forms.Form):
    door = forms.CharField(label=_("Door identifier"), max_length=100)
    code = forms.CharField(
        label=_("Code"), max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    time = forms.TimeField(label=_("Time"), widget=TimeInput)

    def moment(self) -> datetime:
        return local_datetime(self.cleaned_data["date"], self.cleaned_data["time"])


class SpaceAccessForm(forms.Form):
    access_method = forms.ChoiceField(
        label=_("How people with a booking get in"),
        choices=AccessMethod.choices,
        widget=forms.RadioSelect,
    )
    door_id = forms.CharField(
        label=_("Door identifier"),
        max_length=100,
        required=False,
        help_text=_("The door's identifier in the door system; needed for personal codes."),
    )
    code_valid_before_minutes = forms.IntegerField(
        label=_("Code works this many minutes before the start"), min_value=0, max_value=24 * 60
    )
    code_valid_after_minutes = forms.IntegerField(
        label=_("Code works this many minutes after the end"), min_value=0, max_value=24 * 60
    )
    offer_hold_minutes = forms.IntegerField(
        label=_("A waitlist offer is held this many minutes"),
        min_value=5,
        max_value=7 * 24 * 60,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(
            self,
            "access_instructions",
            _("Instructions"),
            max_length=None,
            required=False,
        )
        # The instructions read next to the method they explain.
        order = ["access_method", "access_instructions_fi", "access_instructions_sv"]
        self.order_fields([*order, "access_instructions_en", "door_id"])

    @staticmethod
    def initial_for(space: Space) -> dict[str, Any]:
        names = (
            "access_method",
            "door_id",
            "code_valid_before_minutes",
            "code_valid_after_minutes",
            "offer_hold_minutes",
        )
        return {
            **translated_initial(space, "access_instructions"),
            **{name: getattr(space, name) for name in names},
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("access_method") == AccessMethod.CODE and not cleaned.get("door_id"):
            self.add_error(
                "door_id",
                _("A space opened by code needs the door's identifier in the door system."),
            )
        return cleaned

    def details(self) -> SpaceAccess:
        data = self.cleaned_data
        return SpaceAccess(
            access_method=data["access_method"],
            instructions=translated_from(data, "access_instructions"),
            door_id=data.get("door_id") or "",
            code_valid_before_minutes=data["code_valid_before_minutes"],
            code_valid_after_minutes=data["code_valid_after_minutes"],
            offer_hold_minutes=data["offer_hold_minutes"],
        )
