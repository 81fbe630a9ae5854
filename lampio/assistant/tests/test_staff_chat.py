"""The desk's live chat pages: duty, the queue, taking, answering and closing a conversation.

The writes are helper C's services (services/handoff.py); these tests check the pages around
them: tenancy, the no-JavaScript forms, the htmx polling answers and the translated conflicts.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from lampio.assistant.models import (
    Conversation,
    ConversationMessage,
    ConversationState,
    DutyShift,
    Sender,
)
from lampio.assistant.tests.staff_world import World, make_conversation, make_world

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_world(make_municipality, make_organisation, make_member)


def test_staff_start_and_end_their_duty(client: Any, world: World) -> None:
    client.force_login(world.staff)
    url = f"{world.base()}/chats/"
    assert b'data-on-duty="false"' in client.get(url).content
    response = client.post(f"{world.base()}/duty/", {"action": "start", "hours": "2"})
    assert response.status_code == 302 and response["Location"] == url
    shift = DutyShift.objects.get(user=world.staff)
    assert shift.organisation == world.desk
    assert round((shift.ends_at - shift.started_at).total_seconds() / 3600) == 2
    assert b'data-on-duty="true"' in client.get(url).content
    assert client.post(f"{world.base()}/duty/", {"action": "end"}).status_code == 302
    assert b'data-on-duty="false"' in client.get(url).content


def test_the_queue_lists_waiting_and_my_conversations(client: Any, world: World) -> None:
    waiting = make_conversation(world.desk)
    mine = make_conversation(world.desk, state=ConversationState.ACTIVE, taken_by=world.staff)
    theirs = make_conversation(world.desk, state=ConversationState.ACTIVE, taken_by=world.colleague)
    elsewhere = make_conversation(world.other_desk)
    client.force_login(world.staff)
    page = client.get(f"{world.base()}/chats/").content.decode()
    assert f'data-conversation="{waiting.pk}"' in page
    assert f'data-conversation="{mine.pk}"' in page
    assert f'data-conversation="{theirs.pk}"' not in page
    assert f'data-conversation="{elsewhere.pk}"' not in page
    assert 'hx-trigger="every 5s"' in page and 'id="queue-refresh"' in page


def test_the_queue_poll_answers_only_when_something_changed(client: Any, world: World) -> None:
    client.force_login(world.staff)
    url = f"{world.base()}/chats/"
    first = client.get(url, **HTMX)
    assert first.status_code == 200 and b"<h1" not in first.content  # the partial only
    version = first.context["version"]
    assert client.get(url, {"v": version}, **HTMX).status_code == 204
    make_conversation(world.desk)
    assert client.get(url, {"v": version}, **HTMX).status_code == 200


def test_taking_answering_and_closing_a_conversation(client: Any, world: World) -> None:
    conversation = make_conversation(world.desk)
    client.force_login(world.staff)
    url = f"{world.base()}/chats/{conversation.pk}/"
    page = client.get(url).content.decode()
    assert 'data-sender="assistant"' in page and 'id="take-form"' in page
    assert 'id="reply-form"' not in page
    assert client.post(f"{url}take/").status_code == 302
    conversation.refresh_from_db()
    assert conversation.state == ConversationState.ACTIVE
    assert conversation.taken_by == world.staff
    assert 'id="reply-form"' in client.get(url).content.decode()
    response = client.post(url, {"text": "Koden finns i bekräftelsen."})
    assert response.status_code == 302
    reply = ConversationMessage.objects.get(conversation=conversation, sender=Sender.STAFF)
    assert reply.author == world.staff
    response = client.post(f"{url}close/")
    assert response.status_code == 302 and response["Location"] == f"{world.base()}/chats/"
    assert Conversation.objects.get(pk=conversation.pk).state == ConversationState.CLOSED


def test_an_empty_reply_comes_back_with_the_reason(client: Any, world: World) -> None:
    conversation = make_conversation(
        world.desk, state=ConversationState.ACTIVE, taken_by=world.staff
    )
    client.force_login(world.staff)
    response = client.post(f"{world.base()}/chats/{conversation.pk}/", {"text": "  "})
    assert response.status_code == 200 and b"error-summary" in response.content
    assert not ConversationMessage.objects.filter(sender=Sender.STAFF).exists()


def test_taking_a_conversation_someone_else_took_shows_why(client: Any, world: World) -> None:
    conversation = make_conversation(
        world.desk, state=ConversationState.ACTIVE, taken_by=world.colleague
    )
    client.force_login(world.staff)
    url = f"{world.base('en')}/chats/{conversation.pk}/"
    with translation.override("en"):
        response = client.post(f"{url}take/", follow=True)
    assert response.status_code == 200
    assert "Another staff member already took this conversation." in response.content.decode()
    assert Conversation.objects.get(pk=conversation.pk).taken_by == world.colleague
    assert 'id="reply-form"' not in response.content.decode()


def test_the_messages_poll_sends_only_new_messages(client: Any, world: World) -> None:
    conversation = make_conversation(
        world.desk, state=ConversationState.ACTIVE, taken_by=world.staff
    )
    client.force_login(world.staff)
    url = f"{world.base()}/chats/{conversation.pk}/messages/"
    last = conversation.messages.last()
    assert last is not None
    state = {"after": str(last.pk), "state": "active"}
    assert client.get(url, state, **HTMX).status_code == 204
    ConversationMessage.objects.create(
        conversation=conversation, sender=Sender.RESIDENT, text="Tack, det fungerar!"
    )
    response = client.get(url, state, **HTMX)
    content = response.content.decode()
    assert response.status_code == 200 and "Tack, det fungerar!" in content
    assert "Var får jag dörrkoden?" not in content  # the older ones are on the page already
    assert 'hx-swap-oob="true"' in content
    Conversation.objects.filter(pk=conversation.pk).update(state=ConversationState.CLOSED)
    newest = conversation.messages.last()
    assert newest is not None
    closed = client.get(url, {"after": str(newest.pk), "state": "closed"}, **HTMX)
    assert closed.status_code == 286  # htmx stops polling a closed conversation


def test_other_desks_and_viewers_cannot_reach_the_chats(client: Any, world: World) -> None:
    conversation = make_conversation(world.desk)
    client.force_login(world.other_staff)
    base = world.base()
    for url in (f"{base}/chats/", f"{base}/chats/{conversation.pk}/"):
        assert client.get(url).status_code == 404
    for url in (f"{base}/chats/{conversation.pk}/take/", f"{base}/duty/"):
        assert client.post(url, {"action": "start"}).status_code == 404
    theirs = world.base(organisation=world.other_desk)
    assert client.get(f"{theirs}/chats/{conversation.pk}/").status_code == 404
    assert client.post(f"{theirs}/chats/{conversation.pk}/take/").status_code == 404
    client.force_login(world.viewer)
    assert client.post(f"{base}/chats/{conversation.pk}/take/").status_code == 403
    assert Conversation.objects.get(pk=conversation.pk).state == ConversationState.WAITING
    assert not DutyShift.objects.exists()


def test_a_non_desk_organisation_has_no_chats(client: Any, world: World) -> None:
    client.force_login(world.staff)
    assert client.get(f"{world.base(organisation=world.library)}/chats/").status_code == 404
