"""Forms of the waitlist pages: joining the line for a taken slot, and adding a watch."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.bookings.forms import BookingForm
from lampio.spaces.forms import TimeInput
from lampio.spaces.models import Space, Weekday


class JoinForm(BookingForm):
    """The booking form's times, purpose and size: accepting an offer books with them."""

    def __init__(self, *args: Any, space: Space, **kwargs: Any) -> None:
        super().__init__(*args, space=space, **kwargs)
        self.fields.pop("show_to_colleagues", None)
        purpose = self.fields["purpose"]
        purpose.required = False
        purpose.help_text = _("Optional. Tell briefly what the booking would be for.")


class WatchForm(forms.Form):
    weekday = forms.TypedChoiceField(label=_("Weekday"), choices=Weekday.choices, coerce=int)
    starts = forms.TimeField(label=_("From"), widget=TimeInput)
    ends = forms.TimeField(
        label=_("Until"),
        widget=TimeInput,
        help_text=_("Within the same day, in Finnish time (Europe/Helsinki)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts"), data.get("ends")
        if starts is not None and ends is not None and ends <= starts:
            self.add_error("ends", _("The window must end after it starts, within the same day."))
        return data
