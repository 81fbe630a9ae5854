"""Staff forms for the photos of a space and for the shared equipment list: input shape only.

Whether a file really is a photo, how large it may be and whether a name is already on the list
are the services' checks; their refusals come back next to the field through `add_domain_error`.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lampio.core.images import MAX_PHOTO_BYTES
from lampio.core.multilingual import Translated, translated_from, translated_initial
from lampio.spaces.equipment_services import NAME_MAX_LENGTH
from lampio.spaces.models import SpacePhoto
from lampio.spaces.photo_services import ALT_TEXT_MAX_LENGTH
from lampio.spaces.staff_forms import _add_translated

ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"


class PhotoTextForm(forms.Form):
    """The description of a photo for people who cannot see it, in each language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(
            self,
            "alt_text",
            _("Description of the photo"),
            max_length=ALT_TEXT_MAX_LENGTH,
            required=True,
        )
        self.fields["alt_text_fi"].help_text = _(
            "Say what the photo shows, for people who cannot see it, e.g. “Gym with wall bars "
            "and a stage”. Swedish and English are optional; Finnish is shown where they are "
            "missing."
        )

    @staticmethod
    def initial_for(photo: SpacePhoto) -> dict[str, str]:
        return translated_initial(photo, "alt_text")

    def alt_text(self) -> Translated:
        return translated_from(self.cleaned_data, "alt_text")


class PhotoUploadForm(PhotoTextForm):
    image = forms.FileField(
        label=_("Photo"),
        error_messages={"required": _("Choose the photo file to upload.")},
        widget=forms.FileInput(attrs={"accept": ACCEPTED_TYPES}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["image", "alt_text_fi", "alt_text_sv", "alt_text_en"])
        # Set here, not on the class, so that the number is put into the translated sentence.
        self.fields["image"].help_text = _(
            "A JPEG, PNG or WebP image of at most %(size)d MB. Camera details and the location "
            "are removed from the file when it is saved."
        ) % {"size": MAX_PHOTO_BYTES // (1024 * 1024)}


class EquipmentForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_translated(self, "name", _("Name"), max_length=NAME_MAX_LENGTH, required=True)

    def name(self) -> Translated:
        return translated_from(self.cleaned_data, "name")
