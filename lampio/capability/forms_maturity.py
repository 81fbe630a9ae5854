"""Forms of the maturity pages: the draft (a fieldset per dimension), an evidence link and the
heat map's city filter. Input shape only; the services decide what is allowed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from lampio.capability.models import LEVELS, MaturityDimension
from lampio.capability.selectors.maturity import DimensionAnswer
from lampio.capability.services.maturity import MAX_EVIDENCE, MAX_SUMMARY, ScoreData
from lampio.tenancy.models import Municipality


@dataclass(frozen=True)
class DimensionFields:
    answer: DimensionAnswer
    level: forms.BoundField
    target: forms.BoundField
    evidence: forms.BoundField


def _level_choices(answer: DimensionAnswer) -> list[tuple[str, Any]]:
    described = {level.level: level.description for level in answer.levels}
    return [("", _("Not assessed yet"))] + [
        (
            str(level),
            format_html(
                '<span class="level-option__name">{}</span> '
                '<span class="level-option__text">{}</span>',
                name,
                described.get(level, ""),
            ),
        )
        for level, name in LEVELS.items()
    ]


class AssessmentForm(forms.Form):
    """Every dimension in use: the level now (the five levels as radio options, described for
    this dimension), the target level and the evidence; then the summary."""

    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=MAX_SUMMARY,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What stands out in this assessment, for the management team and the network."),
    )

    def __init__(self, *args: Any, answers: list[DimensionAnswer], **kwargs: Any) -> None:
        initial: dict[str, Any] = {}
        for answer in answers:
            key = answer.dimension.key
            if answer.score is not None:
                initial[f"level_{key}"] = str(answer.score.level)
                initial[f"target_{key}"] = str(answer.score.target_level or "")
                initial[f"evidence_{key}"] = answer.score.evidence
            else:
                initial[f"level_{key}"] = ""
        kwargs.setdefault("initial", {}).update(initial)
        super().__init__(*args, **kwargs)
        self.answers = answers
        for answer in answers:
            key = answer.dimension.key
            self.fields[f"level_{key}"] = forms.ChoiceField(
                label=_("Level now"),
                required=False,
                choices=_level_choices(answer),
                widget=forms.RadioSelect,
            )
            self.fields[f"target_{key}"] = forms.ChoiceField(
                label=_("Target level"),
                required=False,
                choices=[("", _("No target set"))]
                + [(str(level), name) for level, name in LEVELS.items()],
            )
            self.fields[f"evidence_{key}"] = forms.CharField(
                label=_("Evidence and reasoning"),
                required=False,
                max_length=MAX_EVIDENCE,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        # The summary comes last, after the dimensions.
        self.fields["summary"] = self.fields.pop("summary")

    def dimension_fields(self) -> list[DimensionFields]:
        return [
            DimensionFields(
                answer=answer,
                level=self[f"level_{answer.dimension.key}"],
                target=self[f"target_{answer.dimension.key}"],
                evidence=self[f"evidence_{answer.dimension.key}"],
            )
            for answer in self.answers
        ]

    def score_data(self) -> list[ScoreData]:
        data = self.cleaned_data
        scores = []
        for answer in self.answers:
            key = answer.dimension.key
            level, target = data.get(f"level_{key}"), data.get(f"target_{key}")
            scores.append(
                ScoreData(
                    dimension=answer.dimension,
                    level=int(level) if level else None,
                    target_level=int(target) if target else None,
                    evidence=data.get(f"evidence_{key}") or "",
                )
            )
        return scores


class EvidenceLinkForm(forms.Form):
    dimension: forms.ModelChoiceField[MaturityDimension] = forms.ModelChoiceField(
        label=_("Dimension"),
        queryset=MaturityDimension.objects.none(),
        empty_label=_("Choose a dimension"),
    )
    title = forms.CharField(label=_("Link title"), max_length=200)
    url = forms.CharField(
        label=_("Web address"),
        max_length=500,
        widget=forms.URLInput,
        help_text=_("Starts with https:// or http://, for example a report or a service page."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "link")
        super().__init__(*args, **kwargs)
        self.fields["dimension"].queryset = MaturityDimension.objects.filter(  # type: ignore[attr-defined]
            is_active=True
        )


class HeatMapFilterForm(forms.Form):
    municipality = forms.ChoiceField(label=_("City"), required=False)

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [  # type: ignore[attr-defined]
            ("", _("All cities")),
            *[(city.slug, city.name) for city in municipalities],
        ]

    def chosen(self) -> str:
        if not self.is_bound or not self.is_valid():
            return ""
        return str(self.cleaned_data.get("municipality") or "")
