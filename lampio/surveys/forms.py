"""The survey's questions: the same everywhere, each rating labelled in words, no free text.

Only the first question must be answered; a person may skip any other. The wording is plain on
purpose (older people answer it too), and every choice says its meaning in words, so nobody has
to guess whether 1 or 5 is the good end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lampio.surveys.models import AgeGroup
from lampio.surveys.selectors import OTHER_MUNICIPALITY
from lampio.surveys.services import Answers
from lampio.tenancy.models import Municipality

OVERALL_CHOICES = [
    (5, _("Very good")),
    (4, _("Good")),
    (3, _("Neither good nor poor")),
    (2, _("Poor")),
    (1, _("Very poor")),
]
EASE_CHOICES = [
    (5, _("Very easy")),
    (4, _("Easy")),
    (3, _("Neither easy nor difficult")),
    (2, _("Difficult")),
    (1, _("Very difficult")),
]
RETURN_CHOICES = [
    (5, _("Certainly")),
    (4, _("Probably")),
    (3, _("I do not know yet")),
    (2, _("Probably not")),
    (1, _("Certainly not")),
]
# The blank choice is an answer of its own: nobody has to tell their age or home.
NOT_TOLD = ("", _("I prefer not to say"))


class RatingField(forms.TypedChoiceField):
    """One of five answers from best to worst, shown as large radio buttons."""

    def __init__(self, *, choices: Sequence[tuple[int, object]], required: bool, **kwargs: object):
        super().__init__(
            choices=choices,
            coerce=int,
            empty_value=None,
            required=required,
            widget=forms.RadioSelect(attrs={"class": "survey-choice"}),
            error_messages={
                "required": _("Choose one of the five answers."),
                "invalid_choice": _("Choose one of the five answers."),
            },
            **kwargs,  # type: ignore[arg-type]
        )


class SurveyForm(forms.Form):
    overall = RatingField(
        label=_("How was your visit overall?"),
        choices=OVERALL_CHOICES,
        required=True,
    )
    ease = RatingField(
        label=_("How easy was it to find your way and take part?"),
        help_text=_("You may skip this question."),
        choices=EASE_CHOICES,
        required=False,
    )
    return_likelihood = RatingField(
        label=_("Would you come again?"),
        help_text=_("You may skip this question."),
        choices=RETURN_CHOICES,
        required=False,
    )
    age_group = forms.ChoiceField(
        label=_("Your age"),
        choices=[*AgeGroup.choices, NOT_TOLD],
        required=False,
        initial="",
        widget=forms.RadioSelect(attrs={"class": "survey-choice"}),
        error_messages={"invalid_choice": _("Choose an age group from the list.")},
    )
    home_municipality = forms.ChoiceField(
        label=_("Where do you live?"),
        help_text=_("The municipality helps the cities see who their services reach."),
        required=False,
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )

    def __init__(self, *args: object, municipalities: QuerySet[Municipality], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = cast(forms.ChoiceField, self.fields["home_municipality"])
        field.choices = [
            NOT_TOLD,
            *((municipality.slug, municipality.name) for municipality in municipalities),
            (OTHER_MUNICIPALITY, _("Somewhere else")),
        ]

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            overall=data["overall"],
            ease=data["ease"],
            return_likelihood=data["return_likelihood"],
            age_group=data["age_group"],
            home_municipality=data["home_municipality"],
        )
