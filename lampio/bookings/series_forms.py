"""Forms of recurring series: the pattern (weekdays, how often, dates, times) and who it is for.

Fields are named like `series_services.create_series`'s arguments, so a refusal that names its
field lands next to the right input (`FIELD_ALIASES` maps the booking rules' own names).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

# ISO weekdays (Monday = 1), as the series stores them.
WEEKDAY_CHOICES = [
    (1, _("Monday")),
    (2, _("Tuesday")),
    (3, _("Wednesday")),
    (4, _("Thursday")),
    (5, _("Friday")),
    (6, _("Saturday")),
    (7, _("Sunday")),
]
INTERVAL_CHOICES = [(1, _("Every week"))] + [
    (
        weeks,
        # A lazy number, so the text is chosen in the language of each request.
        ngettext_lazy("Every %(count)d week", "Every %(count)d weeks", "count") % {"count": weeks},
    )
    for weeks in (2, 3, 4)
]
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")
FIELD_ALIASES = {"starts_at": "starts_time", "ends_at": "ends_time", "date": "first_date"}


def parse_dates(text: str) -> tuple[list[date], list[str]]:
    """Dates written one per line (or separated by commas); also the pieces not understood."""
    found: list[date] = []
    unreadable: list[str] = []
    for piece in text.replace(",", "\n").replace(";", "\n").split():
        for pattern in DATE_FORMATS:
            try:
                found.append(datetime.strptime(piece, pattern).date())
                break
            except ValueError:
                continue
        else:
            unreadable.append(piece)
    return sorted(set(found)), unreadable


class SeriesForm(forms.Form):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Weekdays"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one weekday.")},
    )
    interval_weeks = forms.TypedChoiceField(
        label=_("How often"), choices=INTERVAL_CHOICES, coerce=int, initial=1
    )
    first_date = forms.DateField(label=_("First date"), widget=DateInput)
    last_date = forms.DateField(label=_("Last date"), widget=DateInput)
    starts_time = forms.TimeField(label=_("Start time"), widget=TimeInput)
    ends_time = forms.TimeField(
        label=_("End time"),
        widget=TimeInput,
        help_text=_("An end time before the start time means the next day."),
    )
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=200,
        help_text=_("Tell briefly what the time is for, e.g. 'Choir practice'."),
    )
    attendees = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=100000, initial=1
    )
    skip_dates = forms.CharField(
        label=_("Dates to leave out"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. One date per line, for example 24.12.2026."),
    )
    accept_terms = forms.BooleanField(
        label=_("I have read and accept the terms of use of the space"),
        error_messages={"required": _("Accept the terms of use to book this space.")},
    )

    def __init__(self, *args: Any, space: Space | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if space is None or not space.terms:
            del self.fields["accept_terms"]
        if space is not None:
            for name in ("starts_time", "ends_time"):
                self.fields[name].widget.attrs["step"] = str(space.slot_minutes * 60)
            self.fields["attendees"].widget.attrs["max"] = str(space.capacity)
        today = timezone.localdate().isoformat()
        for name in ("first_date", "last_date"):
            self.fields[name].widget.attrs["min"] = today

    def clean_skip_dates(self) -> list[date]:
        found, unreadable = parse_dates(self.cleaned_data.get("skip_dates") or "")
        if unreadable:
            raise forms.ValidationError(
                _("Write each date like 24.12.2026. Not understood: %(dates)s"),
                params={"dates": ", ".join(unreadable[:5])},
            )
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("first_date"), data.get("last_date")
        if first is not None and last is not None and last < first:
            self.add_error("last_date", _("The last date must not be before the first."))
        return data

    def pattern(self) -> dict[str, Any]:
        """The keyword arguments of `create_series` that the form holds."""
        data = self.cleaned_data
        names = (
            "weekdays",
            "interval_weeks",
            "first_date",
            "last_date",
            "starts_time",
            "ends_time",
            "purpose",
            "attendees",
            "skip_dates",
        )
        return {name: data[name] for name in names}


class StaffSeriesForm(SeriesForm):
    """Staff book a series for a person (by email) or an organisation, in one of their spaces."""

    space: forms.ModelChoiceField[Space] = forms.ModelChoiceField(
        label=_("Space"), queryset=Space.objects.none()
    )
    email = forms.EmailField(
        label=_("Email address of the person"),
        required=False,
        help_text=_("The person must have a Lämpiö account. They get the confirmation by email."),
    )
    for_organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Or instead: the association or other organisation the time is for."),
    )

    field_order = ["space", "email", "for_organisation"]

    def __init__(
        self,
        *args: Any,
        spaces: QuerySet[Space],
        organisations: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["space"]).queryset = spaces
        cast(forms.ModelChoiceField, self.fields["for_organisation"]).queryset = organisations

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if (
            not data.get("email")
            and not data.get("for_organisation")
            and "email" not in self.errors
        ):
            self.add_error(
                "email", _("Give the email address of the person or choose the organisation.")
            )
        return data


class CancelRestForm(forms.Form):
    from_date = forms.DateField(
        label=_("Cancel the dates from"),
        widget=DateInput,
        required=False,
        help_text=_("Leave empty to cancel every date from today on."),
    )
