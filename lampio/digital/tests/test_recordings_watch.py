"""Watching later: the list, the player with captions, the captions file, and who may watch."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from lampio.digital.models import Recording
from lampio.digital.recording_selectors import may_watch_recording
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Offering,
    OfferingStatus,
    OrderStatus,
)

VTT = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nTervetuloa.\n"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def en(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(f"digital:{name}", kwargs=kwargs)


def make_recording(offering: Offering, **fields: Any) -> Recording:
    recording = Recording(offering=offering, video_url="https://video.example.fi/k.mp4", **fields)
    recording.captions.save("test.vtt", ContentFile(VTT), save=False)
    recording.save()
    return recording


@pytest.fixture
def paid_concert(concert: Offering) -> Offering:
    concert.is_free, concert.price = False, Decimal("8.00")
    concert.save()
    return concert


def test_a_free_recording_plays_with_default_captions_and_a_transcript(
    client: Any, concert: Offering
) -> None:
    recording = make_recording(concert, transcript="Konsertin sanat.", captions_language="fi")

    body = client.get(en("recording", recording_id=recording.pk)).content.decode()

    assert "<video" in body and "controls" in body
    assert f'src="{en("recording_captions", recording_id=recording.pk)}"' in body
    assert 'kind="captions"' in body and 'srclang="fi"' in body and " default>" in body
    assert 'label="Finnish"' in body
    assert "<details" in body and "Konsertin sanat." in body


def test_the_captions_are_served_as_webvtt(client: Any, concert: Offering) -> None:
    recording = make_recording(concert)

    response = client.get(en("recording_captions", recording_id=recording.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content == VTT


@pytest.mark.parametrize(
    "change",
    [
        {"is_published": False},
        {"available_until": timezone.now() - timedelta(minutes=1)},
    ],
)
def test_a_recording_not_available_is_not_found_nor_listed(
    client: Any, concert: Offering, change: dict[str, Any]
) -> None:
    recording = make_recording(concert, **change)

    assert client.get(en("recording", recording_id=recording.pk)).status_code == 404
    assert client.get(en("recording_captions", recording_id=recording.pk)).status_code == 404
    assert (
        en("recording", recording_id=recording.pk)
        not in client.get(en("recordings")).content.decode()
    )


def test_a_recording_of_an_unpublished_offering_is_not_found(
    client: Any, concert: Offering
) -> None:
    recording = make_recording(concert)
    Offering.objects.filter(pk=concert.pk).update(status=OfferingStatus.DRAFT)

    assert client.get(en("recording", recording_id=recording.pk)).status_code == 404


def test_the_list_shows_available_recordings_as_cards(client: Any, concert: Offering) -> None:
    recording = make_recording(concert, available_until=timezone.now() + timedelta(days=3))

    body = client.get(en("recordings")).content.decode()

    assert "recording-card" in body and en("recording", recording_id=recording.pk) in body
    assert "Free of charge" in body


def test_a_paid_recording_is_for_those_who_took_part(
    client: Any, paid_concert: Offering, make_session: Any, make_user: Any, resident: Any
) -> None:
    recording = make_recording(paid_concert)
    took_part = make_user()
    Enrolment.objects.create(
        occurrence=make_session(starts_in=-timedelta(days=2)),
        person=took_part,
        seats=1,
        status=EnrolmentStatus.CONFIRMED,
    )
    page = en("recording", recording_id=recording.pk)
    captions = en("recording_captions", recording_id=recording.pk)

    assert client.get(page).status_code == 403
    client.force_login(resident)
    refused = client.get(page)
    assert refused.status_code == 403 and "<video" not in refused.content.decode()
    assert client.get(captions).status_code == 404
    client.force_login(took_part)
    assert client.get(page).status_code == 200
    assert client.get(captions).status_code == 200


def test_a_cancelled_enrolment_does_not_give_access(
    paid_concert: Offering, make_session: Any, resident: Any
) -> None:
    recording = make_recording(paid_concert)
    Enrolment.objects.create(
        occurrence=make_session(), person=resident, seats=1, status=EnrolmentStatus.CANCELLED
    )

    assert not may_watch_recording(resident, recording)


def test_care_units_with_an_accepted_order_and_provider_staff_may_watch(
    paid_concert: Offering,
    make_session: Any,
    care_unit: Any,
    care_worker: Any,
    concert_editor: Any,
) -> None:
    recording = make_recording(paid_concert)
    order = GroupOrder.objects.create(
        offering=paid_concert,
        occurrence=make_session(),
        unit=care_unit,
        group_size=6,
        status=OrderStatus.PENDING,
    )
    assert may_watch_recording(concert_editor, recording)
    assert not may_watch_recording(care_worker, recording)
    order.status = OrderStatus.ACCEPTED
    order.save()
    assert may_watch_recording(care_worker, recording)


def test_the_session_page_panel_links_to_the_offerings_recordings(concert: Offering) -> None:
    recording = make_recording(concert)
    other = make_recording(concert, is_published=False)
    request = RequestFactory().get("/")

    with translation.override("en"):
        html = Template("{% load digital_feedback %}{% recording_panel offering %}").render(
            Context({"offering": concert, "request": request})
        )

    assert en("recording", recording_id=recording.pk) in html
    assert en("recording", recording_id=other.pk) not in html


def test_captions_are_kept_outside_the_public_media_folder(settings, tmp_path) -> None:
    """Only the captions view (which checks who may watch) hands captions out."""
    settings.MEDIA_ROOT = tmp_path / "media"
    field = Recording._meta.get_field("captions")
    name = field.storage.save("captions/test.vtt", ContentFile(b"WEBVTT\n"))
    stored = Path(field.storage.path(name))
    assert stored.is_relative_to(Path(settings.LAMPIO_PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        field.storage.url(name)
