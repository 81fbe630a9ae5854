"""The provider's forms for an offering and its images: the shape of the input only.

Rules between fields (a venue or a place for on-site offerings, a price unless free, a link for
online ones) are the services' job; their refusals come back next to the field they name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.db.models import Field
from django.utils.translation import gettext_lazy as _

from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.multilingual import Translated, translated_from, translated_initial
from lampio.offerings.models import Audience, Keyword, Language, Licence, Offering, PriceBasis
from lampio.offerings.selectors import keyword_choices
from lampio.offerings.services import OfferingDetails
from lampio.offerings.services.images import (
    ALT_TEXT_MAX_LENGTH,
    MAX_IMAGE_BYTES,
    PHOTOGRAPHER_MAX_LENGTH,
)
from lampio.offerings.staff_selectors import venue_choices
from lampio.spaces.models import Venue
from lampio.spaces.staff_forms import (
    SectionedForm,
    _add_translated,
    _names,
)
from lampio.tenancy.models import Organisation

ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"


def add_service_error(
    form: forms.BaseForm, error: DomainError, aliases: Mapping[str, str] | None = None
) -> None:
    """Put a service's refusal next to the form field it concerns.

    A service names its own parameters (`starts_at`); `aliases` maps them onto the form's
    fields (a date and a time) where the two differ.
    """
    if aliases and error.field is not None and error.field in aliases:
        error.field = aliases[error.field]
    add_domain_error(form, error)


def _model_field(name: str) -> Field[Any, Any]:
    return cast("Field[Any, Any]", Offering._meta.get_field(name))


def _offering_field(name: str, **overrides: Any) -> forms.Field:
    """The model field's own label, help text and choices, with the form's limits."""
    return cast(forms.Field, _model_field(name).formfield(**overrides))


class OfferingForm(SectionedForm):
    TRANSLATED = ("title", "short_description", "description", "accessibility", "price_info")
    SCALARS = (
        "age_min", "age_max", "format", "venue", "location", "online_url", "is_free", "price",
        "price_basis",
        "on_request", "allows_enrolment", "allows_group_orders", "auto_accept_orders",
        "min_group_size", "max_group_size", "cancellation_hours",
    )  # fmt: skip

    keywords: forms.ModelMultipleChoiceField[Keyword] = forms.ModelMultipleChoiceField(
        label=_("Categories"),
        queryset=Keyword.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audiences = forms.MultipleChoiceField(
        label=_("Audiences"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    age_min = _offering_field("age_min", min_value=0, max_value=120)
    age_max = _offering_field(
        "age_max",
        min_value=0,
        max_value=120,
        help_text=_("Leave both ages empty when the offering suits all ages."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    format = _offering_field("format", widget=forms.RadioSelect)
    venue: forms.ModelChoiceField[Venue] = forms.ModelChoiceField(
        label=_("Venue"),
        queryset=Venue.objects.none(),
        required=False,
        empty_label=_("Not one of the listed venues"),
        help_text=_("Venues in your municipality. For another place, give it below."),
    )
    location = _offering_field("location")
    online_url = _offering_field(
        "online_url",
        help_text=_("Needed for live streams, recordings and hybrid offerings."),
        assume_scheme="https",
    )
    is_free = _offering_field("is_free")
    price = _offering_field(
        "price", required=False, localize=True, help_text=_("Only when the offering is not free.")
    )
    price_basis = _offering_field("price_basis", required=False)
    on_request = _offering_field(
        "on_request",
        help_text=_("A care unit or school proposes times in its order; you add no fixed times."),
    )
    allows_enrolment = _offering_field(
        "allows_enrolment", help_text=_("Residents enrol themselves and companions.")
    )
    allows_group_orders = _offering_field(
        "allows_group_orders", help_text=_("Care units and schools order for a group.")
    )
    auto_accept_orders = _offering_field(
        "auto_accept_orders",
        help_text=_("An order for a listed time is accepted at once if the seats are free."),
    )
    min_group_size = _offering_field("min_group_size", min_value=1, max_value=1000)
    max_group_size = _offering_field(
        "max_group_size",
        min_value=1,
        max_value=1000,
        help_text=_("Leave empty when there is no upper limit."),
    )
    cancellation_hours = _offering_field("cancellation_hours", min_value=0, max_value=8760)

    section_names = [
        (
            _("Title and description"),
            [*_names("title"), *_names("short_description"), *_names("description")],
        ),
        (
            _("Categories and audience"),
            ["keywords", "audiences", "age_min", "age_max", "languages"],
        ),
        (
            _("Where it takes place"),
            ["format", "venue", "location", "online_url", *_names("accessibility")],
        ),
        (_("Price"), ["is_free", "price", "price_basis", *_names("price_info")]),
        (
            _("Enrolment and group orders"),
            [
                "allows_enrolment",
                "allows_group_orders",
                "auto_accept_orders",
                "on_request",
                "min_group_size",
                "max_group_size",
                "cancellation_hours",
            ],
        ),
    ]

    def __init__(
        self,
        *args: Any,
        organisation: Organisation,
        offering: Offering | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(self, "title", _("Title"), max_length=200, required=True)
        _add_translated(
            self, "short_description", _("Short description"), max_length=300, required=False
        )
        _add_translated(self, "description", _("Description"), max_length=None, required=False)
        _add_translated(
            self, "accessibility", _("Accessibility details"), max_length=None, required=False
        )
        _add_translated(self, "price_info", _("Price details"), max_length=300, required=False)
        self.fields["title_fi"].help_text = _(
            "Swedish and English are optional; Finnish is shown where they are missing."
        )
        keywords = cast(forms.ModelMultipleChoiceField, self.fields["keywords"])
        keywords.queryset = keyword_choices().order_by("name_fi")
        venue = cast(forms.ModelChoiceField, self.fields["venue"])
        venue.queryset = venue_choices(
            organisation=organisation, current=offering.venue if offering else None
        )

    @classmethod
    def defaults(cls) -> dict[str, Any]:
        """A new offering starts from the model's defaults."""
        names = [name for name in cls.SCALARS if _model_field(name).has_default()]
        return {name: _model_field(name).get_default() for name in names}

    @classmethod
    def initial_for(cls, offering: Offering) -> dict[str, Any]:
        return {
            **translated_initial(offering, *cls.TRANSLATED),
            **{name: getattr(offering, name) for name in cls.SCALARS},
            # A deprecated category is shown as the one that replaced it.
            "keywords": [keyword.current() for keyword in offering.keywords.all()],
            "audiences": [row.audience for row in offering.audience_rows.all()],
            "languages": [row.language for row in offering.language_rows.all()],
        }

    def details(self) -> OfferingDetails:
        data = self.cleaned_data
        texts: dict[str, Any] = {name: translated_from(data, name) for name in self.TRANSLATED}
        scalars: dict[str, Any] = {name: data[name] for name in self.SCALARS}
        scalars["location"] = scalars["location"] or ""
        scalars["online_url"] = scalars["online_url"] or ""
        scalars["price_basis"] = scalars["price_basis"] or PriceBasis.PER_PERSON
        return OfferingDetails(
            **texts,
            **scalars,
            keywords=tuple(data["keywords"]),
            audiences=tuple(data["audiences"]),
            languages=tuple(data["languages"]),
        )


