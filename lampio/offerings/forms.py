"""Residents' forms for offerings: the search, the calendar, enrolment and group orders.

Input shape only; the services decide what is allowed. Fields are named like the services'
arguments (`seats`, `group_size`, `occurrence`), so a refusal lands next to the right input.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.http import QueryDict
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lampio.core.forms import set_choices
from lampio.core.timeranges import LOCAL_ZONE, Interval, local_datetime
from lampio.offerings.models import Audience, Format, Language, Occurrence
from lampio.offerings.selectors import OfferingFilters, keyword_filter_choices
from lampio.offerings.services.enrolment import MAX_SEATS_PER_ENROLMENT
from lampio.spaces.forms import DateInput, TimeInput
from lampio.tenancy.forms import with_chosen_city
from lampio.tenancy.models import Organisation
from lampio.tenancy.selectors import municipality_choices

ONLINE = "online"
PROPOSED_TIMES = 3


class OfferingSearchForm(forms.Form):
    municipality = forms.ChoiceField(label=_("City"), required=False)
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=100,
        help_text=_("For example the name of an offering, a performer or a place."),
    )
    keyword = forms.ChoiceField(label=_("Category"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    price = forms.ChoiceField(
        label=_("Price"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Any price")), ("free", _("Free of charge")), ("paid", _("Paid"))],
    )
    accessible = forms.BooleanField(
        label=_("Only offerings with accessibility information"), required=False
    )
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Until date"), required=False, widget=DateInput)

    date_fields: tuple[str, ...] = ("date_from", "date_to")

    def __init__(self, data: QueryDict, *, default_municipality: str = "") -> None:
        cities = municipality_choices()
        data = with_chosen_city(data, default_municipality, cities)
        super().__init__(data)
        online = _("Online (stream, recording or both ways)")
        set_choices(self, "municipality", [("", _("All cities")), *cities])
        set_choices(self, "keyword", [("", _("All categories")), *keyword_filter_choices()])
        set_choices(self, "audience", [("", _("Everyone")), *Audience.choices])
        set_choices(self, "format", [("", _("Any format")), (ONLINE, online), *Format.choices])
        set_choices(self, "language", [("", _("Any language")), *Language.choices])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return cleaned

    def filters(self, *, window: Interval | None = None) -> OfferingFilters:
        """The search as the selector takes it; `window` (a calendar's week or month) replaces
        the dates of the form."""
        data = self.cleaned_data
        chosen_format = data["format"]
        start: dt.datetime | None = None
        end: dt.datetime | None = None
        if window is not None:
            start, end = window
        else:
            if data.get("date_from"):
                start = local_datetime(data["date_from"], dt.time())
            if data.get("date_to"):
                end = local_datetime(data["date_to"] + dt.timedelta(days=1), dt.time())
        return OfferingFilters(
            municipality=data["municipality"],
            q=data["q"],
            keyword=data["keyword"],
            audience=data["audience"],
            format="" if chosen_format == ONLINE else chosen_format,
            online=True if chosen_format == ONLINE else None,
            language=data["language"],
            free={"free": True, "paid": False}.get(data["price"]),
            accessible=data["accessible"],
            start=start,
            end=end,
        )


class CalendarForm(OfferingSearchForm):
    """The same filters over one week or one month chosen by a day in it."""

    period = forms.ChoiceField(
        label=_("Show"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("week", _("A week")), ("month", _("A month"))],
    )
    day = forms.DateField(label=_("The week or month of"), required=False, widget=DateInput)

    date_fields = ("period", "day")

    def __init__(self, data: QueryDict, *, default_municipality: str = "") -> None:
        # Show the current week until the person chooses otherwise.
        if not data.get("period") or not data.get("day"):
            data = data.copy()
            data["period"] = data.get("period") or "week"
            data["day"] = data.get("day") or timezone.localdate().isoformat()
        super().__init__(data, default_municipality=default_municipality)
        del self.fields["date_from"], self.fields["date_to"]

    def _valid(self, name: str) -> Any:
        """A field's value when it is valid, even if other fields are not."""
        self.is_valid()
        return self.cleaned_data.get(name)

    def chosen_period(self) -> str:
        return "month" if self._valid("period") == "month" else "week"

    def first_day(self) -> dt.date:
        """Monday of the chosen week or the first of the month; a crafted date stays within
        a sensible range."""
        today = timezone.localdate()
        chosen = self._valid("day") or today
        chosen = min(max(chosen, today - dt.timedelta(days=366)), today + dt.timedelta(days=1100))
        if self.chosen_period() == "month":
            return chosen.replace(day=1)
        return chosen - dt.timedelta(days=chosen.weekday())

    def window(self) -> tuple[dt.date, dt.date]:
        """The first day shown and the day after the last one."""
        first = self.first_day()
        if self.chosen_period() == "month":
            after = (first + dt.timedelta(days=32)).replace(day=1)
        else:
            after = first + dt.timedelta(days=7)
        return first, after

    def neighbours(self) -> tuple[dt.date, dt.date]:
        """A day in the previous and in the next period."""
        first, after = self.window()
        return first - dt.timedelta(days=1), after


class EnrolForm(forms.Form):
    seats = forms.TypedChoiceField(
        label=_("Number of people"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, MAX_SEATS_PER_ENROLMENT + 1)],
        initial=1,
    )
    waitlist = forms.BooleanField(
        label=_("Put me on the waiting list if there are not enough seats"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seats"].help_text = gettext(
            "You and your companions, at most %(count)d people."
        ) % {"count": MAX_SEATS_PER_ENROLMENT}


def occurrence_label(occurrence: Occurrence) -> str:
    starts = occurrence.starts_at.astimezone(LOCAL_ZONE)
    ends = occurrence.ends_at.astimezone(LOCAL_ZONE)
    day = formats.date_format(starts, "D j.n.Y")
    return f"{day} {starts:%H:%M}–{ends:%H:%M}"


class OccurrenceChoiceField(forms.ModelChoiceField[Occurrence]):
    def label_from_instance(self, obj: Occurrence) -> str:
        return occurrence_label(obj)


class GroupOrderForm(forms.Form):
    """An order for a group; offerings with fixed times ask for one of them, offerings on
    request for up to three times that suit the group."""

    unit: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Ordering unit"), queryset=Organisation.objects.none(), empty_label=None
    )
    occurrence: OccurrenceChoiceField = OccurrenceChoiceField(
        label=_("Time"), queryset=Occurrence.objects.none(), empty_label=None
    )
    group_size = forms.IntegerField(
        label=_("Number of children or pupils"), min_value=1, max_value=500
    )
    accompanying_staff = forms.IntegerField(
        label=_("Number of accompanying staff"), min_value=0, max_value=50, initial=0
    )
    special_needs = forms.CharField(
        label=_("Special needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example wheelchairs, allergies or interpretation the group needs."),
    )
    message = forms.CharField(
        label=_("Message to the provider"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(
        self,
        *args: Any,
        units: Any,
        occurrences: Any,
        on_request: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.on_request = on_request
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units
        if on_request:
            del self.fields["occurrence"]
            for number in range(1, PROPOSED_TIMES + 1):
                self.fields.update(_proposed_time_fields(number, required=number == 1))
        else:
            cast(OccurrenceChoiceField, self.fields["occurrence"]).queryset = occurrences

    def proposed_groups(self) -> list[list[forms.BoundField]]:
        """The bound fields of each proposed time, for the template's fieldsets."""
        return [
            [self[f"proposed_{number}_{part}"] for part in ("date", "start", "end")]
            for number in range(1, PROPOSED_TIMES + 1)
            if f"proposed_{number}_date" in self.fields
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.on_request:
            return cleaned
        for number in range(1, PROPOSED_TIMES + 1):
            names = [f"proposed_{number}_{part}" for part in ("date", "start", "end")]
            if any(name in self.errors for name in names):
                continue
            values = [cleaned.get(name) for name in names]
            if any(values) and not all(values):
                for name, value in zip(names, values, strict=True):
                    if not value:
                        self.add_error(name, _("Give the date, the start and the end time."))
            elif all(values) and cleaned[names[2]] <= cleaned[names[1]]:
                self.add_error(names[2], _("The end time must be after the start time."))
        return cleaned

    def proposed_times(self) -> list[Interval]:
        times = []
        for number in range(1, PROPOSED_TIMES + 1):
            day = self.cleaned_data.get(f"proposed_{number}_date")
            start = self.cleaned_data.get(f"proposed_{number}_start")
            end = self.cleaned_data.get(f"proposed_{number}_end")
            if day and start and end:
                times.append(Interval(local_datetime(day, start), local_datetime(day, end)))
        return times


def _proposed_time_fields(number: int, *, required: bool) -> dict[str, forms.Field]:
    today = timezone.localdate().isoformat()
    return {
        f"proposed_{number}_date": forms.DateField(
            label=_("Date"), required=required, widget=DateInput(attrs={"min": today})
        ),
        f"proposed_{number}_start": forms.TimeField(
            label=_("Start time"), required=required, widget=TimeInput
        ),
        f"proposed_{number}_end": forms.TimeField(
            label=_("End time"), required=required, widget=TimeInput
        ),
    }
