"""The booking form: a local date and wall-clock times, turned into UTC instants for the service.

The time fields are named like the service's arguments (`starts_at`, `ends_at`), so a refusal
that names its field lands next to the right input.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.core.timeranges import LOCAL_ZONE, local_datetime
from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import Space, Visibility


class BookingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    starts_at = forms.TimeField(label=_("Start time"), widget=TimeInput)
    ends_at = forms.TimeField(
        label=_("End time"),
        widget=TimeInput,
        help_text=_("An end time before the start time means the next day."),
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=200,
        help_text=_("Tell briefly what the booking is for, e.g. 'Floorball practice'."),
    )
    attendees = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=100000)
    accept_terms = forms.BooleanField(
        label=_("I have read and accept the terms of use of the space"),
        error_messages={"required": _("Accept the terms of use to book this space.")},
    )

    show_to_colleagues = forms.BooleanField(
        label=_("Show my name to colleagues who look at this space's day"),
        required=False,
    )

    def __init__(self, *args: Any, space: Space, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.space = space
        if not space.terms:
            del self.fields["accept_terms"]
        if space.visibility != Visibility.MEMBERS:
            del self.fields["show_to_colleagues"]
        # Let the browser's time picker step by the space's slots.
        for name in ("starts_at", "ends_at"):
            self.fields[name].widget.attrs["step"] = str(space.slot_minutes * 60)
        self.fields["date"].widget.attrs["min"] = timezone.localdate().isoformat()
        self.fields["attendees"].widget.attrs["max"] = str(space.capacity)

    def times(self) -> tuple[datetime, datetime]:
        """The booking's start and end as UTC instants of Helsinki wall-clock times."""
        day = self.cleaned_data["date"]
        start, end = self.cleaned_data["starts_at"], self.cleaned_data["ends_at"]
        end_day = day + timedelta(days=1) if end <= start else day
        return local_datetime(day, start), local_datetime(end_day, end)


def _query_moment(value: str | None) -> datetime | None:
    """A time from a slot link: ISO 8601, local wall-clock time unless it carries an offset."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(LOCAL_ZONE).replace(tzinfo=None) if moment.tzinfo else moment


def initial_from_query(query: QueryDict) -> dict[str, Any]:
    """Prefill the form from `?start=…&end=…` of a slot link; anything unreadable is ignored."""
    initial: dict[str, Any] = {"attendees": 1}
    start, end = _query_moment(query.get("start")), _query_moment(query.get("end"))
    if start is not None:
        initial.update(date=start.date(), starts_at=start.time())
        if end is not None and end > start:
            initial["ends_at"] = end.time()
    return initial
