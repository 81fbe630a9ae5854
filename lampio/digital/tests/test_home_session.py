"""A session's page: 404 rules and what each phase shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.digital.models import Broadcast
from lampio.digital.tests.conftest import STREAM
from lampio.digital.views_session import countdown_words
from lampio.offerings.models import Format, Occurrence, OfferingStatus
from lampio.offerings.services import enrol

pytestmark = pytest.mark.django_db


def _url(occurrence: Occurrence) -> str:
    with translation.override("en"):
        return reverse("digital:session", kwargs={"occurrence_id": occurrence.pk})


def _page(client, occurrence: Occurrence) -> str:
    response = client.get(_url(occurrence))
    assert response.status_code == 200
    return response.content.decode()


def _enrolled(person, occurrence: Occurrence) -> None:
    enrol(
        actor=person, occurrence=occurrence, seats=1, now=occurrence.starts_at - timedelta(days=1)
    )


@pytest.mark.parametrize(
    ("change", "target"),
    [
        ({"is_public": False}, "occurrence"),
        ({"status": OfferingStatus.DRAFT}, "offering"),
        ({"format": Format.ON_SITE}, "offering"),
    ],
)
def test_only_public_times_of_published_online_offerings_have_a_page(
    client, session, change, target
):
    assert client.get(_url(session)).status_code == 200
    obj = session if target == "occurrence" else session.offering
    type(obj).objects.filter(pk=obj.pk).update(**change)
    assert client.get(_url(session)).status_code == 404


def test_before_the_start_the_page_counts_down_and_offers_the_sound_test(client, make_session):
    occurrence = make_session(starts_in=timedelta(hours=2, minutes=5, seconds=30))
    page = _page(client, occurrence)
    assert "Starts in 2 hours 6 minutes" in page
    assert 'hx-trigger="every 60s"' in page
    assert '<audio controls preload="none" src="/static/digital/sound-test.wav"' in page
    assert "<video" not in page and "player.js" not in page
    assert "Afternoon concert" in page and "Chamber music streamed live." in page
    assert "60 minutes" in page and "Free of charge" in page
    assert str(occurrence.offering.organisation.name) in page


def test_live_the_player_shows_to_an_enrolled_person_only(client, make_session, resident):
    occurrence = make_session(starts_in=-timedelta(minutes=5))
    anonymous = _page(client, occurrence)
    assert "The session is on now." in anonymous
    assert "<video" not in anonymous and "hls.light.min.js" not in anonymous

    live_tomorrow = make_session()
    _enrolled(resident, live_tomorrow)
    Occurrence.objects.filter(pk=live_tomorrow.pk).update(
        starts_at=timezone.now() - timedelta(minutes=5),
        ends_at=timezone.now() + timedelta(minutes=55),
    )
    client.force_login(resident)
    page = _page(client, live_tomorrow)
    assert (
        f'<video class="player__video" controls playsinline preload="metadata" src="{STREAM}"'
        in page
    )
    assert "data-hls" in page
    assert page.index("hls.light.min.js") < page.index("digital/player.js")
    assert "sound-test.wav" not in page


def test_an_mp4_stream_plays_without_hls_js(client, make_session, resident):
    occurrence = make_session()
    _enrolled(resident, occurrence)
    Broadcast.objects.create(
        occurrence=occurrence,
        stream_url="https://stream.example.fi/konsertti.mp4",
        went_live_at=timezone.now() - timedelta(minutes=1),
    )
    client.force_login(resident)
    page = _page(client, occurrence)
    assert 'src="https://stream.example.fi/konsertti.mp4"' in page
    assert "data-hls" not in page and "hls.light.min.js" not in page
    assert "digital/player.js" in page


def test_after_the_end_the_page_says_so(client, make_session, resident):
    occurrence = make_session(starts_in=-timedelta(hours=2))
    page = _page(client, occurrence)
    assert "The session has ended." in page
    assert "<video" not in page and "Starts in" not in page and "hx-trigger" not in page


def test_the_provider_ending_early_ends_the_session(client, make_session):
    occurrence = make_session(starts_in=-timedelta(minutes=10))
    Broadcast.objects.create(
        occurrence=occurrence,
        went_live_at=occurrence.starts_at,
        ended_at=timezone.now() - timedelta(minutes=1),
    )
    assert "The session has ended." in _page(client, occurrence)


def test_a_poll_at_the_start_offers_a_link_to_the_video(client, make_session):
    occurrence = make_session(starts_in=-timedelta(minutes=1))
    page = client.get(_url(occurrence), HTTP_HX_REQUEST="true").content.decode()
    assert f'<a href="{_url(occurrence)}">Show the video</a>' in page


def test_the_page_context_has_now_and_phase(client, session):
    response = client.get(_url(session))
    assert response.context["phase"] == "upcoming"
    assert abs(response.context["now"] - timezone.now()) < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(hours=2, minutes=5), "Starts in 2 hours 5 minutes"),
        (timedelta(minutes=1), "Starts in 1 minute"),
        (timedelta(seconds=20), "Starts in 1 minute"),
        (timedelta(days=1, hours=3, minutes=10), "Starts in 1 day 3 hours"),
        (timedelta(days=2), "Starts in 2 days"),
        (timedelta(0), "Starts now"),
    ],
)
def test_countdown_in_plain_words(delta, words):
    with translation.override("en"):
        assert countdown_words(delta) == words
