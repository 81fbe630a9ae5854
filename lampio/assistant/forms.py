"""Residents' assistant forms: input shape only; the asking and hand-off services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lampio.assistant.models.handoff import MAX_MESSAGE_LENGTH
from lampio.assistant.services.asking import MAX_QUESTION_LENGTH
from lampio.feedback.forms import PhoneField
from lampio.tenancy.models import Municipality


def _city_field(
    municipalities: QuerySet[Municipality], *, required: bool
) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("City"),
        queryset=municipalities,
        to_field_name="slug",
        required=required,
        empty_label=_("Choose a city") if required else _("Any city"),
    )


class AskForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2, "autocomplete": "off"}),
    )

    def __init__(
        self, *args: Any, municipalities: QuerySet[Municipality] | None = None, **kwargs: Any
    ) -> None:
        """`municipalities`: offer a city choice (only when the person has not chosen a city)."""
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"] = _city_field(municipalities, required=False)
            self.fields["municipality"].help_text = _(
                "Some answers depend on the city, such as prices and contacts."
            )


class HandoffForm(forms.Form):
    message = forms.CharField(
        label=_("Your question to a person"),
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The conversation you had with the assistant is sent with it."),
    )
    contact_name = forms.CharField(label=_("Name (optional)"), max_length=120, required=False)
    contact_email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("If nobody is on duty now, the answer comes to this address."),
    )
    contact_phone = PhoneField(label=_("Phone (optional)"), max_length=32, required=False)

    def __init__(
        self,
        *args: Any,
        municipalities: QuerySet[Municipality] | None = None,
        has_transcript: bool = False,
        **kwargs: Any,
    ) -> None:
        """`municipalities`: ask which city's staff should answer (when not already known)."""
        super().__init__(*args, **kwargs)
        self.has_transcript = has_transcript
        if municipalities is not None:
            self.fields["municipality"] = _city_field(municipalities, required=True)
            self.order_fields(["municipality"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.has_transcript and not cleaned.get("message", "").strip():
            self.add_error("message", _("Write what you would like to ask."))
        return cleaned


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
