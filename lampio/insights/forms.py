"""Forms of the insights pages: the query of a dashboard or the measure explorer, and the
network's settings of one measure.

Input shape only: the selectors decide what a person may see, and the suppression layer what
leaves the app. Periods are whole months, because suppression protects month slices.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.insights.labels import dimension_label
from lampio.insights.measures import MEASURES, Measure
from lampio.insights.models import MeasureSetting
from lampio.insights.selectors import (
    MAX_DIMENSIONS,
    Level,
    Query,
    Scope,
    allowed_dimensions,
    visible_measures,
)
from lampio.insights.services.publication import MAX_THRESHOLD, threshold_floor
from lampio.tenancy.models import Municipality
from lampio.tenancy.permissions import Actor

DEFAULT_MONTHS = 12
# Longer periods read many facts for little gain; five years covers any report asked so far.
MAX_MONTHS = 60
_MONTH_PATTERNS = (
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),  # 2026-03, what <input type=month> sends
    re.compile(r"^(?P<month>\d{1,2})[./](?P<year>\d{4})$"),  # 3/2026 or 3.2026 typed by hand
)


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many months the period from `first` to `last` covers, both included."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def default_period(today: date) -> tuple[date, date]:
    """The last twelve full months: the current month is still being filled."""
    last = add_months(month_start(today), -1)
    return add_months(last, 1 - DEFAULT_MONTHS), last


class MonthInput(forms.TextInput):
    input_type = "month"

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return f"{value.year:04d}-{value.month:02d}"
        return super().format_value(value)


class MonthField(forms.Field):
    """A month as YYYY-MM (or M/YYYY), cleaned to its first day."""

    widget = MonthInput
    default_error_messages = {
        "invalid": _("Give the month as year and month, for example 2026-03."),
    }

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return month_start(value)
        text = str(value or "").strip()
        if not text:
            return None
        for pattern in _MONTH_PATTERNS:
            match = pattern.match(text)
            if match:
                year, month = int(match["year"]), int(match["month"])
                if 1 <= month <= 12 and 2000 <= year <= 2100:
                    return date(year, month, 1)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class DimensionsField(forms.MultipleChoiceField):
    """One or two dimensions, as repeated values (`by=a&by=b`) or one comma list (`by=a,b`)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value: Any) -> list[str]:
        values = super().to_python([value] if isinstance(value, str) else value)
        split = [part.strip() for item in values for part in str(item).split(",")]
        return [part for part in split if part]


