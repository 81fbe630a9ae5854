"""The application form: who applies and for what, and the wished slots as a formset of rows.

Forms check the shape of the input only; the round's rules (open, capacity, windows, one
application per applicant) are the service's, whose refusals the view puts next to the fields.
An empty wish row is ignored, so the page can always show a few spare rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from lampio.seasons.models import AgeGroup, ApplicationRound, PriorityClass
from lampio.seasons.services.applications import MAX_WISHES, WishInput
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation

MYSELF = "me"
ROWS_AT_START = 3
WISH_PREFIX = "wishes"
# ISO weekdays, Monday = 1, named in the active language.
WEEKDAY_CHOICES = [(str(day + 1), WEEKDAYS[day]) for day in range(7)]
# The service's names of a wish's fields → the row's form fields.
WISH_FIELD_OF = {"spaces": "space_1"}


class PriorityClassChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: PriorityClass) -> str:
        return f"{obj.name} – {obj.description}" if obj.description else obj.name


class SpaceChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Space) -> str:
        return f"{obj.name}, {obj.venue.name} ({obj.capacity})"


class ApplicationForm(forms.Form):
    for_organisation = forms.ChoiceField(
        label=_("Who applies"), widget=forms.RadioSelect, initial=MYSELF
    )
    activity = forms.CharField(
        label=_("Activity"),
        max_length=200,
        help_text=_("For example: choir rehearsal, junior floorball training."),
    )
    age_group = forms.ChoiceField(
        label=_("Age group of the participants"),
        choices=[("", "---------"), *AgeGroup.choices],
    )
    requested_class = PriorityClassChoice(
        label=_("Priority class you ask for"),
        queryset=PriorityClass.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=_("Staff check the class before the slots are allocated."),
    )
    notes = forms.CharField(
        label=_("More information (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        *args: Any,
        application_round: ApplicationRound,
        organisations: Iterable[Organisation],
        applicant_fixed: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(org.pk): org for org in organisations}
        choices: list[tuple[str, str]] = [(MYSELF, str(_("Myself, as a private person")))]
        choices += [(pk, org.name) for pk, org in self.organisations.items()]
        self.fields["for_organisation"].choices = choices  # type: ignore[attr-defined]
        if applicant_fixed:  # who applied cannot change once submitted
            del self.fields["for_organisation"]
        classes = application_round.priority_classes.order_by("rank")
        self.fields["requested_class"].queryset = classes  # type: ignore[attr-defined]

    def organisation(self) -> Organisation | None:
        value = self.cleaned_data.get("for_organisation", MYSELF)
        return self.organisations.get(value)


class WishForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        choices=[("", "---------"), *WEEKDAY_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    earliest_start = forms.TimeField(
        label=_("Earliest start"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    latest_end = forms.TimeField(
        label=_("Latest end"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), required=False, min_value=30, max_value=480
    )
    attendees = forms.IntegerField(label=_("Participants"), required=False, min_value=1)
    space_1 = SpaceChoice(
        label=_("First-choice space"), queryset=Space.objects.none(), required=False
    )
    space_2 = SpaceChoice(
        label=_("Alternative space (optional)"), queryset=Space.objects.none(), required=False
    )
    space_3 = SpaceChoice(
        label=_("Second alternative space (optional)"),
        queryset=Space.objects.none(),
        required=False,
    )

    REQUIRED = (
        "weekday",
        "earliest_start",
        "latest_end",
        "duration_minutes",
        "attendees",
        "space_1",
    )

    def __init__(self, *args: Any, spaces: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("space_1", "space_2", "space_3"):
            choices = spaces if spaces is not None else Space.objects.none()
            self.fields[name].queryset = choices  # type: ignore[attr-defined]

    def is_blank(self) -> bool:
        """Nothing typed or chosen in this row (a spare row)."""
        return not any(self[name].value() not in (None, "") for name in self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_blank():
            return data
        for name in self.REQUIRED:
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, _("Fill this in, or empty the whole slot."))
        return data

    def wish(self) -> WishInput:
        data = self.cleaned_data
        chosen = [data.get(name) for name in ("space_1", "space_2", "space_3")]
        return WishInput(
            weekday=data["weekday"],
            earliest_start=data["earliest_start"],
            latest_end=data["latest_end"],
            duration_minutes=data["duration_minutes"],
            attendees=data["attendees"],
            spaces=[space for space in chosen if space is not None],
        )


class BaseWishFormSet(forms.BaseFormSet):
    def filled_forms(self) -> list[WishForm]:
        return [form for form in self.forms if not form.is_blank()]


WishFormSet = forms.formset_factory(
    WishForm,
    formset=BaseWishFormSet,
    extra=0,
    max_num=MAX_WISHES,
    absolute_max=MAX_WISHES,
    validate_max=True,
)


def wish_formset(
    application_round: ApplicationRound,
    spaces: Any,
    *,
    data: Any = None,
    initial: list[dict[str, Any]] | None = None,
    rows: int = ROWS_AT_START,
) -> BaseWishFormSet:
    """Bound to `data`, or unbound with `initial` padded to `rows` rows (at most MAX_WISHES)."""
    if data is not None:
        bound = WishFormSet(data, prefix=WISH_PREFIX, form_kwargs={"spaces": spaces})
        return cast(BaseWishFormSet, bound)
    initial = list(initial or [])
    rows = min(max(rows, len(initial)), MAX_WISHES)
    initial += [{}] * (rows - len(initial))
    formset = WishFormSet(initial=initial, prefix=WISH_PREFIX, form_kwargs={"spaces": spaces})
    return cast(BaseWishFormSet, formset)


def raw_values(form: forms.BaseForm) -> dict[str, Any]:
    """What was typed in a bound form, to show it again in an unbound one (no errors yet)."""
    return {name: form[name].value() for name in form.fields}
