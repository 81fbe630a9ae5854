"""The space search and the date picker of a space page: input shape only, no business rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.core.forms import set_choices
from lampio.core.timeranges import Interval, local_datetime
from lampio.spaces.models import SpaceType
from lampio.spaces.selectors import SpaceFilters, equipment_filter_choices
from lampio.tenancy.forms import with_chosen_city
from lampio.tenancy.selectors import municipality_choices

DISPLAYS = ("list", "map")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class SpaceSearchForm(forms.Form):
    municipality = forms.ChoiceField(label=_("City"), required=False)
    q = forms.CharField(
        label=_("Search words"),
        required=False,
        max_length=100,
        help_text=_("For example the name of a space, a venue or a street."),
    )
    space_type = forms.ChoiceField(label=_("Type of space"), required=False)
    min_capacity = forms.IntegerField(
        label=_("At least this many people"), required=False, min_value=1, max_value=10000
    )
    equipment = forms.MultipleChoiceField(
        label=_("Equipment"), required=False, widget=forms.CheckboxSelectMultiple
    )
    step_free_access = forms.BooleanField(label=_("Step-free access"), required=False)
    accessible_toilet = forms.BooleanField(label=_("Accessible toilet"), required=False)
    induction_loop = forms.BooleanField(label=_("Induction loop"), required=False)
    setting = forms.ChoiceField(
        label=_("Indoors or outdoors"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Either")), ("indoor", _("Indoors")), ("outdoor", _("Outdoors"))],
    )
    price = forms.ChoiceField(
        label=_("Price"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Any price")), ("free", _("Free of charge")), ("paid", _("Paid"))],
    )
    date = forms.DateField(label=_("Free on date"), required=False, widget=DateInput)
    from_time = forms.TimeField(label=_("From"), required=False, widget=TimeInput)
    to_time = forms.TimeField(label=_("Until"), required=False, widget=TimeInput)
    display = forms.ChoiceField(
        required=False, choices=[(value, value) for value in DISPLAYS], widget=forms.HiddenInput
    )

    accessibility_fields = ("step_free_access", "accessible_toilet", "induction_loop")
    free_time_fields = ("date", "from_time", "to_time")

    def __init__(self, data: QueryDict, *, default_municipality: str = "") -> None:
        cities = municipality_choices()
        data = with_chosen_city(data, default_municipality, cities)
        super().__init__(data)
        set_choices(self, "municipality", [("", _("All cities")), *cities])
        set_choices(self, "space_type", [("", _("Any type")), *SpaceType.choices])
        set_choices(self, "equipment", equipment_filter_choices())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        given = [name for name in self.free_time_fields if cleaned.get(name)]
        if given and len(given) < len(self.free_time_fields):
            for name in self.free_time_fields:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Give the date and both times to search by free time."))
        elif given and cleaned["to_time"] <= cleaned["from_time"]:
            self.add_error("to_time", _("The end time must be after the start time."))
        return cleaned

    def filters(self) -> SpaceFilters:
        data = self.cleaned_data
        return SpaceFilters(
            municipality=data["municipality"],
            q=data["q"],
            space_type=data["space_type"],
            min_capacity=data["min_capacity"],
            equipment=tuple(data["equipment"]),
            step_free_access=data["step_free_access"],
            accessible_toilet=data["accessible_toilet"],
            induction_loop=data["induction_loop"],
            indoor={"indoor": True, "outdoor": False}.get(data["setting"]),
            free_of_charge={"free": True, "paid": False}.get(data["price"]),
        )

    def wanted_interval(self) -> Interval | None:
        """The time the space must be free for, as UTC instants of Helsinki wall-clock times."""
        data = self.cleaned_data
        if not data.get("date"):
            return None
        return Interval(
            local_datetime(data["date"], data["from_time"]),
            local_datetime(data["date"], data["to_time"]),
        )

    def display_mode(self) -> str:
        """List or map; the list when the form did not validate."""
        value = self.cleaned_data.get("display") if hasattr(self, "cleaned_data") else ""
        return value or "list"


class AvailabilityForm(forms.Form):
    """Which day (or week from that day) a space page shows; anything unreadable means today."""

    date = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    view = forms.ChoiceField(
        required=False, choices=[("day", "day"), ("week", "week")], widget=forms.HiddenInput
    )

    def _valid(self, name: str) -> Any:
        """A field's value when it is valid, even if the other field is not."""
        self.is_valid()
        return self.cleaned_data.get(name)

    def day(self) -> dt.date:
        today = timezone.localdate()
        chosen = self._valid("date")
        if not chosen:
            return today
        # Keep the page to a sensible range so that a crafted date cannot ask for year 9999.
        earliest, latest = today - dt.timedelta(days=31), today + dt.timedelta(days=730)
        return min(max(chosen, earliest), latest)

    def is_week(self) -> bool:
        return self._valid("view") == "week"
