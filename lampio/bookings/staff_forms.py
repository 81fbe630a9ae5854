"""Forms of the staff bookings desk: local dates and wall-clock times, turned into UTC instants.

Time fields are named like the services' arguments (`starts_at`, `ends_at`) and the person's
address `email`, so a refusal that names its field lands next to the right input.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.core.timeranges import local_datetime
from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import Space

NEXT_DAY_HELP = _("An end time before the start time means the next day.")


def _end(day: date, start: time, end: time, end_day: date | None = None) -> datetime:
    if end_day is None:
        end_day = day + timedelta(days=1) if end <= start else day
    return local_datetime(end_day, end)


class DecisionForm(forms.Form):
    """Approve or deny one request; the pressed button says which."""

    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("deny", _("Deny"))], widget=forms.HiddenInput
    )
    reason = forms.CharField(
        label=_("Reason for denying"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you deny the request. The resident reads it in the message."),
    )

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class _SpaceTimesForm(forms.Form):
    space: forms.ModelChoiceField[Space] = forms.ModelChoiceField(
        label=_("Space"), queryset=Space.objects.none()
    )
    date = forms.DateField(label=_("Date"), widget=DateInput)
    starts_at = forms.TimeField(label=_("Start time"), widget=TimeInput)

    def __init__(self, *args: Any, spaces: QuerySet[Space], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["space"]).queryset = spaces


class BlockTimeForm(_SpaceTimesForm):
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput,
        help_text=_("Only for a block that lasts several days."),
    )
    ends_at = forms.TimeField(label=_("End time"), widget=TimeInput, help_text=NEXT_DAY_HELP)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=200,
        help_text=_("For example 'Floor maintenance'. Residents only see that the time is taken."),
    )

    field_order = ["space", "date", "starts_at", "end_date", "ends_at", "reason"]

    def times(self) -> tuple[datetime, datetime]:
        data = self.cleaned_data
        start = local_datetime(data["date"], data["starts_at"])
        return start, _end(data["date"], data["starts_at"], data["ends_at"], data["end_date"])


class OnBehalfForm(_SpaceTimesForm):
    email = forms.EmailField(
        label=_("Email address of the person"),
        help_text=_("The person must have a Lämpiö account. They get the confirmation by email."),
    )
    ends_at = forms.TimeField(label=_("End time"), widget=TimeInput, help_text=NEXT_DAY_HELP)
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=200,
        help_text=_("Tell briefly what the booking is for, e.g. 'Floorball practice'."),
    )
    attendees = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=100000, initial=1
    )

    field_order = ["email", "space", "date", "starts_at", "ends_at", "purpose", "attendees"]

    def times(self) -> tuple[datetime, datetime]:
        data = self.cleaned_data
        start = local_datetime(data["date"], data["starts_at"])
        return start, _end(data["date"], data["starts_at"], data["ends_at"])


class WeekForm(forms.Form):
    """Which week the calendar shows; anything unreadable means the current week."""

    week = forms.DateField(required=False)

    def first_day(self) -> date:
        today = timezone.localdate()
        day = today
        if self.is_valid() and self.cleaned_data["week"]:
            # A sensible range, so that a crafted address cannot ask for year 9999.
            earliest, latest = today - timedelta(days=730), today + timedelta(days=730)
            day = min(max(self.cleaned_data["week"], earliest), latest)
        return day - timedelta(days=day.weekday())
