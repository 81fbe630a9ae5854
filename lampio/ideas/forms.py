"""Residents' idea forms: input shape only; the services decide what is allowed."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from lampio.ideas import selectors
from lampio.ideas.models import (
    MAX_BODY_LENGTH,
    MAX_COMMENT_LENGTH,
    MAX_TITLE_LENGTH,
    Campaign,
    HiddenReason,
    IdeaCategory,
    IdeaState,
    StateKind,
)
from lampio.tenancy.models import Municipality
from lampio.tenancy.permissions import Actor

IMAGE_TYPES = "image/jpeg,image/png,image/webp"
MAX_PLACE_LENGTH = 200
MAX_ALT_LENGTH = 200
MAX_QUERY_LENGTH = 100


class IdeaForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=MAX_TITLE_LENGTH,
        widget=forms.TextInput(attrs={"maxlength": MAX_TITLE_LENGTH, "autocomplete": "off"}),
        help_text=_("Say your idea in a few words, for example “Instruments to borrow”."),
        error_messages={
            "required": _("Give your idea a title."),
            "max_length": _("The title is too long: at most %(limit_value)d characters."),
        },
    )
    body = forms.CharField(
        label=_("Your idea"),
        max_length=MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_BODY_LENGTH}),
        help_text=_("Tell what you would like and why. Do not write anyone's personal details."),
        error_messages={
            "required": _("Write a few words about your idea."),
            "max_length": _("The idea is too long: at most %(limit_value)d characters."),
        },
    )
    campaign: forms.ModelChoiceField[Campaign] = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=Campaign.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("No campaign"),
        help_text=_("If your idea answers an open campaign, choose it."),
        error_messages={"invalid_choice": _("Choose a campaign from the list.")},
    )
    category: forms.ModelChoiceField[IdeaCategory] = forms.ModelChoiceField(
        label=_("Category"),
        queryset=IdeaCategory.objects.none(),
        to_field_name="slug",
        empty_label=_("Choose a category"),
        error_messages={
            "required": _("Choose a category from the list."),
            "invalid_choice": _("Choose a category from the list."),
        },
    )
    place = forms.CharField(
        label=_("Place (optional)"),
        max_length=MAX_PLACE_LENGTH,
        required=False,
        help_text=_("For example a library, a park or a street address."),
    )
    image = forms.ImageField(
        label=_("Image (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_TYPES}),
        help_text=_("JPEG, PNG or WebP, at most 5 MB."),
        error_messages={"invalid_image": _("The file is not an image we can read.")},
    )
    image_alt = forms.CharField(
        label=_("Image description (optional)"),
        max_length=MAX_ALT_LENGTH,
        required=False,
        help_text=_("Needed with an image: tell what it shows, for people who cannot see it."),
    )
    show_name = forms.BooleanField(
        label=_("Show my name with the idea"),
        required=False,
        help_text=_("Off: others see the idea without your name. The moderators always see it."),
    )

    def __init__(
        self,
        *args: Any,
        categories: QuerySet[IdeaCategory],
        campaigns: QuerySet[Campaign],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        category = cast("forms.ModelChoiceField[IdeaCategory]", self.fields["category"])
        category.queryset = categories
        campaign = cast("forms.ModelChoiceField[Campaign]", self.fields["campaign"])
        campaign.queryset = campaigns
        if not campaigns.exists():
            del self.fields["campaign"]

    def fetch_similar_from(self, url: str) -> None:
        """With htmx, typing in the title or the text asks for similar ideas after a pause."""
        include = ", ".join(
            f"#{self[name].id_for_label}"
            for name in ("title", "body", "campaign")
            if name in self.fields
        )
        for name in ("title", "body"):
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": url,
                    "hx-trigger": "input changed delay:600ms",
                    "hx-target": "#similar-ideas",
                    "hx-include": include,
                    "hx-sync": "closest form:queue last",
                }
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        return cleaned


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_COMMENT_LENGTH}),
        error_messages={
            "required": _("Write your comment first."),
            "max_length": _("The comment is too long: at most %(limit_value)d characters."),
        },
    )
    show_name = forms.BooleanField(label=_("Show my name with the comment"), required=False)


class ReplyForm(CommentForm):
    """A reply to one comment; its fields get the comment's number so every id stays unique."""

    def __init__(self, *args: Any, parent_id: int, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"id_reply{parent_id}_%s")
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Reply")


REPORT_REASONS = [
    (value, label) for value, label in HiddenReason.choices if value != HiddenReason.FILTER
]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=[("", _("Choose a reason")), *REPORT_REASONS],
        error_messages={
            "required": _("Choose a reason from the list."),
            "invalid_choice": _("Choose a reason from the list."),
        },
    )
    note = forms.CharField(
        label=_("Details (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
        help_text=_("Tell the moderator what they should look at."),
    )


SORTS = [
    ("recent", _("Newest first")),
    ("supported", _("Most supported first")),
    ("commented", _("Most commented first")),
]


class BrowseForm(forms.Form):
    """The filters of the idea list; a value that is not on offer is simply left out."""

    q = forms.CharField(label=_("Search words"), max_length=MAX_QUERY_LENGTH, required=False)
    municipality = forms.ChoiceField(label=_("City"), required=False)
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    sort = forms.ChoiceField(label=_("Order"), choices=SORTS, required=False)

    def __init__(self, data: QueryDict, *, actor: Actor) -> None:
        super().__init__(auto_id="filter-%s")
        self._offers: dict[str, set[str]] = {"sort": {value for value, _label in SORTS}}
        boards = selectors.visible_boards(actor=actor)
        self.campaigns = {
            str(c.pk): c
            for c in Campaign.objects.filter(board__in=boards).order_by("-opens_on", "pk")
        }
        cities = Municipality.objects.filter(organisations__idea_boards__in=boards).distinct()
        self._choices("municipality", _("All cities"), [(c.slug, c.name) for c in cities])
        self._choices(
            "campaign", _("All campaigns"), [(k, c.title) for k, c in self.campaigns.items()]
        )
        categories = IdeaCategory.objects.filter(is_active=True).order_by("position", "pk")
        self._choices("category", _("All categories"), [(c.slug, c.name) for c in categories])
        states = IdeaState.objects.exclude(kind=StateKind.MERGED).order_by("position", "pk")
        self._choices("state", _("All states"), [(s.slug, s.name) for s in states])
        # Bound only to the values on offer: an old or mistyped link shows the list unfiltered.
        self.is_bound = True
        self.data = {
            name: value for name in self.fields if self._offered(name, value := data.get(name, ""))
        }

    def _choices(self, name: str, everything: Any, choices: list[tuple[str, str]]) -> None:
        field = cast("forms.ChoiceField", self.fields[name])
        field.choices = [("", everything), *choices]
        self._offers[name] = {value for value, _label in choices}

    def _offered(self, name: str, value: str) -> bool:
        if not value:
            return False
        if name in self._offers:
            return value in self._offers[name]
        # PostgreSQL refuses a NUL in any text it is asked to compare.
        return len(value) <= MAX_QUERY_LENGTH and "\x00" not in value

    def _value(self, name: str) -> str:
        return str(self.data.get(name) or "").strip()

    def filters(self) -> selectors.IdeaFilters:
        return selectors.IdeaFilters(
            campaign=self.campaigns.get(self._value("campaign")),
            state=self._value("state"),
            municipality=self._value("municipality"),
            category=self._value("category"),
            q=self._value("q"),
            sort=self._value("sort") or "recent",
        )

    def is_filtered(self) -> bool:
        names = ("q", "municipality", "campaign", "category", "state")
        return any(self._value(name) for name in names)
