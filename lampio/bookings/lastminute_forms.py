"""The filters of the last-minute page: input shape only."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.http import QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lampio.bookings.lastminute_selectors import (
    DAYS_AHEAD,
    TIME_OF_DAY_LABELS,
    LastMinuteFilters,
)
from lampio.core.forms import set_choices
from lampio.spaces.models import SpaceType
from lampio.tenancy.forms import with_chosen_city
from lampio.tenancy.selectors import municipality_choices


class LastMinuteForm(forms.Form):
    municipality = forms.ChoiceField(label=_("City"), required=True)
    space_type = forms.ChoiceField(label=_("Type of space"), required=False)
    day = forms.ChoiceField(label=_("Day"), required=False)
    time_of_day = forms.ChoiceField(
        label=_("Time of day"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", _("Any time")),
            *((key.value, label) for key, label in TIME_OF_DAY_LABELS.items()),
        ],
    )
    min_capacity = forms.IntegerField(
        label=_("At least this many people"), required=False, min_value=1, max_value=10000
    )
    free_of_charge = forms.BooleanField(label=_("Free of charge only"), required=False)

    def __init__(self, data: QueryDict, *, today: date, default_municipality: str = "") -> None:
        cities = municipality_choices()
        data = with_chosen_city(data, default_municipality, cities)
        # Without a city there is nothing to list: an unbound form, so no "required" error.
        if "municipality" in data:
            super().__init__(data)
        else:
            super().__init__(initial=data.dict())
        days = [today + timedelta(days=offset) for offset in range(DAYS_AHEAD)]
        set_choices(self, "municipality", [("", _("Choose a city")), *cities])
        set_choices(self, "space_type", [("", _("Any type")), *SpaceType.choices])
        set_choices(
            self,
            "day",
            [("", _("Any day")), *((day.isoformat(), date_format(day, "l j.n.")) for day in days)],
        )

    def filters(self) -> LastMinuteFilters:
        data = self.cleaned_data
        return LastMinuteFilters(
            space_type=data["space_type"],
            day=date.fromisoformat(data["day"]) if data["day"] else None,
            time_of_day=data["time_of_day"],
            min_capacity=data["min_capacity"],
            free_of_charge=data["free_of_charge"],
        )
