"""Staff forms for venues, spaces and opening hours: the shape of the input only.

Rules between fields (durations, price, who may book) are the services' job; their refusals come
back onto these forms through `add_domain_error`, next to the field they name.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db.models import Field, Q
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lampio.core.errors import DomainError
from lampio.core.multilingual import LANGUAGES, Translated, translated_from, translated_initial
from lampio.spaces.forms import DateInput, TimeInput
from lampio.spaces.models import Equipment, OpeningException, Space, Venue, Weekday
from lampio.spaces.services import (
    MAX_WEEKLY_PERIODS,
    SCALAR_SPACE_FIELDS,
    SpaceDetails,
    VenueDetails,
    WeeklyPeriod,
)
from lampio.tenancy.models import Organisation

LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}

Section = tuple[Promise | str, list[forms.BoundField]]


def _add_translated(
    form: forms.BaseForm, name: str, label: Promise, *, max_length: int | None, required: bool
) -> None:
    """One input per language, each marked with its language for screen readers."""
    for language in LANGUAGES:
        widget: forms.Widget = (
            forms.TextInput() if max_length else forms.Textarea(attrs={"rows": 4})
        )
        widget.attrs["lang"] = language
        form.fields[f"{name}_{language}"] = forms.CharField(
            label=format_lazy(
                _("{field} ({language})"), field=label, language=LANGUAGE_NAMES[language]
            ),
            max_length=max_length,
            required=required and language == "fi",
            widget=widget,
        )


def _words(names: str) -> list[str]:
    return names.split()


def _names(prefix: str) -> list[str]:
    return [f"{prefix}_{language}" for language in LANGUAGES]


class SectionedForm(forms.Form):
    """A long form shown in titled sections; `section_names` lists each section's fields."""

    section_names: list[tuple[Promise, list[str]]] = []

    def sections(self) -> list[Section]:
        return [
            (title, [self[name] for name in names if name in self.fields])
            for title, names in self.section_names
        ]


