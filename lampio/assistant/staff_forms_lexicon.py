"""Forms of the staff lexicon pages: search, a concept and its terms, and a test question."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.assistant.models import LANGUAGES, Concept, ConceptKind

TERMS = forms.Textarea(attrs={"rows": 4})
TERMS_HELP = _("Separate the terms with commas or new lines.")


class ConceptSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A term, an identifier or words in the note."),
    )

    def query(self) -> str:
        if not self.is_bound or not self.is_valid():
            return ""
        return str(self.cleaned_data["q"]).strip()


class ConceptForm(forms.Form):
    key = forms.CharField(
        label=_("Identifier"),
        max_length=64,
        help_text=_("Lowercase letters, digits, hyphens and underscores, such as door_code."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ConceptKind.choices,
        widget=forms.RadioSelect,
        initial=ConceptKind.CONCEPT,
        help_text=_(
            "A concept joins words that mean the same thing. Another service's words make the "
            "assistant offer a person instead of guessing."
        ),
    )
    terms_fi = forms.CharField(
        label=_("Terms in Finnish"), widget=TERMS, required=False, help_text=TERMS_HELP
    )
    terms_sv = forms.CharField(
        label=_("Terms in Swedish"), widget=TERMS, required=False, help_text=TERMS_HELP
    )
    terms_en = forms.CharField(
        label=_("Terms in English"), widget=TERMS, required=False, help_text=TERMS_HELP
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Why these terms: what they catch and what they must not catch."),
    )

    def __init__(self, *args: Any, concept: Concept | None = None, **kwargs: Any) -> None:
        if concept is not None:
            kwargs.setdefault("initial", self.initial_for(concept))
        super().__init__(*args, **kwargs)
        for language in LANGUAGES:
            self.fields[f"terms_{language}"].widget.attrs["lang"] = language

    @staticmethod
    def initial_for(concept: Concept) -> dict[str, Any]:
        initial: dict[str, Any] = {"key": concept.key, "kind": concept.kind, "note": concept.note}
        for language in LANGUAGES:
            initial[f"terms_{language}"] = "\n".join(concept.terms(language))
        return initial

    def terms(self) -> dict[str, str]:
        return {language: self.cleaned_data[f"terms_{language}"] for language in LANGUAGES}


class QuestionTestForm(forms.Form):
    question = forms.CharField(label=_("Test a question"), max_length=500)