class QueryForm(forms.Form):
    """What to show: a measure (unless the page fixes it), up to two dimensions, a period in
    whole months and, in the network and open views, a municipality to narrow to.

    Missing values take defaults (the last twelve full months, no breakdown), so a page opened
    without parameters shows something; `query()` gives the selectors' Query or None.
    """

    def __init__(
        self,
        data: Any = None,
        *,
        actor: Actor,
        scope: Scope,
        measure: Measure | None = None,
        today: date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        self.actor = actor
        self.scope = scope
        self.fixed_measure = measure
        self.today = today or date.today()
        first, last = default_period(self.today)
        if measure is None:
            self.fields["measure"] = forms.ChoiceField(
                label=_("Measure"),
                required=False,
                choices=[(m.key, str(m.title)) for m in visible_measures(actor=actor, scope=scope)],
                error_messages={"invalid_choice": _("Choose a measure from the list.")},
            )
        dimensions = list(dict.fromkeys(d for m in self._measures() for d in m.dimensions))
        self.fields["by"] = DimensionsField(
            label=_("Break down by"),
            required=False,
            choices=[(d, dimension_label(d)) for d in dimensions],
            help_text=_("Choose one or two."),
            error_messages={"invalid_choice": _("Choose the breakdown from the list.")},
        )
        self.fields["from"] = MonthField(label=_("From month"), required=False, initial=first)
        self.fields["to"] = MonthField(label=_("To month"), required=False, initial=last)
        if scope.level in (Level.NETWORK, Level.OPEN):
            self.fields["municipality"] = forms.ChoiceField(
                label=_("Municipality"),
                required=False,
                choices=[
                    ("", _("All municipalities")),
                    *Municipality.objects.order_by("slug").values_list("slug", "name"),
                ],
                error_messages={"invalid_choice": _("Choose a municipality from the list.")},
            )

    def _measures(self) -> list[Measure]:
        if self.fixed_measure is not None:
            return [self.fixed_measure]
        keys = [key for key, _label in self.fields["measure"].choices]  # type: ignore[attr-defined]
        return [MEASURES[key] for key in keys if key in MEASURES]

    def chosen_measure(self) -> Measure | None:
        if self.fixed_measure is not None:
            return self.fixed_measure
        key = self.cleaned_data.get("measure") if hasattr(self, "cleaned_data") else None
        if not key:
            # Unbound or left empty: the first measure the person may see.
            measures = self._measures()
            return measures[0] if measures else None
        return MEASURES.get(key)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first_default, last_default = default_period(self.today)
        first = data.get("from") or first_default
        last = data.get("to") or last_default
        if "from" in self.errors or "to" in self.errors:
            return data
        if not data.get("from") and data.get("to"):
            first = add_months(last, 1 - DEFAULT_MONTHS)
        if data.get("from") and not data.get("to"):
            last = min(add_months(first, DEFAULT_MONTHS - 1), last_default)
            last = max(last, first)
        if first > last:
            self.add_error("to", _("The last month cannot be before the first month."))
        elif months_between(first, last) > MAX_MONTHS:
            self.add_error(
                "from",
                _("Choose at most %(count)d months at a time.") % {"count": MAX_MONTHS},
            )
        data["from"], data["to"] = first, last
        self._clean_dimensions(data)
        return data

    def _clean_dimensions(self, data: dict[str, Any]) -> None:
        by = list(dict.fromkeys(data.get("by") or []))
        measure = self.chosen_measure()
        if "by" in self.errors or measure is None:
            return
        if len(by) > MAX_DIMENSIONS:
            self.add_error("by", _("Choose at most two breakdowns at a time."))
            return
        allowed = allowed_dimensions(actor=self.actor, measure=measure, scope=self.scope)
        refused = [d for d in by if d not in allowed]
        if refused:
            self.add_error(
                "by",
                _("%(measure)s cannot be broken down by %(dimension)s here.")
                % {"measure": measure.title, "dimension": dimension_label(refused[0]).lower()},
            )
            return
        data["by"] = by

    def query(self) -> Query | None:
        """The selectors' Query: the defaults when unbound, None when the input is wrong."""
        if not self.is_bound:
            # An unbound form has no input: fill in the defaults the way clean() does.
            self.full_clean()
            self.cleaned_data = {}
            self.cleaned_data = self.clean()
        elif not self.is_valid():
            return None
        measure = self.chosen_measure()
        if measure is None:
            return None
        data = self.cleaned_data
        slug = data.get("municipality") or ""
        municipality = Municipality.objects.filter(slug=slug).first() if slug else None
        return Query(
            measure=measure,
            by=tuple(data.get("by") or ()),
            first_month=data["from"],
            last_month=data["to"],
            scope=self.scope,
            municipality=municipality,
        )


class MeasureSettingForm(forms.Form):
    """The network's choices for one measure; use `prefix=<measure key>` for one form each."""

    threshold = forms.IntegerField(
        label=_("Smallest group shown"),
        required=False,
        max_value=MAX_THRESHOLD,
        help_text=_("Leave empty to use the network's default."),
        error_messages={"invalid": _("Give the smallest group as a whole number.")},
    )
    is_open_data = forms.BooleanField(label=_("Publish as open data"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        floor = threshold_floor()
        field = self.fields["threshold"]
        field.widget.attrs.update({"min": floor, "max": MAX_THRESHOLD})
        field.validators.append(_at_least(floor))

    @classmethod
    def for_setting(cls, setting: MeasureSetting, data: Any = None) -> MeasureSettingForm:
        initial = {"threshold": setting.threshold, "is_open_data": setting.is_open_data}
        return cls(data, prefix=setting.measure, initial=initial)


def _at_least(floor: int) -> Any:
    def check(value: int | None) -> None:
        if value is not None and value < floor:
            raise forms.ValidationError(
                _("The smallest group shown cannot be below %(floor)d.") % {"floor": floor},
                code="min_value",
            )

    return check
