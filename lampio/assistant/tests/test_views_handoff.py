"""Talking to a person from the assistant: a live chat when staff are on duty, otherwise a
feedback message; the conversation page, its polling partial and ending it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from lampio.assistant.models import Conversation, ConversationMessage, ConversationState, Sender
from lampio.assistant.tests.resident_setup import load_seed_knowledge, put_on_duty, set_up_desk
from lampio.tenancy.models import Municipality, Organisation, Role

HTMX: dict[str, Any] = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def knowledge(db: None) -> None:
    load_seed_knowledge()


@pytest.fixture
def city(make_municipality: Callable[..., Municipality]) -> Municipality:
    return make_municipality(slug="vaasa", name="Vaasa")


@pytest.fixture
def desk(city: Municipality, make_organisation: Callable[..., Organisation]) -> Organisation:
    organisation = make_organisation(municipality=city, slug="palvelu")
    set_up_desk(city, organisation)
    return organisation


def _ask(client: Client, question: str, language: str = "fi") -> Any:
    return client.post(f"/{language}/assistant/", {"question": question})


def test_with_nobody_on_duty_the_question_goes_as_feedback(
    client: Client, knowledge: None, desk: Organisation
) -> None:
    _ask(client, "How do I renew my passport?", "en")
    page = client.get("/en/assistant/person/").content.decode()
    with translation.override("en"):
        assert "Nobody from Vaasa is on duty right now" in page
    response = client.post(
        "/en/assistant/person/",
        {"message": "Who can help?", "contact_email": "aino@example.fi", "contact_name": "Aino"},
    )
    conversation = Conversation.objects.get()
    assert response["Location"] == reverse("assistant:conversation", args=[conversation.token])
    assert conversation.state == ConversationState.TO_FEEDBACK
    assert conversation.feedback is not None
    assert "passport" in conversation.feedback.text
    receipt = client.get(response["Location"])
    track = reverse(
        "feedback:track", kwargs={"feedback_token": conversation.feedback.tracking_token}
    )
    assert track in receipt.content.decode()
    assert receipt["Cache-Control"] == "private, no-store"
    assert 'class="assistant-turn" id="turn-' not in client.get("/en/assistant/").content.decode()


def test_with_someone_on_duty_the_resident_chats_with_a_person(
    client: Client, knowledge: None, desk: Organisation, make_member: Any
) -> None:
    put_on_duty(make_member(desk, role=Role.ADMIN), desk)
    _ask(client, "How do I renew my passport?", "en")
    response = client.post("/en/assistant/person/", {"message": "Who can help?"})
    conversation = Conversation.objects.get()
    assert conversation.state == ConversationState.WAITING
    url = reverse("assistant:conversation", args=[conversation.token])
    assert response["Location"] == url
    texts = list(conversation.messages.values_list("sender", "text"))
    assert (Sender.RESIDENT, "How do I renew my passport?") in texts
    assert (Sender.RESIDENT, "Who can help?") in texts
    page = client.get(url).content.decode()
    assert 'id="conversation-poller"' in page and 'hx-trigger="every 3s' in page
    assert client.get("/en/assistant/").content.decode().count(url) == 1  # a way back to it

    assert client.post(url, {"text": "Hello?"})["Location"] == f"{url}#message-form"
    last = ConversationMessage.objects.latest("pk")
    assert last.text == "Hello?"
    htmx = client.post(url, {"text": "Still there?"}, **HTMX)
    assert htmx.status_code == 204 and "HX-Trigger" in htmx

    poll = client.get(
        reverse("assistant:conversation_messages", args=[conversation.token]),
        {"after": str(last.pk), "state": "waiting"},
        **HTMX,
    ).content.decode()
    assert "Still there?" in poll and "Hello?" not in poll
    assert 'id="conversation-status"' not in poll  # unchanged: not announced again

    client.post(reverse("assistant:conversation_close", args=[conversation.token]))
    conversation.refresh_from_db()
    assert conversation.state == ConversationState.CLOSED
    closed_poll = client.get(
        reverse("assistant:conversation_messages", args=[conversation.token]),
        {"after": str(last.pk), "state": "waiting"},
        **HTMX,
    )
    assert closed_poll.status_code == 286  # htmx stops polling
    assert 'id="conversation-status"' in closed_poll.content.decode()
    refused = client.post(url, {"text": "Hello again"})
    assert refused.status_code == 200 and "form-errors" in refused.content.decode()
    assert not conversation.messages.filter(text="Hello again").exists()


def test_a_hand_off_without_any_question_asks_for_one(
    client: Client, db: None, desk: Organisation
) -> None:
    response = client.post("/fi/assistant/person/", {"message": ""})
    assert response.status_code == 200
    assert "form-errors" in response.content.decode()
    assert not Conversation.objects.exists()


def test_the_city_is_asked_when_several_have_a_desk(
    client: Client,
    db: None,
    desk: Organisation,
    make_municipality: Callable[..., Municipality],
    make_organisation: Callable[..., Organisation],
) -> None:
    other = make_municipality(slug="pori", name="Pori")
    set_up_desk(other, make_organisation(municipality=other))
    assert 'name="municipality"' in client.get("/fi/assistant/person/").content.decode()
    client.post(
        "/fi/assistant/person/", {"municipality": "pori", "message": "Milloin kirjasto aukeaa?"}
    )
    assert Conversation.objects.get().municipality == other


def test_an_unknown_conversation_is_not_found(client: Client, db: None) -> None:
    assert client.get(reverse("assistant:conversation", args=["nope"])).status_code == 404
    assert client.get(reverse("assistant:conversation_messages", args=["nope"])).status_code == 404
    assert client.post(reverse("assistant:conversation_close", args=["nope"])).status_code == 404
