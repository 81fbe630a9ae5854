"""The live socket, with Channels' in-memory layer: who may connect, and what reaches whom."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from lampio.digital import hub
from lampio.digital.models import ChatMessage
from lampio.digital.routing import websocket_urlpatterns
from lampio.digital.services import chat

pytestmark = pytest.mark.django_db(transaction=True)

application = URLRouter(websocket_urlpatterns)


@pytest.fixture(autouse=True)
def _in_memory_layer(settings: Any) -> None:
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    from channels.layers import channel_layers

    channel_layers.backends.clear()


def socket(occurrence: Any, user: Any, *, console: bool = False) -> WebsocketCommunicator:
    path = f"/ws/sessions/{occurrence.pk}/{'console/' if console else ''}?lang=en"
    communicator = WebsocketCommunicator(application, path)
    communicator.scope["user"] = user or AnonymousUser()
    return communicator


async def events(communicator: WebsocketCommunicator, wanted: str, timeout: float = 2) -> dict:
    """The next event of type `wanted` (frames hold batches of events)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        frame = await communicator.receive_json_from(timeout=max(0.01, deadline - loop.time()))
        for event in frame["events"]:
            if event["type"] == wanted:
                return event


def test_a_person_who_may_not_watch_is_refused(chat_live_session: Any, make_user: Any) -> None:
    async def scenario() -> None:
        for user in (None, make_user_async):
            communicator = socket(chat_live_session, user)
            connected, _code = await communicator.connect()
            assert not connected

    make_user_async = make_user()
    async_to_sync(scenario)()


def test_console_socket_is_for_the_providers_staff_only(
    chat_live_session: Any, chat_viewer: Any
) -> None:
    async def scenario() -> None:
        communicator = socket(chat_live_session, chat_viewer, console=True)
        connected, _code = await communicator.connect()
        assert not connected

    async_to_sync(scenario)()


def test_a_message_reaches_two_viewers_and_hiding_it_reaches_them_too(
    chat_live_session: Any, chat_viewer: Any, concert_editor: Any, make_user: Any
) -> None:
    from lampio.offerings.models import Enrolment, EnrolmentStatus

    other = make_user()
    Enrolment.objects.create(
        occurrence=chat_live_session, person=other, seats=1, status=EnrolmentStatus.CONFIRMED
    )

    async def scenario() -> None:
        first, second = socket(chat_live_session, chat_viewer), socket(chat_live_session, other)
        for communicator in (first, second):
            connected, _code = await communicator.connect()
            assert connected
            hello = await events(communicator, "hello")
            assert hello["reactions"]["applause"] == 0
        # Both sockets share this process's one hub, which holds one layer membership.
        assert len(hub.hub_of(chat_live_session.pk).sockets) == 2
        await first.send_json_to({"type": "chat", "text": "Hienoa!", "show_name": True})
        ack = await events(first, "ack")
        assert ack["kind"] == "chat"
        for communicator in (first, second):
            message = await events(communicator, "message")
            assert message["text"] == "Hienoa!"
            assert message["name"] == "Aino"
            assert "author" not in message
        stored = await ChatMessage.objects.aget(text="Hienoa!")
        from channels.db import database_sync_to_async

        await database_sync_to_async(chat.hide_message)(
            actor=concert_editor, occurrence=chat_live_session, message_id=stored.pk
        )
        for communicator in (first, second):
            assert (await events(communicator, "hidden"))["id"] == stored.pk
        await first.disconnect()
        await second.disconnect()
        assert hub.hub_of(chat_live_session.pk) is None

    async_to_sync(scenario)()


def test_a_question_goes_to_the_console_only_and_is_acknowledged(
    chat_live_session: Any, chat_viewer: Any, concert_editor: Any
) -> None:
    async def scenario() -> None:
        viewer = socket(chat_live_session, chat_viewer)
        console = socket(chat_live_session, concert_editor, console=True)
        assert (await viewer.connect())[0]
        assert (await console.connect())[0]
        await viewer.send_json_to({"type": "question", "text": "Mikä kappale?"})
        ack = await events(viewer, "ack")
        assert ack["kind"] == "question" and "performer" in ack["message"]
        question = await events(console, "message")
        assert question["kind"] == "question" and question["text"] == "Mikä kappale?"
        # Viewers get nothing of it (a batch would have gone out within 0.1 s).
        assert await viewer.receive_nothing(timeout=0.5)
        await viewer.disconnect()
        await console.disconnect()

    async_to_sync(scenario)()


def test_refusals_come_back_in_the_pages_language_and_applause_is_counted(
    chat_live_session: Any, chat_viewer: Any
) -> None:
    async def scenario() -> None:
        viewer = socket(chat_live_session, chat_viewer)
        assert (await viewer.connect())[0]
        await viewer.send_json_to({"type": "chat", "text": "   ", "ref": 7})
        error = await events(viewer, "error")
        assert error == {"type": "error", "message": "Write a message first.", "ref": 7}
        await viewer.send_json_to({"type": "react", "kind": "applause"})
        await viewer.send_json_to({"type": "react", "kind": "applause"})
        counts = await events(viewer, "reactions")
        # Coalesced: the counts may arrive once for both claps.
        assert counts["counts"]["applause"] in (1, 2)
        await viewer.disconnect()

    async_to_sync(scenario)()