class ImageForm(forms.Form):
    image = forms.FileField(
        label=_("Image"),
        error_messages={"required": _("Choose the image file to upload.")},
        widget=forms.FileInput(attrs={"accept": ACCEPTED_IMAGE_TYPES}),
    )
    photographer = forms.CharField(
        label=_("Photographer"),
        max_length=PHOTOGRAPHER_MAX_LENGTH,
        required=False,
        help_text=_("Required by the Creative Commons licences CC BY and CC BY-SA."),
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=Licence.choices,
        initial=Licence.EVENT_ONLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(
            self,
            "alt_text",
            _("Description of the image"),
            max_length=ALT_TEXT_MAX_LENGTH,
            required=True,
        )
        self.fields["alt_text_fi"].help_text = _(
            "Say what the image shows, for people who cannot see it, e.g. “Children shaping "
            "clay at a long table”. Swedish and English are optional."
        )
        self.order_fields(
            ["image", "alt_text_fi", "alt_text_sv", "alt_text_en", "photographer", "licence"]
        )
        # Set here, not on the class, so that the number is put into the translated sentence.
        self.fields["image"].help_text = _(
            "A JPEG, PNG or WebP image of at most %(size)d MB. Camera details and the location "
            "are removed from the file when it is saved."
        ) % {"size": MAX_IMAGE_BYTES // (1024 * 1024)}

    def alt_text(self) -> Translated:
        return translated_from(self.cleaned_data, "alt_text")
