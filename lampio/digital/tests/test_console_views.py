"""The provider's session console: its page, its audited actions, and tenancy."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone, translation

from lampio.digital.models import AudienceMessage, Broadcast, ChatMessage, ChatMute, Viewer
from lampio.digital.phase import Phase, session_phase
from lampio.digital.services import broadcast, chat

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client: Any, concert_editor: Any, no_staff_mfa: None) -> Any:
    client.force_login(concert_editor)
    return client


def fresh(occurrence: Any) -> Any:
    return type(occurrence).objects.get(pk=occurrence.pk)


def console_url(occurrence: Any, name: str = "console", **extra: Any) -> str:
    org = occurrence.offering.organisation
    with translation.override("en"):
        return reverse(
            f"digital_staff:{name}",
            kwargs={
                "municipality": org.municipality.slug,
                "organisation": org.slug,
                "occurrence_id": occurrence.pk,
                **extra,
            },
        )


def test_the_console_shows_count_questions_and_chat_but_no_hidden_names(
    staff: Any, chat_live_session: Any, chat_viewer: Any
) -> None:
    chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Hei kaikki")
    chat.cache.clear()
    chat.post_message(
        actor=chat_viewer, occurrence=chat_live_session, text="Mikä kappale?", kind="question"
    )
    now = timezone.now()
    broadcast.touch_viewer(occurrence=chat_live_session, key="a" * 64, now=now)
    broadcast.touch_viewer(
        occurrence=chat_live_session, key="b" * 64, now=now, show_name=True, display_name="Eino"
    )
    page = staff.get(console_url(chat_live_session)).content.decode()
    assert '<span id="console-audience" aria-live="polite">2</span>' in page
    assert "Eino" in page
    assert "Hei kaikki" in page and "Mikä kappale?" in page
    assert "Mark answered" in page and "Mute this person" in page
    assert chat_viewer.email not in page
    assert "digital/console.js" in page


def test_going_live_and_ending_from_the_console_are_audited(
    staff: Any, session: Any, concert_editor: Any
) -> None:
    response = staff.post(console_url(session, "console_go_live"))
    assert response.status_code == 302
    assert session_phase(fresh(session), timezone.now()) == Phase.LIVE
    staff.post(console_url(session, "console_end"))
    record = Broadcast.objects.get(occurrence=session)
    assert session_phase(fresh(session), timezone.now()) == Phase.ENDED
    entries = LogEntry.objects.get_for_object(record)
    assert entries.count() >= 2
    assert {entry.actor for entry in entries} == {concert_editor}


def test_stream_address_and_chat_switch(staff: Any, session: Any) -> None:
    bad = staff.post(console_url(session, "console_stream"), {"stream_url": "ftp://x"})
    assert bad.status_code == 200
    assert "ftp://x" in bad.content.decode()
    staff.post(console_url(session, "console_stream"), {"stream_url": "https://cdn.fi/a.m3u8"})
    staff.post(console_url(session, "console_chat"), {"open": "0"})
    record = Broadcast.objects.get(occurrence=session)
    assert record.stream_url == "https://cdn.fi/a.m3u8"
    assert record.chat_open is False


def test_moderating_from_the_console(
    staff: Any, chat_live_session: Any, chat_viewer: Any, concert_editor: Any
) -> None:
    message = chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Roskaa")
    url = console_url(chat_live_session, "console_moderate", chat_message_id=message.pk)
    assert staff.post(url, {"action": "mute"}).status_code == 302
    message.refresh_from_db()
    assert message.is_hidden
    mute = ChatMute.objects.get(person=chat_viewer)
    assert LogEntry.objects.get_for_object(mute).get().actor == concert_editor
    question = ChatMessage.objects.create(
        occurrence=chat_live_session, author=chat_viewer, text="?", kind="question"
    )
    staff.post(
        console_url(chat_live_session, "console_moderate", chat_message_id=question.pk),
        {"action": "answered"},
    )
    question.refresh_from_db()
    assert question.answered_at is not None


def test_message_to_the_audience(
    staff: Any, chat_live_session: Any, chat_viewer: Any, mailoutbox: Any
) -> None:
    response = staff.post(
        console_url(chat_live_session, "console_message"),
        {"subject": "Tervetuloa", "body": "Konsertti alkaa pian."},
    )
    assert response.status_code == 302
    sent = AudienceMessage.objects.get()
    assert sent.recipients == 1
    page = staff.get(console_url(chat_live_session)).content.decode()
    assert "Tervetuloa" in page
    empty = staff.post(console_url(chat_live_session, "console_message"), {"subject": "x"})
    assert empty.status_code == 200
    assert AudienceMessage.objects.count() == 1


def test_other_organisations_staff_get_404_and_a_resident_403(
    client: Any,
    chat_live_session: Any,
    chat_viewer: Any,
    make_organisation: Any,
    make_member: Any,
    no_staff_mfa: None,
) -> None:
    message = chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Hei")
    client.force_login(make_member(make_organisation(), role="provider_editor"))
    assert client.get(console_url(chat_live_session)).status_code == 404
    assert client.post(console_url(chat_live_session, "console_go_live")).status_code == 404
    moderate = console_url(chat_live_session, "console_moderate", chat_message_id=message.pk)
    assert client.post(moderate, {"action": "hide"}).status_code == 404
    assert not Broadcast.objects.exists()
    client.force_login(chat_viewer)
    assert client.get(console_url(chat_live_session)).status_code == 403
    message.refresh_from_db()
    assert not message.is_hidden
    assert Viewer.objects.count() == 0


def test_the_staff_occurrence_page_links_online_times_to_the_console(
    staff: Any, session: Any
) -> None:
    org = session.offering.organisation
    with translation.override("en"):
        page = staff.get(
            reverse(
                "offerings_staff:occurrence",
                kwargs={
                    "municipality": org.municipality.slug,
                    "organisation": org.slug,
                    "occurrence_id": session.pk,
                },
            )
        ).content.decode()
    assert console_url(session) in page
