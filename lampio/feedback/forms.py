"""The residents' feedback form: input shape only; submit_feedback decides the rest.

Photos use Django's documented pattern for several files in one input. A browser cannot keep a
chosen file across a failed send, so the page asks for the photos again after any error.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from lampio.core.phones import normalise_phone
from lampio.feedback.models import MAX_TEXT_LENGTH, FeedbackCategory, Identity
from lampio.feedback.routing import Subject
from lampio.feedback.services.submission import MAX_PHOTOS, FeedbackDraft, PhotoUpload

PHOTO_TYPES = "image/jpeg,image/png,image/webp"
SIX_PLACES = Decimal("0.000001")


def _filled(text: Any, values: dict[str, Any]) -> str:
    return str(text) % values


# Help texts with numbers, translated when shown rather than when this module is imported.
filled_lazy = lazy(_filled, str)


class PhoneField(forms.CharField):
    """A phone number, stored in E.164; Finland (+358) is assumed for national numbers."""

    def to_python(self, value: Any) -> str:
        text = super().to_python(value)
        if not text:
            return ""
        phone = normalise_phone(text)
        if phone is None:
            raise ValidationError(
                _(
                    "This phone number does not look right. Write it for example as "
                    "040 123 4567, or with the country code as +46 8 123 456."
                ),
                code="invalid",
            )
        return phone


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (the pattern in Django 5.2's file upload documentation)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single_file_clean = super().clean
        items = data if isinstance(data, list | tuple) else [data]
        return [cleaned for item in items if (cleaned := single_file_clean(item, initial))]


class CoordinateField(forms.DecimalField):
    """A latitude or longitude, rounded to six decimals (about 10 cm) instead of refused."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        number = super().to_python(value)
        if number is None:
            return None
        try:
            return number.quantize(SIX_PLACES, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            # Too many digits to round (e.g. 1e40): the range check refuses it instead of a 500.
            return number


class FeedbackForm(forms.Form):
    category: forms.ModelChoiceField[FeedbackCategory] = forms.ModelChoiceField(
        label=_("Category"),
        queryset=FeedbackCategory.objects.none(),
        to_field_name="code",
        empty_label=_("Choose a category"),
        help_text=_("Choose the closest one: the staff move your feedback on if needed."),
        error_messages={
            "required": _("Choose a category from the list."),
            "invalid_choice": _("Choose a category from the list."),
        },
    )
    text = forms.CharField(
        label=_("Your feedback"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_TEXT_LENGTH}),
        help_text=filled_lazy(
            _("Tell what happened, where and when. At most %(count)d characters."),
            {"count": MAX_TEXT_LENGTH},
        ),
        error_messages={
            "required": _("Write a few words about your feedback."),
            "max_length": _("The feedback is too long: at most %(limit_value)d characters."),
        },
    )
    identity = forms.ChoiceField(
        label=_("Send it"),
        choices=Identity.choices,
        widget=forms.RadioSelect,
        initial=Identity.ANONYMOUS,
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=60,
        required=False,
        help_text=_("Shown instead of your name, also if your feedback is published."),
    )
    contact_name = forms.CharField(label=_("Name"), max_length=120, required=False)
    contact_email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("We send the receipt and the answer here."),
    )
    contact_phone = PhoneField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        help_text=_("For example 040 123 4567."),
    )
    wants_contact = forms.BooleanField(label=_("Contact me about this feedback"), required=False)
    wants_public = forms.BooleanField(
        label=_("You may publish my feedback and its answer"),
        required=False,
        help_text=_(
            "The staff decide what is published and may shorten it. Your name and contact "
            "details are never published."
        ),
    )
    address = forms.CharField(
        label=_("Address or place"),
        max_length=200,
        required=False,
        help_text=_("For example a street address, or “the stage of the main hall”."),
    )
    latitude = CoordinateField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("For example 65.012345."),
    )
    longitude = CoordinateField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
        help_text=_("For example 25.467890."),
    )
    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": PHOTO_TYPES}),
        help_text=filled_lazy(
            _("At most %(count)d photos: JPEG, PNG or WebP, at most 5 MB each."),
            {"count": MAX_PHOTOS},
        ),
    )
    share_photo_location = forms.BooleanField(
        label=_("Share the location where the photo was taken"),
        required=False,
        help_text=_(
            "Off: we remove the location and other hidden details from your photos. On: if "
            "you gave no location above, we read it from the first photo, and the staff see it."
        ),
    )
    # A trap for bots: hidden from people and screen readers, so only a bot fills it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args: Any,
        categories: QuerySet[FeedbackCategory],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[FeedbackCategory]", self.fields["category"])
        field.queryset = categories

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("website"):
            # At the top of the form: the field itself is hidden from people.
            self.add_error(
                None,
                ValidationError(
                    _("The form could not be sent. Please try again."), code="honeypot"
                ),
            )
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None) and not (
            "latitude" in self.errors or "longitude" in self.errors
        ):
            missing = "longitude" if longitude is None else "latitude"
            self.add_error(
                missing, _("Give both the latitude and the longitude, or leave both empty.")
            )
        identity = cleaned.get("identity")
        if identity == Identity.PSEUDONYM and not cleaned.get("pseudonym", "").strip():
            self.add_error("pseudonym", _("Write the pseudonym you want to use."))
        if (
            identity != Identity.ANONYMOUS
            and cleaned.get("wants_contact")
            and not (cleaned.get("contact_email") or cleaned.get("contact_phone"))
            and "contact_email" not in self.errors
            and "contact_phone" not in self.errors
        ):
            self.add_error(
                "contact_email",
                _("Give an email address or a phone number so that we can contact you."),
            )
        if len(cleaned.get("photos") or []) > MAX_PHOTOS:
            self.add_error("photos", _("Attach at most %(count)d photos.") % {"count": MAX_PHOTOS})
        return cleaned

    def draft(self, *, subject: Subject, language: str) -> FeedbackDraft:
        data = self.cleaned_data
        return FeedbackDraft(
            category=data["category"],
            text=data["text"],
            identity=data["identity"],
            pseudonym=data["pseudonym"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            wants_contact=data["wants_contact"],
            wants_public=data["wants_public"],
            latitude=data["latitude"],
            longitude=data["longitude"],
            address=data["address"],
            language=language,
            subject=subject,
        )

    def photo_uploads(self) -> list[PhotoUpload]:
        return [
            PhotoUpload(file=upload, size=upload.size) for upload in self.cleaned_data["photos"]
        ]
