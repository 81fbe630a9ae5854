"""The period filter of the dashboards, which show several measures at once. One measure's
full query (dimensions, scope) is forms.QueryForm; this form shares its month parsing."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.insights.forms import (
    DEFAULT_MONTHS,
    MAX_MONTHS,
    MonthField,
    add_months,
    default_period,
    months_between,
)


class PeriodForm(forms.Form):
    """The months a dashboard covers, from the query string `from` and `to`."""

    def __init__(self, *args: Any, today: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default = default_period(today or timezone.localdate())
        # "from" is a Python keyword, so the fields are added here rather than declared.
        self.fields["from"] = MonthField(
            label=_("From month"), required=False, initial=self.default[0]
        )
        self.fields["to"] = MonthField(label=_("To month"), required=False, initial=self.default[1])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        first = data.get("from") or self.default[0]
        last = data.get("to") or self.default[1]
        if data.get("to") and not data.get("from"):
            first = add_months(last, 1 - DEFAULT_MONTHS)
        if data.get("from") and not data.get("to"):
            last = max(first, min(add_months(first, DEFAULT_MONTHS - 1), self.default[1]))
        if first > last:
            self.add_error("to", _("The last month cannot be before the first month."))
        elif months_between(first, last) > MAX_MONTHS:
            self.add_error(
                "from", _("Choose at most %(count)d months at a time.") % {"count": MAX_MONTHS}
            )
        data["from"], data["to"] = first, last
        return data

    def period(self) -> tuple[date, date]:
        """The chosen months; the default when nothing (or nothing valid) was chosen."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["from"], self.cleaned_data["to"]
        return self.default
