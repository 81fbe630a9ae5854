"""Helpers of the staff photo tests: addresses, test images and reading what was stored."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from lampio.core.multilingual import Translated
from lampio.spaces import photo_services
from lampio.spaces.models import SpacePhoto

GPS_IFD, MAKE, ORIENTATION, ROTATED_90_CW = 0x8825, 0x010F, 0x0112, 6


def url(name, space, **kwargs):
    organisation = space.venue.organisation
    return reverse(
        f"spaces_staff:{name}",
        kwargs={
            "municipality": organisation.municipality.slug,
            "organisation": organisation.slug,
            "space_id": space.pk,
            **kwargs,
        },
    )


def exif_with_location() -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = "Kamera Oy"
    exif[ORIENTATION] = ROTATED_90_CW
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (65.0, 1.0, 7.0), 3: "E", 4: (25.0, 28.0, 0.0)})
    return exif


def image_bytes(format_name: str = "JPEG", size=(40, 20), **options) -> bytes:
    buffer = io.BytesIO()
    mode = "RGBA" if format_name in {"PNG", "WEBP"} else "RGB"
    Image.new(mode, size, (200, 30, 30, 128) if mode == "RGBA" else (200, 30, 30)).save(
        buffer, format=format_name, **options
    )
    return buffer.getvalue()


def upload(data: bytes, name: str = "IMG_2024_kotiosoite.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_photo(client, space, data: bytes, **fields):
    payload = {"image": upload(data, **fields), "alt_text_fi": "Sali ja näyttämö"}
    return client.post(url("photos", space), payload)


def stored(photo: SpacePhoto) -> Image.Image:
    photo.image.open("rb")
    try:
        image = Image.open(io.BytesIO(photo.image.read()))
        image.load()
        return image
    finally:
        photo.image.close()


def files_in(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def add(staff, space, text: str) -> SpacePhoto:
    return photo_services.add_space_photo(
        actor=staff, space=space, upload=io.BytesIO(image_bytes()), alt_text=Translated(fi=text)
    )


def order(space) -> list[str]:
    return list(SpacePhoto.objects.filter(space=space).values_list("alt_text_fi", flat=True))
