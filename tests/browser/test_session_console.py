"""The provider's side of digital sessions in the browser: the session console (go live, the
audience count, questions and moderation), recordings, season packages and the feedback
summary, with axe over every page in Finnish, Swedish and English.

Locators use names, ids and data attributes, not UI texts.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from lampio.digital.models import (
    Broadcast,
    ChatMessage,
    MessageKind,
    PackagePlan,
    Recording,
    SessionFeedback,
)
from lampio.offerings.models import Format, Occurrence, Offering, OfferingStatus
from lampio.tenancy.models import Role
from tests.browser.conftest import axe_violations, describe

CAPTIONS = b"WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nTervetuloa!\n"


@pytest.fixture
def desk(live_server, settings, tmp_path, make_organisation, make_member, make_user):
    """A provider with a concert on air now (a question and a chat line waiting), an ended one
    with six feedback answers, a recording and a season package plan."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.MEDIA_ROOT = str(tmp_path)
    provider = make_organisation()
    offering = Offering.objects.create(
        organisation=provider,
        title_fi="Kamarikonsertti",
        title_sv="Kammarkonsert",
        title_en="Chamber concert",
        format=Format.LIVE_STREAM,
        online_url=f"{live_server.url}/static/digital/sound-test.wav",
        status=OfferingStatus.PUBLISHED,
    )
    now = timezone.now().replace(microsecond=0)
    live = Occurrence.objects.create(
        offering=offering,
        starts_at=now - timedelta(minutes=5),
        ends_at=now + timedelta(minutes=55),
        capacity=100,
    )
    ended = Occurrence.objects.create(
        offering=offering,
        starts_at=now - timedelta(days=1),
        ends_at=now - timedelta(days=1) + timedelta(hours=1),
        capacity=100,
    )
    viewer = make_user()
    ChatMessage.objects.create(occurrence=live, author=viewer, text="Kiitos, kuuluu hyvin!")
    ChatMessage.objects.create(
        occurrence=live, author=viewer, kind=MessageKind.QUESTION, text="Mikä kappale tämä on?"
    )
    SessionFeedback.objects.bulk_create(
        SessionFeedback(occurrence=ended, rating=5 - number % 2, answer=f"Hieno {number}")
        for number in range(6)
    )
    recording = Recording(offering=offering, occurrence=ended, video_url=offering.online_url)
    recording.captions.save("kamari.vtt", ContentFile(CAPTIONS), save=False)
    recording.save()
    plan = PackagePlan.objects.create(
        provider=provider,
        name_fi="Kevät 2027: 8 konserttia",
        sessions_included=8,
        price=Decimal("360.00"),
        season_starts=date(2027, 1, 1),
        season_ends=date(2027, 5, 31),
    )
    org = {"municipality": provider.municipality.slug, "organisation": provider.slug}
    with translation.override("en"):
        pages = [
            reverse("digital_staff:console", kwargs={**org, "occurrence_id": live.pk}),
            reverse("digital_staff:recordings", kwargs=org),
            reverse("digital_staff:recording_new", kwargs=org),
            reverse("digital_staff:recording_edit", kwargs={**org, "recording_id": recording.pk}),
            reverse("digital_staff:packages", kwargs=org),
            reverse("digital_staff:package_new", kwargs=org),
            reverse("digital_staff:package_edit", kwargs={**org, "plan_id": plan.pk}),
            reverse("digital_staff:feedback", kwargs={**org, "occurrence_id": ended.pk}),
        ]
    return {
        "editor": make_member(provider, role=Role.PROVIDER_EDITOR),
        "live": live,
        "pages": [page.removeprefix("/en/") for page in pages],
    }


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_of_the_providers_session_tools_is_accessible(page, log_in, desk, language):
    log_in(page, desk["editor"])
    problems = []
    for path in desk["pages"]:
        response = page.goto(f"/{language}/{path}")
        assert response is not None and response.status == 200, path
        if violations := axe_violations(page):
            problems.append(f"{path}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_the_performer_goes_live_sees_the_question_and_hides_a_chat_line(page, log_in, desk):
    log_in(page, desk["editor"])
    page.goto(f"/fi/{desk['pages'][0]}")
    expect(page.locator("body")).to_contain_text("Mikä kappale tämä on?")
    page.locator("form[action$='/go-live/'] button[type='submit']").click()
    expect(page.locator("h1")).to_be_visible()
    broadcast = Broadcast.objects.get(occurrence=desk["live"])
    assert broadcast.went_live_at is not None and broadcast.ended_at is None
    chat_line = ChatMessage.objects.get(occurrence=desk["live"], kind=MessageKind.CHAT)
    page.locator(
        f"form[action*='/messages/{chat_line.pk}/'] button[name='action'][value='hide']"
    ).click()
    expect(page.locator("h1")).to_be_visible()
    chat_line.refresh_from_db()
    assert chat_line.is_hidden
