"""Forms of the staff feedback pages: the inbox filters, the actions on a message, templates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lampio.core.multilingual import Translated, translated_from, translated_initial
from lampio.feedback.models import MAX_TEXT_LENGTH, FeedbackState, ReplyTemplate
from lampio.feedback.staff_selectors import InboxFilters
from lampio.tenancy.models import Organisation

TEXTAREA = forms.Textarea(attrs={"rows": 6})


def _member_label(user: Any) -> str:
    return str(user.display_name)


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return _member_label(obj)


class InboxFilterForm(forms.Form):
    """The GET filters of the inbox; values it does not know are refused next to the field."""

    state = forms.ChoiceField(label=_("State"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    age = forms.ChoiceField(
        label=_("Age"),
        required=False,
        choices=[
            ("", _("Any age")),
            ("overdue", _("Overdue")),
            ("week", _("Sent in the last 7 days")),
            ("month", _("Sent in the last 30 days")),
            ("older", _("Older than 30 days")),
        ],
    )
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Words in the feedback or its address, or its number."),
    )

    def __init__(
        self,
        *args: Any,
        states: QuerySet[FeedbackState],
        categories: QuerySet[Any],
        members: QuerySet[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [  # type: ignore[attr-defined]
            ("", _("Any state")),
            ("open", _("All open")),
            ("answered", _("All answered")),
            ("closed", _("All closed")),
            *[(state.slug, state.name) for state in states],
        ]
        self.fields["category"].choices = [  # type: ignore[attr-defined]
            ("", _("Any category")),
            *[(category.code, category.name) for category in categories],
        ]
        self.fields["assignee"].choices = [  # type: ignore[attr-defined]
            ("", _("Anyone or nobody")),
            ("me", _("Me")),
            ("none", _("Nobody")),
            *[(str(user.pk), _member_label(user)) for user in members],
        ]

    def filters(self) -> InboxFilters:
        if not self.is_bound or not self.is_valid():
            return InboxFilters()
        return InboxFilters(**{name: self.cleaned_data[name] or "" for name in self.fields})


class AssignForm(forms.Form):
    assignee = MemberChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args: Any, members: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = members  # type: ignore[attr-defined]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"),
        widget=TEXTAREA,
        max_length=MAX_TEXT_LENGTH,
        help_text=_("Only your colleagues see notes."),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 10}))
    state: forms.ModelChoiceField[FeedbackState] = forms.ModelChoiceField(
        label=_("State after answering"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("Answered (the usual)"),
    )

    def __init__(self, *args: Any, states: QuerySet[FeedbackState], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states  # type: ignore[attr-defined]


class TemplatePickForm(forms.Form):
    """Chosen with GET: the page comes back with the template's text in the answer."""

    template: forms.ModelChoiceField[ReplyTemplate] = forms.ModelChoiceField(
        label=_("Reply template"), queryset=None
    )

    def __init__(self, *args: Any, templates: QuerySet[ReplyTemplate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates  # type: ignore[attr-defined]


class StateForm(forms.Form):
    state: forms.ModelChoiceField[FeedbackState] = forms.ModelChoiceField(
        label=_("New state"), queryset=None, to_field_name="slug"
    )

    def __init__(self, *args: Any, states: QuerySet[FeedbackState], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states  # type: ignore[attr-defined]


class ForwardForm(forms.Form):
    to_organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Forward to"), queryset=None, to_field_name="slug"
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_TEXT_LENGTH,
        help_text=_("The other organisation sees the reason. Your organisation loses access."),
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = organisations  # type: ignore[attr-defined]


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("Number of the other feedback"),
        max_length=20,
        help_text=_("This feedback is closed as its duplicate. For example 1234."),
    )

    def clean_into(self) -> int:
        number = self.cleaned_data["into"].strip().lstrip("#")
        if not number.isdigit():
            raise forms.ValidationError(_("Give the number of the feedback, for example 1234."))
        return int(number)


class PublishForm(forms.Form):
    public_text = forms.CharField(
        label=_("Text to publish"),
        widget=TEXTAREA,
        max_length=MAX_TEXT_LENGTH,
        help_text=_("Remove names and anything else that identifies a person."),
    )
    photos_public = forms.BooleanField(label=_("Publish the photos too"), required=False)


class BulkForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(
        coerce=int,
        label=_("Chosen feedback"),
        error_messages={"required": _("Choose at least one feedback message in the list.")},
    )
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("assign", _("Assign")),
            ("state", _("Change the state")),
            ("close", _("Close")),
        ],
    )
    assignee = MemberChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody")
    )
    state: forms.ModelChoiceField[FeedbackState] = forms.ModelChoiceField(
        label=_("New state"), queryset=None, required=False, to_field_name="slug"
    )

    def __init__(
        self,
        *args: Any,
        ids: list[int],
        members: QuerySet[Any],
        states: QuerySet[FeedbackState],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(pk, str(pk)) for pk in ids]  # type: ignore[attr-defined]
        self.fields["assignee"].queryset = members  # type: ignore[attr-defined]
        self.fields["state"].queryset = states  # type: ignore[attr-defined]


class ReplyTemplateForm(forms.Form):
    name_fi = forms.CharField(label=_("Name in Finnish"), max_length=100)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=100, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=100, required=False)
    body_fi = forms.CharField(label=_("Text in Finnish"), widget=TEXTAREA)
    body_sv = forms.CharField(label=_("Text in Swedish"), widget=TEXTAREA, required=False)
    body_en = forms.CharField(label=_("Text in English"), widget=TEXTAREA, required=False)

    @staticmethod
    def initial_for(template: ReplyTemplate) -> dict[str, str]:
        return translated_initial(template, "name", "body")

    def name(self) -> Translated:
        return translated_from(self.cleaned_data, "name")

    def body(self) -> Translated:
        return translated_from(self.cleaned_data, "body")
