"""Staff forms of application rounds: the shape of the input only.

Rules between fields (season order, closing before the season, spaces of the organisation) are
the services' job; their refusals come back next to the field they name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lampio.core.multilingual import LANGUAGES, Translated, translated_from, translated_initial
from lampio.seasons.models import ApplicationRound, PriorityClass
from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import Space
from lampio.spaces.staff_forms import SectionedForm, _add_translated, _names


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class SpaceChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name}, {obj.venue.name} ({obj.capacity})"


class RoundForm(SectionedForm):
    """A round: names, season, application period, spaces, the weekly limit and classes."""

    TRANSLATED = ("name", "criteria")

    season_starts = forms.DateField(label=_("Season starts"), widget=DateInput)
    season_ends = forms.DateField(label=_("Season ends"), widget=DateInput)
    applications_open_at = forms.DateTimeField(label=_("Applications open"), widget=DateTimeInput)
    applications_close_at = forms.DateTimeField(
        label=_("Applications close"),
        widget=DateTimeInput,
        help_text=_("Before the season starts. Allocation begins when the applications close."),
    )
    spaces = SpaceChoice(
        label=_("Spaces"),
        queryset=Space.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The number of people each space holds is in brackets."),
    )
    max_hours_per_week = forms.DecimalField(
        label=_("Most hours per applicant per week"),
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal(168),
        decimal_places=2,
        localize=True,
        help_text=_("Over all the applicant's slots. Leave empty for no limit."),
    )

    section_names = [
        (_("Name and criteria"), [*_names("name"), *_names("criteria")]),
        (
            _("Season and application period"),
            ["season_starts", "season_ends", "applications_open_at", "applications_close_at"],
        ),
        (_("Spaces and rules"), ["spaces", "max_hours_per_week"]),
        (_("Priority classes"), _names("priority_classes")),
    ]

    def __init__(self, *args: Any, spaces: QuerySet[Space], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(self, "name", _("Name"), max_length=200, required=True)
        _add_translated(self, "criteria", _("Criteria"), max_length=None, required=False)
        _add_translated(
            self, "priority_classes", _("Priority classes"), max_length=None, required=False
        )
        self.fields["priority_classes_fi"].help_text = _(
            "One class per line, the first goes first. Give the Swedish and English names on "
            "the same lines. Leave empty for the usual three classes."
        )
        self.fields["spaces"].queryset = spaces  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(application_round: ApplicationRound) -> dict[str, Any]:
        classes = list(application_round.priority_classes.order_by("rank"))
        minutes = application_round.max_minutes_per_week
        return {
            **translated_initial(application_round, *RoundForm.TRANSLATED),
            **{
                f"priority_classes_{language}": "\n".join(
                    getattr(c, f"name_{language}") or "" for c in classes
                ).strip()
                for language in LANGUAGES
            },
            "season_starts": application_round.season_starts,
            "season_ends": application_round.season_ends,
            "applications_open_at": application_round.applications_open_at,
            "applications_close_at": application_round.applications_close_at,
            "spaces": list(application_round.spaces.all()),
            "max_hours_per_week": Decimal(minutes) / 60 if minutes else None,
        }

    def _lines(self, language: str) -> list[str]:
        text = self.cleaned_data.get(f"priority_classes_{language}") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def priority_classes(self) -> list[Translated]:
        """Classes by line: line n of each language names class n (Finnish decides how many)."""
        sv, en = self._lines("sv"), self._lines("en")
        return [
            Translated(fi=name, sv=sv[n] if n < len(sv) else "", en=en[n] if n < len(en) else "")
            for n, name in enumerate(self._lines("fi"))
        ]

    def details(self) -> dict[str, Any]:
        """Keyword arguments of `create_round` / `update_round`."""
        data = self.cleaned_data
        hours = data.get("max_hours_per_week")
        return {
            "name": translated_from(data, "name"),
            "criteria": translated_from(data, "criteria"),
            "season_starts": data["season_starts"],
            "season_ends": data["season_ends"],
            "applications_open_at": data["applications_open_at"],
            "applications_close_at": data["applications_close_at"],
            "spaces": list(data["spaces"]),
            "max_minutes_per_week": int(hours * 60) if hours is not None else None,
            "priority_classes": self.priority_classes(),
        }


# A service's parameter → this form's field, where the two differ.
ROUND_FIELDS = {
    "max_minutes_per_week": "max_hours_per_week",
    "priority_classes": "priority_classes_fi",
}


class ReclassifyForm(forms.Form):
    priority_class: forms.ModelChoiceField[PriorityClass] = forms.ModelChoiceField(
        label=_("Priority class"), queryset=PriorityClass.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, classes: QuerySet[PriorityClass], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority_class"].queryset = classes  # type: ignore[attr-defined]


class MoveForm(forms.Form):
    """Place one wish by hand: a space of the round and a start time on the wish's weekday."""

    space: forms.ModelChoiceField[Space] = forms.ModelChoiceField(
        label=_("Space"), queryset=Space.objects.none()
    )
    starts_time = forms.TimeField(label=_("Starts"), widget=TimeInput)

    def __init__(self, *args: Any, spaces: QuerySet[Space], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = spaces  # type: ignore[attr-defined]
