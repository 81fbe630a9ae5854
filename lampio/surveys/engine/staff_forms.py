"""Forms of the questionnaire builder and the round pages: input shape only.

Answer options and matrix statements are edited as text, one per line, "value | suomi |
svenska | english": it works without JavaScript, with any screen reader, and copies easily from
a document. A line that does not fit is named by its number.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.core.multilingual import LANGUAGES, Translated, translated_from
from lampio.spaces.forms import DateInput
from lampio.surveys.engine.building import Option, QuestionData
from lampio.surveys.engine.rounds import MAX_REMINDER_DAYS
from lampio.surveys.models import Question, QuestionKind, QuestionTheme
from lampio.tenancy.models import Municipality, Organisation

LANGUAGE_NAMES = {"fi": _("in Finnish"), "sv": _("in Swedish"), "en": _("in English")}
NETWORK = "network"
OPTIONS_HELP = _(
    "One per line: value | Finnish | Swedish | English, for example "
    "“daily | Päivittäin | Dagligen | Daily”. The value is a short identifier (letters, numbers, "
    "hyphens) that stays the same in every language; Swedish and English may be left out."
)


def add_translated(
    form: forms.Form, name: str, label: Any, *, required_fi: bool = False, long: bool = False
) -> None:
    for language in LANGUAGES:
        widget = forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput()
        form.fields[f"{name}_{language}"] = forms.CharField(
            label=f"{label} {LANGUAGE_NAMES[language]}",
            required=required_fi and language == "fi",
            max_length=None if long else 500,
            widget=widget,
        )


def parse_options(text: str) -> list[Option]:
    """Lines "value | fi | sv | en" → options; raises one error per line that does not fit."""
    options, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
            errors.append(
                forms.ValidationError(
                    _("Line %(line)d: write the value and the Finnish label separated by |."),
                    params={"line": number},
                )
            )
            continue
        parts += [""] * (4 - len(parts))
        options.append(Option(value=parts[0], label=Translated(*parts[1:4])))
    if errors:
        raise forms.ValidationError(errors)
    return options


def options_text(options: Any) -> str:
    """The textarea's initial text from choices or rows."""
    lines = []
    for option in options:
        value = str(getattr(option, "value", None) or getattr(option, "key", ""))
        labels = [option.label_fi or "", option.label_sv or "", option.label_en or ""]
        lines.append(" | ".join([value, *labels]).rstrip(" |"))
    return "\n".join(lines)


