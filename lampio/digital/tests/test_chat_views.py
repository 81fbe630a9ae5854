"""The chat without JavaScript: the panel, writing, a question, applause, refreshing."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from lampio.digital.models import ChatMessage, ReactionCount, Viewer
from lampio.digital.services import chat

pytestmark = pytest.mark.django_db


def url(name: str, occurrence: Any) -> str:
    with translation.override("en"):
        return reverse(f"digital:{name}", kwargs={"occurrence_id": occurrence.pk})


def test_the_chat_page_shows_the_last_visible_messages(
    client: Any, chat_live_session: Any, chat_viewer: Any
) -> None:
    kept = chat.post_message(actor=chat_viewer, occurrence=chat_live_session, text="Näkyy")
    hidden = ChatMessage.objects.create(
        occurrence=chat_live_session, author=chat_viewer, text="Piilotettu", is_hidden=True
    )
    ChatMessage.objects.create(
        occurrence=chat_live_session, author=chat_viewer, text="Kysymys", kind="question"
    )
    client.force_login(chat_viewer)
    page = client.get(url("chat", chat_live_session)).content.decode()
    assert f'data-message-id="{kept.pk}"' in page
    assert "Näkyy" in page
    assert hidden.text not in page and "Kysymys" not in page
    assert 'aria-live="polite"' in page
    assert "Refresh the messages" in page
    # Opening the page counts the viewer, by a keyed hash of the browser session only.
    viewer = Viewer.objects.get()
    assert viewer.key != client.session.session_key and len(viewer.key) == 64


def test_posting_a_message_redirects_back_to_the_chat(
    client: Any, chat_live_session: Any, chat_viewer: Any
) -> None:
    client.force_login(chat_viewer)
    back = url("chat", chat_live_session)
    response = client.post(
        url("chat_send", chat_live_session),
        {"text": "Kiitos!", "kind": "chat", "show_name": "on", "next": back},
    )
    assert response.status_code == 302
    assert response["Location"] == back + "#chat"
    message = ChatMessage.objects.get()
    assert (message.text, message.display_name) == ("Kiitos!", "Aino")
    assert "Kiitos!" in client.get(back).content.decode()


def test_a_refused_message_comes_back_as_typed_with_the_reason(
    client: Any, chat_live_session: Any, chat_viewer: Any
) -> None:
    client.force_login(chat_viewer)
    client.post(url("chat_send", chat_live_session), {"text": "Eka", "kind": "chat"})
    response = client.post(url("chat_send", chat_live_session), {"text": "Toka", "kind": "chat"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Toka</textarea>" in page
    assert "Please wait a moment" in page
    assert ChatMessage.objects.count() == 1


def test_an_offsite_next_address_is_not_followed(
    client: Any, chat_live_session: Any, chat_viewer: Any
) -> None:
    client.force_login(chat_viewer)
    response = client.post(
        url("react", chat_live_session), {"kind": "applause", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/")
    assert ReactionCount.objects.get(kind="applause").count == 1


def test_a_question_is_thanked_and_not_shown_in_the_chat(
    client: Any, chat_live_session: Any, chat_viewer: Any
) -> None:
    client.force_login(chat_viewer)
    response = client.post(
        url("chat_send", chat_live_session),
        {"text": "Mikä kappale?", "kind": "question"},
        follow=True,
    )
    page = response.content.decode()
    assert "Your question went to the performer" in page
    assert ChatMessage.objects.get().kind == "question"


def test_people_who_may_not_watch_are_refused(
    client: Any, chat_live_session: Any, make_user: Any
) -> None:
    assert client.get(url("chat", chat_live_session)).status_code == 302
    assert client.post(url("chat_send", chat_live_session), {"text": "x"}).status_code == 302
    client.force_login(make_user())
    assert client.get(url("chat", chat_live_session)).status_code == 403
    assert client.post(url("react", chat_live_session), {"kind": "applause"}).status_code == 403
    assert not ReactionCount.objects.exists()


def test_the_panel_shows_only_while_the_chat_phase_is_on(
    make_session: Any, chat_viewer: Any, chat_live_session: Any
) -> None:
    from datetime import timedelta

    from lampio.offerings.models import Enrolment, EnrolmentStatus

    def render(occurrence: Any) -> str:
        request = RequestFactory().get("/en/lampio/")
        request.user = chat_viewer
        request.session = SessionStore()
        template = Template("{% load digital_chat %}{% chat_panel occurrence %}")
        with translation.override("en"):
            return template.render(Context({"request": request, "occurrence": occurrence}))

    later = make_session(starts_in=timedelta(days=2))
    Enrolment.objects.create(
        occurrence=later, person=chat_viewer, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    assert "The chat opens when the session starts." in render(later)
    live = render(chat_live_session)
    assert 'id="chat"' in live and 'name="text"' in live and "digital/live.js" in live
    ended = make_session(starts_in=timedelta(hours=-3))
    assert render(ended).strip() == ""
