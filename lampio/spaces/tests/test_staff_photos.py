"""Staff upload, describe, order and remove the photos of their organisation's spaces."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image, ImageCms, PngImagePlugin

from lampio.core import images
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.spaces import photo_services
from lampio.spaces.models import SpacePhoto
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

GPS_IFD, MAKE, ORIENTATION, ROTATED_90_CW = 0x8825, 0x010F, 0x0112, 6


@pytest.fixture(autouse=True)
def _media_and_no_mfa(settings, tmp_path):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def media(settings) -> Path:
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def owner(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(owner, make_member):
    return make_member(owner, role=Role.STAFF)


@pytest.fixture
def space(owner, make_space):
    return make_space(organisation=owner)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


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


def add(staff, space, text: str) -> SpacePhoto:
    return photo_services.add_space_photo(
        actor=staff, space=space, upload=io.BytesIO(image_bytes()), alt_text=Translated(fi=text)
    )


def order(space) -> list[str]:
    return list(SpacePhoto.objects.filter(space=space).values_list("alt_text_fi", flat=True))


def test_photos_are_reordered(staff_client, staff, space):
    first, second, third = (add(staff, space, text) for text in ("Eka", "Toka", "Kolmas"))

    response = staff_client.post(url("photo_move", space, photo_id=third.pk), {"direction": "up"})
    assert response.status_code == 302
    assert order(space) == ["Eka", "Kolmas", "Toka"]

    staff_client.post(url("photo_move", space, photo_id=first.pk), {"direction": "down"})
    assert order(space) == ["Kolmas", "Eka", "Toka"]

    # Past either end nothing changes; an unknown direction is refused with a message.
    staff_client.post(url("photo_move", space, photo_id=second.pk), {"direction": "down"})
    response = staff_client.post(
        url("photo_move", space, photo_id=first.pk), {"direction": "sideways"}, follow=True
    )
    assert order(space) == ["Kolmas", "Eka", "Toka"]
    assert "Valitse, siirretäänkö kuvaa ylöspäin vai alaspäin." in response.content.decode()
    assert LogEntry.objects.filter(
        content_type__model="spacephoto", action=LogEntry.Action.UPDATE, actor=staff
    ).exists()


def test_a_photo_is_removed_with_its_file(
    staff_client, staff, space, media, django_capture_on_commit_callbacks
):
    photo = add(staff, space, "Sali")
    path = media / photo.image.name
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url("photo_remove", space, photo_id=photo.pk))

    assert response.status_code == 302
    assert not SpacePhoto.objects.exists()
    assert not path.exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.DELETE, actor=staff).exists()


def test_the_description_is_edited_and_kept_on_error(staff_client, staff, space):
    photo = add(staff, space, "Sali")
    address = url("photo_edit", space, photo_id=photo.pk)
    assert 'value="Sali"' in staff_client.get(address).content.decode()

    response = staff_client.post(address, {"alt_text_fi": "", "alt_text_sv": "Sal med scen"})
    assert response.status_code == 200
    assert response.context["form"].errors["alt_text_fi"]
    assert "Sal med scen" in response.content.decode()

    response = staff_client.post(address, {"alt_text_fi": "Sali ja näyttämö", "alt_text_sv": ""})
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.alt_text_fi == "Sali ja näyttämö"
    assert LogEntry.objects.get_for_object(photo).filter(action=LogEntry.Action.UPDATE).exists()


def test_staff_of_another_organisation_get_404_and_change_nothing(
    client, staff, space, make_organisation, make_member
):
    photo = add(staff, space, "Sali")
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))

    assert client.get(url("photos", space)).status_code == 404
    assert post_photo(client, space, image_bytes()).status_code == 404
    assert client.get(url("photo_edit", space, photo_id=photo.pk)).status_code == 404
    for name, data in (("photo_move", {"direction": "up"}), ("photo_remove", {})):
        assert client.post(url(name, space, photo_id=photo.pk), data).status_code == 404
    assert list(SpacePhoto.objects.all()) == [photo]


def test_a_photo_is_found_only_under_its_own_space(staff_client, staff, owner, space, make_space):
    photo = add(staff, space, "Sali")
    other_space = make_space(organisation=owner)

    address = url("photo_remove", other_space, photo_id=photo.pk)
    assert staff_client.post(address).status_code == 404
    assert SpacePhoto.objects.filter(pk=photo.pk).exists()


def test_residents_are_refused_and_visitors_sent_to_log_in(client, resident, staff, space):
    photo = add(staff, space, "Sali")

    response = client.get(url("photos", space))
    assert response.status_code == 302 and "/login/" in response["Location"]

    client.force_login(resident)
    assert client.get(url("photos", space)).status_code == 403
    assert post_photo(client, space, image_bytes()).status_code == 403
    assert client.post(url("photo_remove", space, photo_id=photo.pk)).status_code == 403
    assert SpacePhoto.objects.count() == 1


def test_members_who_may_only_view_are_refused(client, owner, space, make_member):
    client.force_login(make_member(owner, role=Role.VIEWER))

    assert client.get(url("photos", space)).status_code == 403
    assert post_photo(client, space, image_bytes()).status_code == 403
    assert not SpacePhoto.objects.exists()


def test_the_service_refuses_someone_who_may_not_manage_the_space(
    space, make_member, make_organisation
):
    outsider = make_member(make_organisation(), role=Role.ADMIN)

    with pytest.raises(PermissionDenied):
        add(outsider, space, "Sali")
    assert not SpacePhoto.objects.exists()


def test_the_photo_limit_is_enforced(staff_client, staff, space, monkeypatch):
    monkeypatch.setattr(photo_services, "MAX_PHOTOS_PER_SPACE", 1)
    add(staff, space, "Sali")

    with pytest.raises(InvalidInput):
        add(staff, space, "Toinen")
    assert (
        "Poista yksi kuva ennen kuin lisäät uuden."
        in staff_client.get(url("photos", space)).content.decode()
    )
    assert SpacePhoto.objects.count() == 1
