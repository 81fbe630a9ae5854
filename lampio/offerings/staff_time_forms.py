"""The provider's forms for times and orders: one time, a weekly schedule, changes of plan,
and answers to group orders. Times are typed as local (Helsinki) wall-clock time; an end time
before the start time means the next day, for sessions that continue past midnight.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from lampio.core.multilingual import Translated, translated_from
from lampio.core.timeranges import local_datetime
from lampio.offerings.models import GroupOrder, OccurrenceStatus, ProposedTime
from lampio.offerings.services import OccurrencePlan, WeeklySchedule
from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import Weekday
from lampio.spaces.staff_forms import _add_translated

# Service parameter → form field, for errors about the start and end of a time.
TIME_FIELDS = {"starts_at": "starts", "ends_at": "ends"}
WEEKLY_FIELDS = {**TIME_FIELDS, "until": "last_date"}
MAX_SKIP_DATES = 100
SKIP_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def local_span(day: date, starts: time, ends: time) -> tuple[datetime, datetime]:
    """The instants of a local start and end on `day`; an earlier end is on the next day."""
    end_day = day + timedelta(days=1) if ends < starts else day
    return local_datetime(day, starts), local_datetime(end_day, ends)


class TimeSpanForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    starts = forms.TimeField(label=_("Starts"), widget=TimeInput)
    ends = forms.TimeField(
        label=_("Ends"),
        widget=TimeInput,
        help_text=_("An end time before the start time means the next day."),
    )

    def span(self) -> tuple[datetime, datetime]:
        data = self.cleaned_data
        return local_span(data["date"], data["starts"], data["ends"])


def _capacity_field() -> forms.IntegerField:
    return forms.IntegerField(label=_("Seats"), min_value=1, max_value=100_000)


class OccurrenceForm(TimeSpanForm):
    capacity = _capacity_field()
    enrolment_opens_at = forms.DateTimeField(
        label=_("Enrolment opens"),
        required=False,
        widget=DateTimeInput,
        help_text=_("Leave empty to open enrolment as soon as the offering is published."),
    )
    enrolment_closes_at = forms.DateTimeField(
        label=_("Enrolment closes"),
        required=False,
        widget=DateTimeInput,
        help_text=_("Leave empty to keep enrolment open until the start."),
    )

    def plan(self) -> OccurrencePlan:
        starts_at, ends_at = self.span()
        data = self.cleaned_data
        return OccurrencePlan(
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=data["capacity"],
            enrolment_opens_at=data["enrolment_opens_at"],
            enrolment_closes_at=data["enrolment_closes_at"],
        )


def parse_dates(text: str) -> list[date]:
    """Dates separated by lines, commas or spaces, as 24.12.2026 or 2026-12-24."""
    days: list[date] = []
    for word in re.split(r"[\s,;]+", text.strip()):
        if not word:
            continue
        for pattern in SKIP_DATE_FORMATS:
            try:
                days.append(datetime.strptime(word, pattern).date())
                break
            except ValueError:
                continue
        else:
            raise forms.ValidationError(
                _("“%(value)s” is not a date. Write dates like 24.12.2026, one per line."),
                params={"value": word},
                code="invalid",
            )
    return days


class WeeklyForm(forms.Form):
    first_date = forms.DateField(label=_("First date"), widget=DateInput)
    starts = forms.TimeField(label=_("Starts"), widget=TimeInput)
    ends = forms.TimeField(
        label=_("Ends"),
        widget=TimeInput,
        help_text=_("An end time before the start time means the next day."),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=Weekday.choices,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one weekday.")},
    )
    interval = forms.IntegerField(
        label=_("Every how many weeks"),
        min_value=1,
        max_value=8,
        initial=1,
        help_text=_("1 means every week, 2 every other week."),
    )
    last_date = forms.DateField(label=_("Last date"), widget=DateInput)
    skip_dates = forms.CharField(
        label=_("Dates without a session"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example holidays. One date per line, like 24.12.2026."),
    )
    capacity = _capacity_field()

    def clean_skip_dates(self) -> list[date]:
        days = parse_dates(self.cleaned_data.get("skip_dates") or "")
        if len(days) > MAX_SKIP_DATES:
            raise forms.ValidationError(
                _("Give at most %(count)d dates."), params={"count": MAX_SKIP_DATES}
            )
        return days

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, last = cleaned.get("first_date"), cleaned.get("last_date")
        if first and last and last < first and "last_date" not in self.errors:
            self.add_error("last_date", _("The last date must not be before the first date."))
        return cleaned

    def schedule(self) -> WeeklySchedule:
        data = self.cleaned_data
        starts_at, ends_at = local_span(data["first_date"], data["starts"], data["ends"])
        return WeeklySchedule(
            first=OccurrencePlan(starts_at=starts_at, ends_at=ends_at, capacity=data["capacity"]),
            weekdays=tuple(data["weekdays"]),
            until=local_datetime(data["last_date"], time(23, 59, 59)),
            interval=data["interval"],
            skip_dates=tuple(data["skip_dates"]),
        )


class CapacityForm(forms.Form):
    capacity = _capacity_field()


class AttendanceForm(forms.Form):
    """Empty clears a number recorded by mistake."""

    attendance = forms.IntegerField(
        label=_("People who came"),
        min_value=0,
        max_value=100_000,
        required=False,
        help_text=_(
            "Count everyone who came, group members included. Only the total is used, "
            "in the network's statistics."
        ),
    )


def _add_notice(form: forms.Form, *, required: bool) -> None:
    _add_translated(
        form, "notice", _("Notice to the participants"), max_length=None, required=required
    )
    form.fields["notice_fi"].help_text = _(
        "Sent by email to everyone enrolled and shown on the offering's page."
    )


class NoticeForm(forms.Form):
    def notice(self) -> Translated:
        return translated_from(self.cleaned_data, "notice")


STATUS_CHOICES = [
    (OccurrenceStatus.CANCELLED, _("Cancel this time")),
    (OccurrenceStatus.POSTPONED, _("Postpone: the new time is not known yet")),
    (OccurrenceStatus.MOVED_ONLINE, _("Move online, to the offering's online link")),
    (OccurrenceStatus.SCHEDULED, _("Back to scheduled as planned")),
]


class StatusForm(NoticeForm):
    status = forms.ChoiceField(label=_("Change"), choices=STATUS_CHOICES, widget=forms.RadioSelect)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_notice(self, required=False)
        self.fields["notice_fi"].help_text = _(
            "Required unless the time goes back to scheduled. Sent by email to everyone "
            "enrolled and shown on the offering's page."
        )


class CancelOfferingForm(NoticeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_notice(self, required=True)


class RescheduleForm(TimeSpanForm, NoticeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_notice(self, required=True)


# --- Orders ------------------------------------------------------------------------------------


class AcceptForm(forms.Form):
    proposed_time: forms.ModelChoiceField[ProposedTime] = forms.ModelChoiceField(
        label=_("Time"),
        queryset=ProposedTime.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose one of the proposed times.")},
    )
    message = forms.CharField(
        label=_("Message to the group"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, order: GroupOrder, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["proposed_time"])
        if order.occurrence_id is not None:
            del self.fields["proposed_time"]  # the group asked for a listed time
        else:
            field.queryset = order.proposed_times.all()
            field.label_from_instance = _time_label  # type: ignore[method-assign,assignment]


def _time_label(proposed: ProposedTime) -> str:
    starts = timezone.localtime(proposed.starts_at)
    ends = timezone.localtime(proposed.ends_at)
    return f"{formats.date_format(starts, 'l j.n.Y')} {starts:%H:%M}–{ends:%H:%M}"


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=_("Reason, for the group"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tell the group why the order is declined.")},
    )


class ProposeForm(TimeSpanForm):
    message = forms.CharField(
        label=_("Message to the group"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
