"""Uploaded photos, checked and cleaned before anything stores them.

An upload must open in Pillow as a JPEG, PNG or WebP image, and is then decoded and encoded again
in the same format. Re-encoding drops everything but the pixels: EXIF (camera, time and often the
GPS position where the photo was taken), XMP, comments and anything hidden after the image data.
The orientation the camera recorded in EXIF is applied to the pixels first, and colours in another
profile are converted to sRGB, so the photo still looks the same.
"""

from __future__ import annotations

import io
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from django.core.files.base import ContentFile
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from lampio.core.errors import InvalidInput

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000  # a 40-megapixel camera; more is a decompression bomb or a mistake
MAX_PHOTO_SIDE = 2560  # larger photos are scaled down: no page shows them bigger
MAX_PHOTOS_PER_SPACE = 30
# Pillow's format name → the file extension of the stored photo.
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Quality high enough that re-encoding shows no artefacts at the sizes pages use.
ENCODER_OPTIONS: dict[str, dict[str, Any]] = {
    "JPEG": {"quality": 85, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}


def _not_a_photo() -> InvalidInput:
    return InvalidInput(
        _("The file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats."),
        field="image",
    )


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert colours from the embedded profile (e.g. Display P3 of phones) to plain sRGB."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        converted = ImageCms.profileToProfile(
            image,
            ImageCms.ImageCmsProfile(io.BytesIO(icc)),
            ImageCms.createProfile("sRGB"),
            outputMode=image.mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile: keep the colours as they are rather than refuse
    return converted if converted is not None else image


def _encodable(image: Image.Image, format_name: str) -> Image.Image:
    """The pixels in a mode the format can store, transparency kept where it can be."""
    if image.mode == "P" or image.mode == "LA" or image.mode.startswith("I"):
        has_alpha = "transparency" in image.info or image.mode == "LA"
        image = image.convert("RGBA" if has_alpha else "RGB")
    elif image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGB")  # CMYK, YCbCr and the like
    if format_name == "JPEG" and image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    return image


def clean_photo(upload: IO[bytes], *, size: int | None = None) -> tuple[bytes, str]:
    """The photo re-encoded without metadata, and its file extension; InvalidInput otherwise.

    `size` is the upload's size in bytes when known, so an oversized file is refused unread.
    """
    if size is not None and size > MAX_PHOTO_BYTES:
        raise _too_large()
    data = upload.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise _too_large()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=list(PHOTO_FORMATS)) as probe:
                format_name = str(probe.format)
                width, height = probe.size
                probe.verify()  # checks the structure without decoding all the pixels
            if width * height > MAX_PHOTO_PIXELS:
                raise _too_many_pixels()
            # verify() leaves the image unusable, so decode a second time for the pixels.
            with Image.open(io.BytesIO(data), formats=[format_name]) as opened:
                opened.load()
                image = ImageOps.exif_transpose(opened) or opened
                image = _to_srgb(image)
    except InvalidInput:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise _not_a_photo() from error
    image = _encodable(image, format_name)
    image.thumbnail((MAX_PHOTO_SIDE, MAX_PHOTO_SIDE), Image.Resampling.LANCZOS)
    image.info = {}  # nothing of the original's metadata may ride along into the new file
    output = io.BytesIO()
    image.save(output, format=format_name, **ENCODER_OPTIONS[format_name])
    return output.getvalue(), PHOTO_FORMATS[format_name]


def _too_many_pixels() -> InvalidInput:
    return InvalidInput(
        _("The photo has too many pixels: at most %(count)d megapixels.")
        % {"count": MAX_PHOTO_PIXELS // 1_000_000},
        field="image",
    )


def _too_large() -> InvalidInput:
    return InvalidInput(
        _("The file is too large. Choose a photo of at most %(size)d MB.")
        % {"size": MAX_PHOTO_BYTES // (1024 * 1024)},
        field="image",
    )


# --- Storing a cleaned photo as the last of its set --------------------------------------------


@contextmanager
def removed_if_not_saved(field_file: FieldFile) -> Iterator[None]:
    """The file is written before its row; if the row is not saved after all, remove the file."""
    try:
        yield
    except BaseException:
        if field_file.name:
            field_file.storage.delete(field_file.name)
        raise


def next_position(siblings: QuerySet[Any], *, limit: int, too_many: str) -> int:
    """The position after the last of `siblings` (whose parent the caller has locked)."""
    positions = list(siblings.values_list("position", flat=True))
    if len(positions) >= limit:
        raise InvalidInput(too_many, field="image")
    return max(positions, default=-1) + 1


def attach_photo(field_file: FieldFile, content: bytes, extension: str) -> None:
    """Store the cleaned bytes under a random name: nothing of the uploader's file name is kept."""
    field_file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)


# --- The place a photo was taken, read only when its sender chooses to share it ----------------

_GPS_IFD = 0x8825
_LATITUDE_REF, _LATITUDE, _LONGITUDE_REF, _LONGITUDE = 1, 2, 3, 4


def _degrees(parts: Any, reference: Any) -> float:
    degrees, minutes, seconds = (float(part) for part in parts)
    value = degrees + minutes / 60 + seconds / 3600
    return -value if str(reference).upper() in {"S", "W"} else value


def photo_location(data: bytes) -> tuple[float, float] | None:
    """The GPS position in the photo's EXIF as (latitude, longitude), or None.

    Called on the original bytes before `clean_photo` drops the EXIF, and only when the person
    ticked "share the location of the photo"; the stored photo never carries it.
    """
    try:
        with Image.open(io.BytesIO(data), formats=list(PHOTO_FORMATS)) as opened:
            gps = opened.getexif().get_ifd(_GPS_IFD)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    try:
        latitude = _degrees(gps[_LATITUDE], gps.get(_LATITUDE_REF, "N"))
        longitude = _degrees(gps[_LONGITUDE], gps.get(_LONGITUDE_REF, "E"))
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return round(latitude, 6), round(longitude, 6)
