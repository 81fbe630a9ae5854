"""Forms of the assistant's staff pages: knowledge, preview, review, duty and chat replies."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.assistant.models import LANGUAGES, KnowledgeEntry, LinkTarget
from lampio.assistant.models.handoff import MAX_MESSAGE_LENGTH
from lampio.assistant.services.knowledge import MAX_PARAPHRASE
from lampio.assistant.staff_selectors import EntryFilters
from lampio.core.multilingual import Translated, translated_from, translated_initial

TEXTAREA = forms.Textarea(attrs={"rows": 6})
LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
DUTY_HOURS = (1, 2, 3, 4, 6, 8)


class EntryFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Words in the title, answer, identifier or a paraphrase."),
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    published = forms.ChoiceField(
        label=_("Published"),
        required=False,
        choices=[("", _("Published or draft")), ("yes", _("Published")), ("no", _("Draft"))],
    )

    def __init__(self, *args: Any, topics: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [  # type: ignore[attr-defined]
            ("", _("Any topic")),
            *[(topic, topic) for topic in topics],
        ]

    def filters(self) -> EntryFilters:
        if not self.is_bound or not self.is_valid():
            return EntryFilters()
        data = self.cleaned_data
        return EntryFilters(q=data["q"].strip(), topic=data["topic"], published=data["published"])


class EntryForm(forms.Form):
    key = forms.SlugField(
        label=_("Identifier"),
        max_length=64,
        help_text=_("Lowercase letters, digits and hyphens. It cannot be changed later."),
    )
    topic = forms.SlugField(label=_("Topic"), max_length=32)
    title_fi = forms.CharField(label=_("Title"), max_length=120)
    answer_fi = forms.CharField(label=_("Answer"), widget=TEXTAREA)
    title_sv = forms.CharField(label=_("Title"), max_length=120, required=False)
    answer_sv = forms.CharField(label=_("Answer"), widget=TEXTAREA, required=False)
    title_en = forms.CharField(label=_("Title"), max_length=120, required=False)
    answer_en = forms.CharField(label=_("Answer"), widget=TEXTAREA, required=False)
    link = forms.ChoiceField(
        label=_("Page offered with the answer"),
        required=False,
        choices=[("", _("No page")), *LinkTarget.choices],
    )
    is_published = forms.BooleanField(
        label=_("Published: the assistant answers residents with this entry"), required=False
    )

    def __init__(self, *args: Any, entry: KnowledgeEntry | None = None, **kwargs: Any) -> None:
        if entry is not None:
            kwargs.setdefault("initial", self.initial_for(entry))
        super().__init__(*args, **kwargs)
        if entry is not None:
            # Shown for reference; a disabled field keeps its initial value whatever is posted.
            self.fields["key"].disabled = True
            self.fields["key"].help_text = ""

    @staticmethod
    def initial_for(entry: KnowledgeEntry) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "key": entry.key,
            "topic": entry.topic,
            "link": entry.link,
            "is_published": entry.is_published,
        }
        return {**initial, **translated_initial(entry, "title", "answer")}

    def fieldsets(self) -> list[tuple[str, str, list[forms.BoundField]]]:
        """(language, its name, [title, answer]) for the three language fieldsets."""
        return [
            (
                language,
                str(LANGUAGE_NAMES[language]),
                [self[f"title_{language}"], self[f"answer_{language}"]],
            )
            for language in LANGUAGES
        ]

    def title(self) -> Translated:
        return translated_from(self.cleaned_data, "title")

    def answer(self) -> Translated:
        return translated_from(self.cleaned_data, "answer")


class ParaphraseForm(forms.Form):
    """One add form per language on the entry's page; its prefix is the language."""

    text = forms.CharField(label=_("New question"), max_length=MAX_PARAPHRASE)


class OverrideForm(forms.Form):
    answer_fi = forms.CharField(label=_("Answer in Finnish"), widget=TEXTAREA, required=False)
    answer_sv = forms.CharField(label=_("Answer in Swedish"), widget=TEXTAREA, required=False)
    answer_en = forms.CharField(label=_("Answer in English"), widget=TEXTAREA, required=False)

    def answer(self) -> Translated:
        return translated_from(self.cleaned_data, "answer")


class PreviewForm(forms.Form):
    question = forms.CharField(label=_("Test question"), max_length=500)
    language = forms.ChoiceField(
        label=_("Language of the question"),
        required=False,
        choices=[("", _("Recognise from the question")), *LANGUAGE_CHOICES],
    )


class TeachForm(forms.Form):
    entry = forms.ChoiceField(label=_("Entry"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = choices  # type: ignore[attr-defined]


class DutyForm(forms.Form):
    action = forms.ChoiceField(choices=[("start", "start"), ("end", "end")])
    hours = forms.TypedChoiceField(
        label=_("Hours on duty"),
        coerce=int,
        required=False,
        initial=4,
        choices=[(hours, str(hours)) for hours in DUTY_HOURS],
    )


class ChatReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
