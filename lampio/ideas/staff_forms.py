"""Forms of the staff idea pages: the list filters, the actions on one idea, campaigns.

Input shape only; the services decide what is allowed and their refusals land next to the field
they name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lampio.ideas.models import Board, Campaign, Comment, HiddenReason, IdeaState, StrategyTheme
from lampio.ideas.services import CampaignData
from lampio.spaces.forms import DateInput
from lampio.tenancy.models import Organisation

MAX_NOTE_LENGTH = 300
MAX_ANSWER_LENGTH = 5000
PENDING = "pending"


class IdeaFilterForm(forms.Form):
    """The GET filters of the list; values it does not know are refused next to the field."""

    state = forms.ChoiceField(label=_("State"), required=False)
    campaign = forms.TypedChoiceField(
        label=_("Campaign"), required=False, coerce=int, empty_value=None
    )
    routing = forms.ChoiceField(
        label=_("Routing"),
        required=False,
        choices=[("", _("Any")), (PENDING, _("Routing to confirm"))],
    )

    def __init__(
        self,
        *args: Any,
        states: QuerySet[IdeaState],
        campaigns: QuerySet[Campaign],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [  # type: ignore[attr-defined]
            ("", _("Any state")),
            *[(state.slug, state.name) for state in states],
        ]
        self.fields["campaign"].choices = [  # type: ignore[attr-defined]
            ("", _("Any campaign")),
            *[(str(campaign.pk), campaign.title) for campaign in campaigns],
        ]

    def values(self) -> dict[str, Any]:
        """Arguments of `staff_selectors.staff_ideas`; nothing when the filters are wrong."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "state": data["state"] or "",
            "campaign_id": data["campaign"],
            "routing": data["routing"] or "",
        }


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.municipality.name})"


