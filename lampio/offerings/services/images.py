"""Images of an offering, uploaded by its provider: checked, cleaned, described and credited.

An upload is never stored as it came. `clean_photo` (shared with the photos of spaces) accepts
only JPEG, PNG and WebP of at most 5 MB, verifies the file with Pillow, and encodes the pixels
again, which drops EXIF (camera, time, GPS position), XMP and anything hidden after the image
data; stored names are random. Every image needs a Finnish description for people who cannot
see it, and a licence; a licence that requires attribution also needs the photographer's name.

Writes check `can(actor, Action.PUBLISH, offering)` (others' offerings are not found) and run
inside `set_actor(actor)`, so django-auditlog records who added or removed each image.
"""

from __future__ import annotations

from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput
from lampio.core.images import (
    MAX_PHOTO_BYTES,
    attach_photo,
    clean_photo,
    next_position,
    removed_if_not_saved,
)
from lampio.core.locking import lock_rows
from lampio.core.multilingual import LANGUAGES, Translated, set_translated
from lampio.offerings.models import Licence, Offering, OfferingImage
from lampio.offerings.services.catalogue import require_publisher

__all__ = ["MAX_IMAGE_BYTES", "add_offering_image", "remove_offering_image"]

MAX_IMAGE_BYTES = MAX_PHOTO_BYTES
MAX_IMAGES_PER_OFFERING = 10
ALT_TEXT_MAX_LENGTH = 250
PHOTOGRAPHER_MAX_LENGTH = 120
# Creative Commons licences other than CC0 require naming the author wherever the image is shown.
ATTRIBUTION_REQUIRED = {Licence.CC_BY, Licence.CC_BY_SA}


def _check_texts(alt_text: Translated, photographer: str, licence: str) -> None:
    if not alt_text.fi.strip():
        raise InvalidInput(
            _("Describe in Finnish what the image shows, for people who cannot see it."),
            field="alt_text_fi",
        )
    for language in LANGUAGES:
        if len(getattr(alt_text, language).strip()) > ALT_TEXT_MAX_LENGTH:
            raise InvalidInput(
                _("Keep the description under %(count)d characters.")
                % {"count": ALT_TEXT_MAX_LENGTH},
                field=f"alt_text_{language}",
            )
    if licence not in Licence.values:
        raise InvalidInput(_("Choose the licence of the image."), field="licence")
    if len(photographer.strip()) > PHOTOGRAPHER_MAX_LENGTH:
        raise InvalidInput(
            _("Keep the name under %(count)d characters.") % {"count": PHOTOGRAPHER_MAX_LENGTH},
            field="photographer",
        )
    if licence in ATTRIBUTION_REQUIRED and not photographer.strip():
        raise InvalidInput(
            _("This licence requires naming the photographer. Give the name."),
            field="photographer",
        )


def add_offering_image(
    *,
    actor: User,
    offering: Offering,
    upload: IO[bytes],
    alt_text: Translated,
    photographer: str,
    licence: str,
    size: int | None = None,
) -> OfferingImage:
    """Check, clean and store an image as the last of the offering's images.

    The file is written before the row; if the row is not saved after all, the file is removed.
    """
    require_publisher(actor, offering)
    _check_texts(alt_text, photographer, licence)
    content, extension = clean_photo(upload, size=size)
    image = OfferingImage(offering=offering, photographer=photographer.strip(), licence=licence)
    set_translated(image, "alt_text", alt_text)
    with removed_if_not_saved(image.image), transaction.atomic(), set_actor(actor):
        # Lock the offering so that two uploads at once get different positions.
        lock_rows(Offering.objects.filter(pk=offering.pk))
        image.position = next_position(
            OfferingImage.objects.filter(offering=offering),
            limit=MAX_IMAGES_PER_OFFERING,
            too_many=_("An offering can have at most %(count)d images. Remove one first.")
            % {"count": MAX_IMAGES_PER_OFFERING},
        )
        attach_photo(image.image, content, extension)
        image.save()
    return image


def remove_offering_image(*, actor: User, image: OfferingImage) -> None:
    """Delete the image, and its file once the deletion is durable."""
    require_publisher(actor, image.offering)
    storage, name = image.image.storage, image.image.name
    with transaction.atomic(), set_actor(actor):
        image.delete()
        if name:
            transaction.on_commit(lambda: storage.delete(name))
