"""The feedback form after a booking and the staff's space filter: input shape only."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.bookings.review_services import COMMENT_MAX_LENGTH
from lampio.spaces.models import Space

GRADES = [
    (5, _("5 – excellent")),
    (4, _("4 – good")),
    (3, _("3 – fair")),
    (2, _("2 – poor")),
    (1, _("1 – very poor")),
]


class ReviewForm(forms.Form):
    # A radio group renders as a fieldset with the label as its legend.
    rating = forms.TypedChoiceField(
        label=_("How did the booking go?"),
        choices=GRADES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a grade from 1 to 5.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What went well, what could be better? The staff of the space read it."),
    )


class SpaceFilterForm(forms.Form):
    space = forms.TypedChoiceField(label=_("Space"), required=False, coerce=int, empty_value=None)

    def __init__(self, data: object, *, spaces: list[Space]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        cast(forms.TypedChoiceField, self.fields["space"]).choices = [
            ("", _("All spaces")),
            *((space.pk, f"{space.name} ({space.venue.name})") for space in spaces),
        ]

    def space_id(self) -> int | None:
        return self.cleaned_data.get("space") if self.is_valid() else None
