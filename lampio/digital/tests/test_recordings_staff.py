"""The provider's recordings: captions required and checked, audited, scoped to the provider."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from lampio.digital.models import Recording
from lampio.offerings.models import Format, Offering, OfferingStatus
from lampio.tenancy.access import org_url_kwargs
from lampio.tenancy.models import Role

VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nTervetuloa konserttiin.\n"
VIDEO = "https://video.example.fi/konsertti.mp4"

pytestmark = pytest.mark.usefixtures("no_staff_mfa", "settings_media")


@pytest.fixture
def settings_media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def url(name: str, org: Any, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"digital_staff:{name}", kwargs={**org_url_kwargs(org), **kwargs})


def upload(content: bytes = VTT, name: str = "captions.vtt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/vtt")


def form_data(concert: Offering, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "offering": concert.pk,
        "video_url": VIDEO,
        "captions": upload(),
        "captions_language": "fi",
        "transcript": "Konsertin sanat.",
        "is_published": "on",
        "available_until": "2030-12-31",
    }
    data.update(overrides)
    return data


def test_the_provider_adds_a_recording_with_captions_and_it_is_audited(
    client: Any, concert: Offering, concert_provider: Any, concert_editor: Any
) -> None:
    client.force_login(concert_editor)

    response = client.post(url("recording_new", concert_provider), form_data(concert))

    assert response.status_code == 302
    recording = Recording.objects.get()
    assert recording.offering == concert and recording.video_url == VIDEO
    assert recording.captions.name.startswith("captions/") and "captions.vtt" not in (
        recording.captions.name
    )
    assert recording.captions.read().startswith(b"WEBVTT")
    assert recording.available_until is not None
    entry = LogEntry.objects.get_for_object(recording).get()
    assert entry.actor == concert_editor
    listing = client.get(url("recordings", concert_provider))
    assert VIDEO not in listing.content.decode()  # the list shows the title, not the address
    assert concert.title_en in listing.content.decode() or concert.title_fi in (
        listing.content.decode()
    )


def test_a_recording_without_captions_is_refused(
    client: Any, concert: Offering, concert_provider: Any, concert_editor: Any
) -> None:
    client.force_login(concert_editor)
    data = form_data(concert)
    del data["captions"]

    response = client.post(url("recording_new", concert_provider), data)

    assert response.status_code == 200
    assert "Recordings need captions" in response.content.decode()
    assert not Recording.objects.exists()


def test_a_captions_file_that_is_not_webvtt_is_refused_with_a_clear_message(
    client: Any, concert: Offering, concert_provider: Any, concert_editor: Any
) -> None:
    client.force_login(concert_editor)
    srt = b"1\n00:00:01,000 --> 00:00:04,000\nHello\n"

    response = client.post(
        url("recording_new", concert_provider),
        form_data(concert, captions=upload(srt, "captions.srt")),
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "first line must be" in body
    assert 'aria-describedby="id_captions_error' in body or "id_captions_error" in body
    assert not Recording.objects.exists()


def test_only_online_offerings_can_have_recordings(
    client: Any, concert_provider: Any, concert_editor: Any
) -> None:
    workshop = Offering.objects.create(
        organisation=concert_provider,
        title_fi="Savipaja",
        format=Format.ON_SITE,
        location="Talo",
        status=OfferingStatus.PUBLISHED,
    )
    client.force_login(concert_editor)

    response = client.post(url("recording_new", concert_provider), form_data(workshop))

    assert response.status_code == 200
    assert not Recording.objects.exists()


def make_recording(offering: Offering, **fields: Any) -> Recording:
    from django.core.files.base import ContentFile

    recording = Recording(offering=offering, video_url=VIDEO, **fields)
    recording.captions.save("test.vtt", ContentFile(VTT), save=False)
    recording.save()
    return recording


def test_editing_keeps_the_captions_unless_a_new_file_is_chosen(
    client: Any, concert: Offering, concert_provider: Any, concert_editor: Any
) -> None:
    recording = make_recording(concert)
    old_name = recording.captions.name
    client.force_login(concert_editor)
    data = form_data(concert, video_url="https://video.example.fi/uusi.mp4")
    del data["captions"]

    response = client.post(url("recording_edit", concert_provider, recording_id=recording.pk), data)

    assert response.status_code == 302
    recording.refresh_from_db()
    assert recording.video_url.endswith("uusi.mp4") and recording.captions.name == old_name


def test_removing_deletes_the_recording(
    client: Any, concert: Offering, concert_provider: Any, concert_editor: Any
) -> None:
    recording = make_recording(concert)
    client.force_login(concert_editor)

    response = client.post(url("recording_remove", concert_provider, recording_id=recording.pk))

    assert response.status_code == 302
    assert not Recording.objects.exists()


def test_another_providers_staff_do_not_find_the_recording(
    client: Any, concert: Offering, make_organisation: Any, make_member: Any
) -> None:
    recording = make_recording(concert)
    other = make_organisation()
    client.force_login(make_member(other, role=Role.PROVIDER_EDITOR))

    response = client.get(url("recording_edit", other, recording_id=recording.pk))
    removal = client.post(url("recording_remove", other, recording_id=recording.pk))

    assert response.status_code == 404 and removal.status_code == 404
    assert Recording.objects.filter(pk=recording.pk).exists()


def test_care_staff_may_not_manage_recordings(
    client: Any, care_unit: Any, care_worker: Any
) -> None:
    client.force_login(care_worker)

    assert client.get(url("recordings", care_unit)).status_code == 403


def test_the_offering_page_links_to_its_recordings(
    client: Any, concert: Offering, concert_provider: Any, concert_editor: Any
) -> None:
    client.force_login(concert_editor)
    with translation.override("en"):
        page = reverse(
            "offerings_staff:edit",
            kwargs={**org_url_kwargs(concert_provider), "offering_id": concert.pk},
        )

    body = client.get(page).content.decode()

    assert f"{url('recordings', concert_provider)}?offering={concert.pk}" in body


def test_the_recordings_page_links_past_sessions_to_their_feedback(
    client: Any, concert_provider: Any, concert_editor: Any, make_session: Any
) -> None:
    past = make_session(starts_in=-timedelta(days=1))
    client.force_login(concert_editor)

    body = client.get(url("recordings", concert_provider)).content.decode()

    assert url("feedback", concert_provider, occurrence_id=past.pk) in body
