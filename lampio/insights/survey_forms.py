"""The filters of a round's results page: which group, which theme, which round to compare
with. A GET form, so the page and its downloads work without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from lampio.insights.survey_display import group_label
from lampio.insights.survey_results import Group
from lampio.surveys.models import QuestionTheme, Round


class ResultsFilterForm(forms.Form):
    group = forms.ChoiceField(label=_("Group"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    compare = forms.ChoiceField(label=_("Compare with round"), required=False)

    def __init__(
        self, data: Any, *, groups: list[Group], earlier: list[Round], **kwargs: Any
    ) -> None:
        # Without a choice of its own, a round is compared with the one before it.
        if data is not None and "compare" not in data and earlier:
            data = data.copy()
            data["compare"] = str(earlier[0].pk)
        super().__init__(data, **kwargs)
        self.earlier = {str(r.pk): r for r in earlier}
        self._choices(
            "group",
            [("", _("All groups you may see"))] + [(g.slug, group_label(g)) for g in groups],
        )
        self._choices("theme", [("", _("All themes")), *QuestionTheme.choices])
        self._choices(
            "compare",
            [("", _("No comparison"))]
            + [
                (str(r.pk), f"{r.title} ({date_format(r.closes_on, 'SHORT_DATE_FORMAT')})")
                for r in earlier
            ],
        )

    def _choices(self, name: str, choices: list[tuple[str, Any]]) -> None:
        self.fields[name].choices = choices  # type: ignore[attr-defined]

    def chosen(self, name: str) -> str:
        if self.is_bound and self.is_valid():
            return str(self.cleaned_data.get(name) or "")
        return ""

    def compare_round(self) -> Round | None:
        return self.earlier.get(self.chosen("compare"))