class RoutingForm(forms.Form):
    organisation = OrganisationChoiceField(
        label=_("Responsible organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        error_messages={"required": _("Choose the organisation that answers for the idea.")},
    )
    themes: forms.ModelMultipleChoiceField[StrategyTheme] = forms.ModelMultipleChoiceField(
        label=_("Strategy themes"),
        queryset=StrategyTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose the strategic goals the idea touches, or none."),
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        themes: QuerySet[StrategyTheme],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.select_related(  # type: ignore[attr-defined]
            "municipality"
        )
        self.fields["themes"].queryset = themes  # type: ignore[attr-defined]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Official answer"),
        max_length=MAX_ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Shown prominently on the idea; its followers get it as a message."),
        error_messages={"required": _("Write the answer.")},
    )
    state: forms.ModelChoiceField[IdeaState] = forms.ModelChoiceField(
        label=_("State after answering"),
        queryset=IdeaState.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Keep the present state"),
        error_messages={"invalid_choice": _("Choose a state from the list.")},
    )

    def __init__(self, *args: Any, states: QuerySet[IdeaState], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states  # type: ignore[attr-defined]


class StateForm(forms.Form):
    state: forms.ModelChoiceField[IdeaState] = forms.ModelChoiceField(
        label=_("New state"),
        queryset=IdeaState.objects.none(),
        to_field_name="slug",
        error_messages={
            "required": _("Choose the new state."),
            "invalid_choice": _("Choose a state from the list."),
        },
    )

    def __init__(self, *args: Any, states: QuerySet[IdeaState], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = states  # type: ignore[attr-defined]


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("Number of the other idea"),
        max_length=20,
        help_text=_(
            "This idea is merged into that one: its supports and followers move there. "
            "For example 123."
        ),
        error_messages={"required": _("Give the number of the idea, for example 123.")},
    )

    def clean_into(self) -> int:
        number = self.cleaned_data["into"].strip().lstrip("#")
        if not number.isdigit():
            raise forms.ValidationError(_("Give the number of the idea, for example 123."))
        return int(number)


def _reasons() -> list[tuple[str, Any]]:
    """Reasons a moderator gives (none chosen at first); the word filter's own is not one."""
    reasons = [(v, label) for v, label in HiddenReason.choices if v != HiddenReason.FILTER]
    return [("", _("Choose a reason")), *reasons]


class HideForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=_reasons,
        error_messages={"required": _("Choose a reason from the list.")},
    )
    note = forms.CharField(
        label=_("Note to the author"),
        max_length=MAX_NOTE_LENGTH,
        required=False,
        help_text=_("Optional. The author sees the reason and this note."),
    )


class ResolveForm(forms.Form):
    """Close the open reports of the idea, or of one of its comments."""

    comment: forms.ModelChoiceField[Comment] = forms.ModelChoiceField(
        queryset=Comment.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, comments: QuerySet[Comment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comment"].queryset = comments  # type: ignore[attr-defined]


def _text(label: Any, *, required: bool = False, long: bool = False) -> forms.CharField:
    if long:
        return forms.CharField(
            label=label, required=required, widget=forms.Textarea(attrs={"rows": 4})
        )
    return forms.CharField(label=label, required=required, max_length=150)


class CampaignForm(forms.Form):
    board: forms.ModelChoiceField[Board] = forms.ModelChoiceField(
        label=_("Board"),
        queryset=Board.objects.none(),
        empty_label=None,
        help_text=_("Where the campaign collects ideas; the board's audience may take part."),
    )
    title_fi = _text(_("Title in Finnish"), required=True)
    title_sv = _text(_("Title in Swedish"))
    title_en = _text(_("Title in English"))
    theme_fi = _text(_("Theme in Finnish"), required=True)
    theme_sv = _text(_("Theme in Swedish"))
    theme_en = _text(_("Theme in English"))
    description_fi = _text(_("Description in Finnish"), long=True)
    description_sv = _text(_("Description in Swedish"), long=True)
    description_en = _text(_("Description in English"), long=True)
    opens_on = forms.DateField(label=_("Opens"), widget=DateInput)
    closes_on = forms.DateField(label=_("Closes"), widget=DateInput)
    support_threshold = forms.IntegerField(
        label=_("Supports needed for review"),
        required=False,
        min_value=1,
        help_text=_(
            "An idea with this many supports moves to “under review”. Empty: the board's rule."
        ),
    )
    slug = forms.SlugField(
        label=_("Identifier in the address"),
        required=False,
        max_length=50,
        help_text=_("Letters, numbers and hyphens. Empty: made from the Finnish title."),
    )

    def __init__(
        self, *args: Any, boards: QuerySet[Board], campaign: Campaign | None = None, **kwargs: Any
    ) -> None:
        if campaign is not None:
            kwargs.setdefault("initial", self.initial_for(campaign))
        super().__init__(*args, **kwargs)
        self.fields["board"].queryset = boards  # type: ignore[attr-defined]
        if campaign is not None:
            # A campaign stays in its board: its ideas were posted there.
            del self.fields["board"]

    @staticmethod
    def initial_for(campaign: Campaign) -> dict[str, Any]:
        initial: dict[str, Any] = {
            f"{name}_{language}": getattr(campaign, f"{name}_{language}", "") or ""
            for name in ("title", "theme", "description")
            for language in ("fi", "sv", "en")
        }
        initial.update(
            opens_on=campaign.opens_on,
            closes_on=campaign.closes_on,
            support_threshold=campaign.support_threshold,
            slug=campaign.slug,
        )
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if isinstance(opens, date) and isinstance(closes, date) and closes < opens:
            self.add_error("closes_on", _("The campaign cannot close before it opens."))
        return data

    def data_for_service(self) -> CampaignData:
        data = self.cleaned_data
        texts = {
            f"{name}_{language}": (data.get(f"{name}_{language}") or "").strip()
            for name in ("title", "theme", "description")
            for language in ("fi", "sv", "en")
        }
        return CampaignData(
            **texts,
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            support_threshold=data.get("support_threshold"),
            slug=data.get("slug") or "",
        )