class VenueForm(SectionedForm):
    TRANSLATED = ("name", "description", "directions", "accessibility")

    street_address = forms.CharField(label=_("Street address"), max_length=200)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10)
    post_office = forms.CharField(label=_("Post office"), max_length=100)
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-90,
        max_value=90,
        localize=True,
        help_text=_("For the map, e.g. 65.012. Leave both coordinates empty if unsure."),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=-180,
        max_value=180,
        localize=True,
    )
    is_published = forms.BooleanField(
        label=_("Published"),
        required=False,
        help_text=_("Residents see only published venues and their spaces."),
    )

    section_names = [
        (_("Name and description"), [*_names("name"), *_names("description")]),
        (
            _("Address and location"),
            ["street_address", "postal_code", "post_office", "latitude", "longitude"],
        ),
        (_("For visitors"), [*_names("directions"), *_names("accessibility")]),
        (_("Visibility"), ["is_published"]),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(self, "name", _("Name"), max_length=200, required=True)
        for name, label in (
            ("description", _("Description")),
            ("directions", _("Directions")),
            ("accessibility", _("Accessibility details")),
        ):
            _add_translated(self, name, label, max_length=None, required=False)

    SCALARS = ("street_address", "postal_code", "post_office", "latitude", "longitude")

    @staticmethod
    def initial_for(venue: Venue) -> dict[str, Any]:
        return {
            **translated_initial(venue, *VenueForm.TRANSLATED),
            **{name: getattr(venue, name) for name in (*VenueForm.SCALARS, "is_published")},
        }

    def details(self) -> VenueDetails:
        data = self.cleaned_data
        texts: dict[str, Any] = {name: translated_from(data, name) for name in self.TRANSLATED}
        scalars: dict[str, Any] = {name: data[name] for name in self.SCALARS}
        return VenueDetails(**texts, **scalars, is_published=data["is_published"])


def _model_field(name: str) -> Field[Any, Any]:
    return cast("Field[Any, Any]", Space._meta.get_field(name))


def _space_field(name: str, **overrides: Any) -> forms.Field:
    """The model field's own label, help text and choices, with the form's limits."""
    return cast(forms.Field, _model_field(name).formfield(**overrides))


class SpaceForm(SectionedForm):
    TRANSLATED = ("name", "description", "terms")

    space_type = _space_field("space_type")
    capacity = _space_field("capacity", min_value=1, max_value=100000)
    is_indoor = _space_field("is_indoor")
    equipment: forms.ModelMultipleChoiceField[Equipment] = forms.ModelMultipleChoiceField(
        label=_("Equipment"),
        queryset=Equipment.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    step_free_access = _space_field("step_free_access")
    accessible_toilet = _space_field("accessible_toilet")
    induction_loop = _space_field("induction_loop")
    who_may_book = _space_field("who_may_book", widget=forms.RadioSelect)
    allowed_organisations: forms.ModelMultipleChoiceField[Organisation] = (
        forms.ModelMultipleChoiceField(
            label=_("Organisations whose members may book"),
            queryset=Organisation.objects.none(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Used only when members of listed organisations may book."),
        )
    )
    requires_handling = _space_field("requires_handling")
    slot_minutes = _space_field("slot_minutes", min_value=5, max_value=24 * 60)
    min_duration_minutes = _space_field("min_duration_minutes", min_value=5, max_value=44640)
    max_duration_minutes = _space_field("max_duration_minutes", min_value=5, max_value=44640)
    buffer_before_minutes = _space_field("buffer_before_minutes", max_value=24 * 60)
    buffer_after_minutes = _space_field("buffer_after_minutes", max_value=24 * 60)
    booking_opens_days = _space_field("booking_opens_days", min_value=1, max_value=730)
    booking_closes_hours = _space_field("booking_closes_hours", max_value=8760)
    max_active_bookings = _space_field("max_active_bookings", min_value=1, max_value=1000)
    cancellation_hours = _space_field("cancellation_hours", max_value=8760)
    allows_multi_day = _space_field("allows_multi_day")
    allows_recurring = _space_field("allows_recurring")
    closed_on_public_holidays = _space_field("closed_on_public_holidays")
    price_type = _space_field("price_type", widget=forms.RadioSelect)
    price = _space_field(
        "price",
        required=False,
        min_value=0,
        localize=True,
        help_text=_("Leave empty or 0 for a free space."),
    )
    visibility = _space_field("visibility", widget=forms.RadioSelect)
    is_published = _space_field(
        "is_published", help_text=_("Residents see and book only published spaces.")
    )

    section_names = [
        (_("Names and descriptions"), [*_names("name"), *_names("description"), *_names("terms")]),
        (
            _("Type, capacity, equipment and accessibility"),
            _words(
                "space_type capacity is_indoor equipment step_free_access accessible_toilet"
                " induction_loop"
            ),
        ),
        (
            _("Booking rules"),
            _words(
                "who_may_book allowed_organisations requires_handling slot_minutes"
                " min_duration_minutes max_duration_minutes buffer_before_minutes"
                " buffer_after_minutes booking_opens_days booking_closes_hours"
                " max_active_bookings cancellation_hours allows_multi_day allows_recurring"
                " closed_on_public_holidays"
            ),
        ),
        (_("Price"), ["price_type", "price"]),
        (_("Visibility"), ["visibility", "is_published"]),
    ]

    def __init__(
        self, *args: Any, owner: Organisation, space: Space | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(self, "name", _("Name"), max_length=200, required=True)
        _add_translated(self, "description", _("Description"), max_length=None, required=False)
        _add_translated(self, "terms", _("Terms of use"), max_length=None, required=False)
        # Organisations of the owner's city; ones already on the list stay choosable.
        nearby = Q(is_active=True, municipality_id=owner.municipality_id)
        if space is not None:
            nearby |= Q(bookable_spaces=space)
        allowed = cast(forms.ModelMultipleChoiceField, self.fields["allowed_organisations"])
        allowed.queryset = (
            Organisation.objects.filter(nearby).exclude(pk=owner.pk).distinct().order_by("name")
        )
        # An empty group of checkboxes only puzzles people; leave out lists with nothing in them.
        for name in ("equipment", "allowed_organisations"):
            choices = cast(forms.ModelMultipleChoiceField, self.fields[name]).queryset
            if choices is None or not choices.exists():
                del self.fields[name]

    @staticmethod
    def defaults() -> dict[str, Any]:
        """A new space starts from the model's defaults."""
        fields = [_model_field(name) for name in SCALAR_SPACE_FIELDS]
        return {field.name: field.get_default() for field in fields if field.has_default()}

    @staticmethod
    def initial_for(space: Space) -> dict[str, Any]:
        return {
            **translated_initial(space, *SpaceForm.TRANSLATED),
            **{name: getattr(space, name) for name in SCALAR_SPACE_FIELDS},
            "equipment": list(space.equipment.all()),
            "allowed_organisations": list(space.allowed_organisations.all()),
        }

    def details(self) -> SpaceDetails:
        data = self.cleaned_data
        scalars = {name: data[name] for name in SCALAR_SPACE_FIELDS}
        scalars["price"] = data["price"] if data["price"] is not None else Decimal(0)
        return SpaceDetails(
            name=translated_from(data, "name"),
            description=translated_from(data, "description"),
            terms=translated_from(data, "terms"),
            equipment=tuple(data.get("equipment", ())),
            allowed_organisations=tuple(data.get("allowed_organisations", ())),
            **scalars,
        )


# --- Opening hours -----------------------------------------------------------------------------

ROW_INCOMPLETE = _("Fill in the weekday and both times, or leave the whole row empty.")


class WeeklyPeriodForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Weekday"),
        choices=[("", _("Choose a day")), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    opens = forms.TimeField(label=_("Opens"), required=False, widget=TimeInput)
    closes = forms.TimeField(label=_("Closes"), required=False, widget=TimeInput)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        names = ("weekday", "opens", "closes")
        given = [cleaned.get(name) is not None for name in names]
        if any(given) and not all(given):
            for name, present in zip(names, given, strict=True):
                if not present and name not in self.errors:
                    self.add_error(name, ROW_INCOMPLETE)
        return cleaned

    def period(self) -> WeeklyPeriod | None:
        data = getattr(self, "cleaned_data", {})
        if data.get("weekday") is None or not data.get("opens") or not data.get("closes"):
            return None
        return WeeklyPeriod(data["weekday"], data["opens"], data["closes"])


class BaseWeeklyHoursFormSet(forms.BaseFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this period")

    def periods(self) -> list[WeeklyPeriod]:
        """The periods to keep: filled-in rows not marked for removal."""
        deleted = set(map(id, self.deleted_forms)) if self.can_delete else set()
        rows = [form.period() for form in self.forms if id(form) not in deleted]
        return [period for period in rows if period is not None]

    def add_domain_error(self, error: DomainError) -> None:
        self.non_form_errors().append(str(error.message))


_WeeklyHoursFormSet = forms.formset_factory(
    WeeklyPeriodForm,
    formset=BaseWeeklyHoursFormSet,
    extra=3,
    can_delete=True,
    max_num=MAX_WEEKLY_PERIODS,
    validate_max=True,
)


def weekly_hours_formset(space: Space, data: Any = None) -> BaseWeeklyHoursFormSet:
    """The space's weekly periods, one row each, and a few empty rows for new ones."""
    initial = [
        {"weekday": hours.weekday, "opens": hours.opens, "closes": hours.closes}
        for hours in space.opening_hours.all()
    ]
    return cast(BaseWeeklyHoursFormSet, _WeeklyHoursFormSet(data, initial=initial, prefix="hours"))


class OpeningExceptionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput)
    is_closed = forms.BooleanField(label=_("Closed all day"), required=False, initial=True)
    opens = forms.TimeField(
        label=_("Opens"),
        required=False,
        widget=TimeInput,
        help_text=_("Only when the space is open that day, at other hours than usual."),
    )
    closes = forms.TimeField(label=_("Closes"), required=False, widget=TimeInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for language in LANGUAGES:
            self.fields[f"reason_{language}"] = forms.CharField(
                label=format_lazy(
                    _("{field} ({language})"),
                    field=_("Reason"),
                    language=LANGUAGE_NAMES[language],
                ),
                max_length=OpeningException._meta.get_field("reason").max_length,
                required=False,
                widget=forms.TextInput(attrs={"lang": language}),
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("is_closed"):
            for name in ("opens", "closes"):
                if cleaned.get(name) is None and name not in self.errors:
                    self.add_error(
                        name, _("Give the opening and closing times, or mark the day closed.")
                    )
        return cleaned

    def reason(self) -> Translated:
        return translated_from(self.cleaned_data, "reason")
