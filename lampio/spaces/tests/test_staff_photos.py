"""Staff upload, describe, order and remove the photos of their organisation's spaces."""

from __future__ import annotations

import io

import pytest
from auditlog.models import LogEntry
from django.utils import translation
from PIL import Image, ImageCms, PngImagePlugin

from lampio.core import images
from lampio.core.errors import InvalidInput
from lampio.core.multilingual import Translated
from lampio.spaces import photo_services
from lampio.spaces.models import SpacePhoto
from lampio.spaces.tests.photos import (
    MAKE,
    exif_with_location,
    files_in,
    image_bytes,
    post_photo,
    stored,
    upload,
    url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("photo_settings")]


def test_a_photo_is_uploaded_with_its_descriptions(staff_client, space, media):
    response = staff_client.post(
        url("photos", space),
        {
            "image": upload(image_bytes("JPEG")),
            "alt_text_fi": "Liikuntasali, jossa puolapuut",
            "alt_text_sv": "Gymnastiksal med ribbstolar",
            "alt_text_en": "",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url("photos", space)
    photo = SpacePhoto.objects.get(space=space)
    assert (photo.alt_text_fi, photo.alt_text_sv, photo.alt_text_en) == (
        "Liikuntasali, jossa puolapuut",
        "Gymnastiksal med ribbstolar",
        "",
    )
    assert photo.position == 0
    # Stored under a random name: nothing of the uploader's file name is kept.
    assert photo.image.name.startswith("spaces/") and photo.image.name.endswith(".jpg")
    assert "kotiosoite" not in photo.image.name
    assert stored(photo).format == "JPEG"
    assert files_in(media) == [media / photo.image.name]
    page = staff_client.get(url("photos", space)).content.decode()
    assert "Liikuntasali, jossa puolapuut" in page and "Gymnastiksal med ribbstolar" in page
    assert 'enctype="multipart/form-data"' in page


def test_exif_and_the_location_are_stripped_and_the_orientation_kept(staff_client, space):
    original = image_bytes("JPEG", size=(40, 20), exif=exif_with_location())
    assert Image.open(io.BytesIO(original)).getexif()[MAKE] == "Kamera Oy"

    assert post_photo(staff_client, space, original).status_code == 302

    image = stored(SpacePhoto.objects.get(space=space))
    assert not image.getexif()
    assert "exif" not in image.info and "xmp" not in image.info
    assert b"Kamera Oy" not in SpacePhoto.objects.get().image.read()
    # The camera said "rotate 90°": the pixels are turned instead, so the photo looks the same.
    assert image.size == (20, 40)


@pytest.mark.parametrize("format_name", ["PNG", "WEBP"])
def test_png_and_webp_are_re_encoded_without_metadata(staff, space, format_name):
    options: dict = {"exif": exif_with_location()}
    if format_name == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", "Maija Meikäläinen")
        options["pnginfo"] = info
    data = image_bytes(format_name, **options)

    photo = photo_services.add_space_photo(
        actor=staff,
        space=space,
        upload=io.BytesIO(data),
        alt_text=Translated(fi="Sali"),
    )

    image = stored(photo)
    assert image.format == format_name
    assert photo.image.name.endswith(".png" if format_name == "PNG" else ".webp")
    assert not image.getexif()
    assert "Author" not in image.info and "exif" not in image.info
    assert image.mode == "RGBA"  # transparency survives


def test_colours_are_converted_to_srgb_and_the_profile_dropped(staff, space):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = image_bytes("JPEG", icc_profile=profile)
    assert Image.open(io.BytesIO(data)).info["icc_profile"] == profile

    photo = photo_services.add_space_photo(
        actor=staff, space=space, upload=io.BytesIO(data), alt_text=Translated(fi="Sali")
    )

    image = stored(photo)
    assert "icc_profile" not in image.info
    assert image.getpixel((0, 0)) == pytest.approx((200, 30, 30), abs=8)


def test_a_wrong_file_type_is_refused_next_to_the_field_and_the_text_is_kept(
    staff_client, space, media
):
    gif = image_bytes("GIF")

    response = post_photo(staff_client, space, gif, name="kuva.gif", content_type="image/gif")

    assert response.status_code == 200
    form = response.context["form"]
    assert "JPEG-, PNG- tai WebP-kuva" in form.errors["image"][0]
    assert "Sali ja näyttämö" in response.content.decode()  # the description is kept
    assert "Valitse myös kuvatiedosto uudelleen" in response.content.decode()
    assert not SpacePhoto.objects.exists()
    assert files_in(media) == []


def test_a_file_that_only_pretends_to_be_a_photo_is_refused(staff_client, space):
    response = post_photo(staff_client, space, b"<?php echo 'hello'; ?>" * 10, name="photo.jpg")

    assert response.status_code == 200
    assert "JPEG-, PNG- tai WebP-kuva" in response.context["form"].errors["image"][0]
    assert not SpacePhoto.objects.exists()


def test_a_truncated_photo_is_refused(staff_client, space):
    response = post_photo(staff_client, space, image_bytes("JPEG", size=(400, 300))[:300])

    assert "JPEG-, PNG- tai WebP-kuva" in response.context["form"].errors["image"][0]
    assert not SpacePhoto.objects.exists()


def test_a_too_large_file_is_refused(staff_client, space, media):
    # A valid JPEG padded past the limit: the size alone must refuse it.
    data = image_bytes("JPEG") + b"\0" * images.MAX_PHOTO_BYTES

    response = post_photo(staff_client, space, data)

    assert response.status_code == 200
    assert "enintään 5 Mt" in response.context["form"].errors["image"][0]
    assert not SpacePhoto.objects.exists()
    assert files_in(media) == []


def test_too_many_pixels_are_refused(staff, space, monkeypatch):
    monkeypatch.setattr(images, "MAX_PHOTO_PIXELS", 100)

    with pytest.raises(InvalidInput) as refused:
        photo_services.add_space_photo(
            actor=staff,
            space=space,
            upload=io.BytesIO(image_bytes("PNG", size=(20, 20))),
            alt_text=Translated(fi="Sali"),
        )
    assert refused.value.field == "image"
    assert "megapikseliä" in str(refused.value.message)


def test_large_photos_are_scaled_down(staff, space, monkeypatch):
    monkeypatch.setattr(images, "MAX_PHOTO_SIDE", 50)

    photo = photo_services.add_space_photo(
        actor=staff,
        space=space,
        upload=io.BytesIO(image_bytes("JPEG", size=(200, 100))),
        alt_text=Translated(fi="Sali"),
    )

    assert stored(photo).size == (50, 25)


def test_the_finnish_description_is_required(staff_client, space):
    response = staff_client.post(
        url("photos", space),
        {"image": upload(image_bytes()), "alt_text_fi": "", "alt_text_en": "Hall with a stage"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["alt_text_fi"]
    assert "Hall with a stage" in response.content.decode()
    assert not SpacePhoto.objects.exists()


def test_the_error_is_in_the_language_of_the_page(staff_client, space):
    # The request activates the page's language; override() puts the previous one back after.
    with translation.override("en"):
        address = url("photos", space)
        response = staff_client.post(address, {"image": upload(b"not a photo"), "alt_text_fi": "S"})

    assert address.startswith("/en/")
    assert response.context["form"].errors["image"] == [
        "The file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats."
    ]


def test_uploading_is_audited_with_the_organisation(staff_client, staff, owner, space):
    post_photo(staff_client, space, image_bytes())

    photo = SpacePhoto.objects.get()
    entry = LogEntry.objects.get_for_object(photo).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == staff
    assert entry.additional_data == {"organisation_id": owner.pk}