class QuestionnaireForm(forms.Form):
    owner = forms.ChoiceField(label=_("Owner"))
    key = forms.SlugField(
        label=_("Identifier"),
        required=False,
        max_length=60,
        help_text=_("Optional: letters, numbers and hyphens. Made from the title if left empty."),
    )

    def __init__(self, *args: Any, owners: list[Organisation], network: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [(NETWORK, _("The whole network"))] if network else []
        choices += [(str(org.pk), org.name) for org in owners]
        self.fields["owner"].choices = choices  # type: ignore[attr-defined]
        add_translated(self, "title", _("Title"), required_fi=True)
        add_translated(self, "description", _("Description"), long=True)


class QuestionForm(forms.Form):
    key = forms.SlugField(
        label=_("Identifier"),
        required=False,
        max_length=60,
        help_text=_(
            "Keeps the question comparable between versions. Letters, numbers and hyphens; "
            "made from the Finnish text if left empty."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    theme = forms.ChoiceField(label=_("Theme"), choices=QuestionTheme.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    scale_min = forms.IntegerField(label=_("Lowest value"), min_value=0, max_value=100, initial=1)
    scale_max = forms.IntegerField(label=_("Highest value"), min_value=1, max_value=100, initial=5)
    choices = forms.CharField(
        label=_("Answer options (matrix: the answer scale)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=OPTIONS_HELP,
    )
    rows = forms.CharField(
        label=_("Statements of a matrix"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=OPTIONS_HELP,
    )
    show_if_question = forms.TypedChoiceField(
        label=_("Show only after question"), required=False, coerce=int, empty_value=None
    )
    show_if_values = forms.CharField(
        label=_("Show only for these answers"),
        required=False,
        max_length=500,
        help_text=_("Values of the answer options, separated by commas."),
    )

    def __init__(self, *args: Any, targets: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_translated(self, "text", _("Question"), required_fi=True)
        add_translated(self, "help_text", _("Help text"))
        add_translated(self, "min_label", _("Label of the lowest value"))
        add_translated(self, "max_label", _("Label of the highest value"))
        self.targets = {question.pk: question for question in targets}
        self.fields["show_if_question"].choices = [  # type: ignore[attr-defined]
            ("", _("Always shown")),
            *[(str(q.pk), f"{q.position}. {q.text}") for q in targets],
        ]

    def clean_choices(self) -> list[Option]:
        return parse_options(self.cleaned_data["choices"])

    def clean_rows(self) -> list[Option]:
        return parse_options(self.cleaned_data["rows"])

    def data_for_service(self) -> QuestionData:
        data = self.cleaned_data
        target_id = data.get("show_if_question")
        return QuestionData(
            key=data["key"] or "",
            kind=data["kind"],
            theme=data["theme"],
            required=data["required"],
            text=translated_from(data, "text"),
            help_text=translated_from(data, "help_text"),
            scale_min=data.get("scale_min") or 0,
            scale_max=data.get("scale_max") or 0,
            min_label=translated_from(data, "min_label"),
            max_label=translated_from(data, "max_label"),
            choices=data["choices"],
            rows=data["rows"],
            show_if_question=self.targets.get(target_id) if target_id else None,
            show_if_values=[v.strip() for v in (data["show_if_values"] or "").split(",")],
        )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class RoundDatesForm(forms.Form):
    opens_on = forms.DateField(label=_("Opens on"), widget=DateInput())
    closes_on = forms.DateField(label=_("Closes on"), widget=DateInput())
    reminder_days_before = forms.IntegerField(
        label=_("Reminder, days before closing"),
        min_value=0,
        max_value=MAX_REMINDER_DAYS,
        initial=3,
        help_text=_(
            "The participants' staff get a reminder this many days before the round "
            "closes. 0: no automatic reminder."
        ),
    )


def grouped_choices(
    groups: list[tuple[Municipality, list[Organisation]]],
) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (str(municipality.name), [(str(org.pk), str(org.name)) for org in organisations])
        for municipality, organisations in groups
    ]


class RoundForm(RoundDatesForm):
    version = forms.TypedChoiceField(label=_("Questionnaire version"), coerce=int)
    organiser = forms.ChoiceField(label=_("Organiser"))
    organisations = forms.TypedMultipleChoiceField(
        label=_("Participating organisations"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each organisation gets its own anonymous answer link."),
        error_messages={"required": _("Choose at least one organisation.")},
    )
    field_order = ["version", "organiser", "title_fi", "title_sv", "title_en"]

    def __init__(
        self,
        *args: Any,
        versions: list[Any],
        organisers: list[Organisation],
        network: bool,
        groups: list[tuple[Municipality, list[Organisation]]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        add_translated(self, "title", _("Title"), required_fi=True)
        self.fields["version"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose a questionnaire")),
            *[(str(v.pk), f"{v.questionnaire.title}, {_('version')} {v.number}") for v in versions],
        ]
        organiser_choices: list[tuple[str, Any]] = [(NETWORK, _("The network"))] if network else []
        organiser_choices += [(str(org.pk), org.name) for org in organisers]
        self.fields["organiser"].choices = organiser_choices  # type: ignore[attr-defined]
        self.fields["organisations"].choices = grouped_choices(groups)  # type: ignore[attr-defined]
        self.order_fields(self.field_order)


class AddParticipantForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)

    def __init__(
        self, *args: Any, groups: list[tuple[Municipality, list[Organisation]]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [  # type: ignore[attr-defined]
            ("", _("Choose an organisation")),
            *grouped_choices(groups),
        ]
