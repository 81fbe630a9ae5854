"""Images of an offering: only real JPEG, PNG or WebP images, cleaned of metadata, described
and credited, and only by the provider's own staff."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lampio.core.errors import InvalidInput, NotFound
from lampio.core.multilingual import Translated
from lampio.offerings.models import Licence, OfferingImage
from lampio.offerings.services import images as image_services
from lampio.offerings.tests.staff import url
from lampio.tenancy.models import Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_staff_mfa")]

GPS_IFD, MAKE, ORIENTATION, ROTATED_90_CW = 0x8825, 0x010F, 0x0112, 6


@pytest.fixture(autouse=True)
def _media_and_no_mfa(settings, tmp_path):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def offering(provider, make_offering):
    return make_offering(provider)


def jpeg_with_location(size=(40, 20)) -> bytes:
    exif = Image.Exif()
    exif[MAKE] = "Kamera Oy"
    exif[ORIENTATION] = ROTATED_90_CW
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (65.0, 1.0, 7.0), 3: "E", 4: (25.0, 28.0, 0.0)})
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def image_bytes(format_name: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (30, 30), (0, 100, 200, 128)).save(buffer, format=format_name)
    return buffer.getvalue()


def upload(data: bytes, name: str = "IMG_1234_kotona.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_data(file, **changes):
    data = {
        "image": file,
        "alt_text_fi": "Lapset muovailevat savea pitkän pöydän ääressä.",
        "alt_text_sv": "Barn formar lera vid ett långt bord.",
        "photographer": "Kaisa Kuvaaja",
        "licence": Licence.CC_BY,
    }
    data.update(changes)
    return data


def test_an_image_is_stored_without_its_metadata_and_audited(
    editor_client, editor, provider, offering
):
    response = editor_client.post(
        url("images", provider, offering_id=offering.pk), post_data(upload(jpeg_with_location()))
    )
    assert response.status_code == 302
    image = OfferingImage.objects.get(offering=offering)
    assert (image.alt_text_fi, image.alt_text_sv, image.photographer, image.licence) == (
        "Lapset muovailevat savea pitkän pöydän ääressä.",
        "Barn formar lera vid ett långt bord.",
        "Kaisa Kuvaaja",
        Licence.CC_BY,
    )
    stored = Path(image.image.path)
    assert "kotona" not in stored.name and stored.suffix == ".jpg"
    with Image.open(stored) as saved:
        assert not saved.getexif()  # no camera, no GPS position, no orientation tag
        assert saved.size == (20, 40)  # the camera's rotation is applied to the pixels
    assert LogEntry.objects.get_for_object(image).get().actor == editor
    listing = editor_client.get(url("images", provider, offering_id=offering.pk))
    assert image.image.url in listing.content.decode()


@pytest.mark.parametrize("format_name", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(editor, offering, format_name):
    image = image_services.add_offering_image(
        actor=editor,
        offering=offering,
        upload=io.BytesIO(image_bytes(format_name)),
        alt_text=Translated(fi="Sininen neliö"),
        photographer="",
        licence=Licence.CC0,
    )
    assert image.image.name.endswith("." + format_name.lower())


@pytest.mark.parametrize(
    "file",
    [
        upload(b"GIF89a" + bytes(50), "kuva.gif", "image/gif"),
        upload(b"%PDF-1.4 not an image", "kuva.jpg"),
        upload(jpeg_with_location()[:200], "katkennut.jpg"),
    ],
    ids=["gif", "pdf named jpg", "truncated jpeg"],
)
def test_files_that_are_not_accepted_images_are_refused_next_to_the_field(
    editor_client, provider, offering, file
):
    response = editor_client.post(url("images", provider, offering_id=offering.pk), post_data(file))
    assert response.status_code == 200
    assert "image" in response.context["form"].errors
    # The description typed stays in the form.
    assert "Lapset muovailevat savea" in response.content.decode()
    assert not OfferingImage.objects.exists()


def test_a_file_over_five_megabytes_is_refused(editor_client, provider, offering, settings):
    big = upload(jpeg_with_location() + bytes(5 * 1024 * 1024), "iso.jpg")
    response = editor_client.post(url("images", provider, offering_id=offering.pk), post_data(big))
    assert response.status_code == 200
    assert "5 Mt" in str(response.context["form"].errors["image"])
    assert not OfferingImage.objects.exists()
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.jpg"))


def test_a_finnish_description_is_required(editor_client, provider, offering):
    response = editor_client.post(
        url("images", provider, offering_id=offering.pk),
        post_data(upload(jpeg_with_location()), alt_text_fi=""),
    )
    assert "alt_text_fi" in response.context["form"].errors
    with pytest.raises(InvalidInput) as refused:
        image_services.add_offering_image(
            actor=response.wsgi_request.user,
            offering=offering,
            upload=io.BytesIO(jpeg_with_location()),
            alt_text=Translated(fi="  ", sv="Barn"),
            photographer="",
            licence=Licence.EVENT_ONLY,
        )
    assert refused.value.field == "alt_text_fi"


def test_an_attribution_licence_needs_the_photographer(editor_client, provider, offering):
    response = editor_client.post(
        url("images", provider, offering_id=offering.pk),
        post_data(upload(jpeg_with_location()), photographer="", licence=Licence.CC_BY_SA),
    )
    assert "photographer" in response.context["form"].errors
    response = editor_client.post(
        url("images", provider, offering_id=offering.pk),
        post_data(upload(jpeg_with_location()), photographer="", licence=Licence.EVENT_ONLY),
    )
    assert response.status_code == 302


def test_an_image_is_removed_with_its_file(
    editor_client, editor, provider, offering, django_capture_on_commit_callbacks
):
    image = image_services.add_offering_image(
        actor=editor,
        offering=offering,
        upload=io.BytesIO(jpeg_with_location()),
        alt_text=Translated(fi="Kuva"),
        photographer="",
        licence=Licence.EVENT_ONLY,
    )
    path = Path(image.image.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url("image_remove", provider, image_id=image.pk))
    assert response.status_code == 302
    assert not OfferingImage.objects.exists()
    assert not path.exists()


def test_another_organisations_staff_cannot_see_add_or_remove_images(
    client, editor, provider, offering, make_organisation, make_member
):
    image = image_services.add_offering_image(
        actor=editor,
        offering=offering,
        upload=io.BytesIO(jpeg_with_location()),
        alt_text=Translated(fi="Kuva"),
        photographer="",
        licence=Licence.EVENT_ONLY,
    )
    other = make_organisation()
    outsider = make_member(other, role=Role.ADMIN)
    client.force_login(outsider)
    assert client.get(url("images", provider, offering_id=offering.pk)).status_code == 404
    assert client.post(url("image_remove", other, image_id=image.pk)).status_code == 404
    response = client.post(
        url("images", other, offering_id=offering.pk), post_data(upload(jpeg_with_location()))
    )
    assert response.status_code == 404
    with pytest.raises(NotFound):
        image_services.remove_offering_image(actor=outsider, image=image)
    assert OfferingImage.objects.get() == image
