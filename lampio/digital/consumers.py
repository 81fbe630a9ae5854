"""The live session socket: chat, questions, applause and the audience count.

Viewers connect to `ws/sessions/<id>/`, the provider's console to `ws/sessions/<id>/console/`.
A socket is accepted only for someone who may watch (the same rule as the page). Sockets do not
join the channel layer themselves: the process's hub (hub.py) receives each event once and
sends it to them in batches. Writes go through the same services as the HTML forms; the
services publish the result after commit.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lampio.core.errors import DomainError
from lampio.digital import hub
from lampio.digital.audience import is_provider_staff, may_watch
from lampio.digital.models import MessageKind
from lampio.digital.services import broadcast as broadcast_services
from lampio.digital.services import chat as chat_services
from lampio.offerings.models import Occurrence

SHOW_NAME = "digital_show_name"  # the session flag the chat form's "Show my name" sets


class SessionConsumer(AsyncJsonWebsocketConsumer):
    # No channel of its own: the hub is this socket's only link to the channel layer.
    channel_layer_alias = "lampio-sockets-use-the-hub"
    is_console = False

    viewer_key = ""
    language = ""
    occurrence_id = 0
    joined = False

    async def connect(self) -> None:
        self.occurrence_id = int(self.scope["url_route"]["kwargs"]["occurrence_id"])
        # The page's language (`?lang=`), for the refusals and thanks this socket answers with.
        query = parse_qs(self.scope.get("query_string", b"").decode(errors="replace"))
        wanted = (query.get("lang") or [""])[0]
        languages = {code for code, _name in settings.LANGUAGES}
        self.language = wanted if wanted in languages else settings.LANGUAGE_CODE
        hello = await database_sync_to_async(self._admit, thread_sensitive=False)()
        if hello is None:
            await self.close()
            return
        await self.accept()
        await hub.join(self.occurrence_id, self)
        self.joined = True
        await self.send_json({"events": [hello]})

    def _admit(self) -> dict[str, Any] | None:
        """Check the person may watch, mark them present, and say hello; None refuses."""
        user = self.scope.get("user")
        occurrence = (
            Occurrence.objects.select_related("offering", "broadcast")
            .filter(pk=self.occurrence_id)
            .first()
        )
        if occurrence is None or not may_watch(user, occurrence):
            return None
        if self.is_console and not is_provider_staff(user, occurrence):
            return None
        session = self.scope.get("session")
        session_key = getattr(session, "session_key", None)
        show_name = bool(session and session.get(SHOW_NAME)) and not self.is_console
        self.viewer_key = broadcast_services.viewer_key(session_key or secrets.token_hex(16))
        now = timezone.now()
        if not self.is_console:
            name = chat_services.public_name(user) if user and user.is_authenticated else ""
            broadcast_services.touch_viewer(
                occurrence=occurrence,
                key=self.viewer_key,
                now=now,
                show_name=show_name,
                display_name=name,
            )
        return {
            "type": "hello",
            "reactions": chat_services.reaction_counts(occurrence),
            "audience": broadcast_services.audience_count(occurrence=occurrence, now=now),
            "chat_open": chat_services.chat_is_open(occurrence, now),
        }

    async def disconnect(self, code: int) -> None:
        if self.joined:
            self.joined = False
            await hub.leave(self.occurrence_id, self)

    async def send_frame(self, text: str) -> None:
        await self.send(text_data=text)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        if not isinstance(content, dict):
            return
        with translation.override(self.language):
            await self._receive(content)

    async def _receive(self, content: dict[str, Any]) -> None:
        action = content.get("type")
        ref = content.get("ref")
        try:
            if action in (MessageKind.CHAT, MessageKind.QUESTION):
                await self._write(
                    self._post,
                    str(content.get("text", "")),
                    str(action),
                    bool(content.get("show_name")),
                )
                reply: dict[str, Any] = {"type": "ack", "kind": action, "ref": ref}
                if action == MessageKind.QUESTION:
                    reply["message"] = _("Thank you. Your question went to the performer.")
                await self.send_json({"events": [reply]})
            elif action == "react":
                await self._write(self._react, str(content.get("kind", "")))
        except DomainError as error:
            await self.send_json(
                {"events": [{"type": "error", "message": str(error.message), "ref": ref}]}
            )

    async def _write(self, write: Callable[..., None], *args: Any) -> None:
        """Run a service in a worker thread, then send its events from the event loop.

        Writes of different sockets run in parallel threads (each with its own database
        connection), so one slow write does not hold up everyone else's.
        """
        with hub.deferred_events() as events:
            await database_sync_to_async(write, thread_sensitive=False)(*args)
        await hub.send_all(events)

    def _occurrence(self) -> Occurrence:
        return Occurrence.objects.select_related("offering", "broadcast").get(pk=self.occurrence_id)

    def _post(self, text: str, kind: str, show_name: bool) -> None:
        user = self.scope.get("user")
        occurrence = self._occurrence()
        chat_services.post_message(
            actor=user, occurrence=occurrence, text=text, kind=kind, show_name=show_name
        )
        session = self.scope.get("session")
        if session is not None and bool(session.get(SHOW_NAME)) != show_name:
            # Remember the choice, as the form does, and show the name to the performer.
            session[SHOW_NAME] = show_name
            session.save()
            if not self.is_console:
                broadcast_services.touch_viewer(
                    occurrence=occurrence,
                    key=self.viewer_key,
                    now=timezone.now(),
                    show_name=show_name,
                    display_name=chat_services.public_name(user),
                )

    def _react(self, kind: str) -> None:
        chat_services.react(actor=self.scope.get("user"), occurrence=self._occurrence(), kind=kind)


class ConsoleConsumer(SessionConsumer):
    """The provider's screen: everything viewers see, plus questions."""

    is_console = True
