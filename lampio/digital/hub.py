"""One hub per session per server process: fan-out of live events to that process's sockets.

Why not put every socket in the channel-layer group? Then one chat line to 500 viewers is 500
layer messages (500 Redis round trips, 500 JSON encodings). Instead each process joins the
session's group once (`session.<id>`), receives each event once, and sends it on to its own
sockets. Events are gathered for `BATCH_SECONDS` and sent as one frame, encoded once and shared
by every socket; reaction counts are coalesced to at most a few updates a second.

Writers (services, after commit) publish one event per change with `publish_after_commit`.
The hub also keeps its viewers present (one UPDATE for all its sockets every
`HEARTBEAT_SECONDS`) and tells its sockets the audience count.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from lampio.core.cache import REDIS_DOWN

logger = logging.getLogger(__name__)

# How long events gather before one frame goes to every socket: longer means fewer frames for
# the server and the browsers under a busy chat, shorter means quicker delivery.
BATCH_SECONDS = settings.LAMPIO_LIVE_BATCH_MS / 1000
REACTION_SECONDS = 0.5
HEARTBEAT_SECONDS = 30.0
AUDIENCE_SECONDS = 5.0


def group_name(occurrence_id: int) -> str:
    return f"session.{occurrence_id}"


def console_group_name(occurrence_id: int) -> str:
    return f"session.{occurrence_id}.console"


# Set by a socket while its write runs in a worker thread: events are handed back to the socket,
# which sends them from the event loop, instead of the thread blocking on the loop to send them.
_deferred: ContextVar[list[tuple[str, dict[str, Any]]] | None] = ContextVar(
    "lampio_live_deferred", default=None
)


@contextmanager
def deferred_events() -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """Collect the events published inside the block; the caller sends them with `send_all`."""
    collected: list[tuple[str, dict[str, Any]]] = []
    token = _deferred.set(collected)
    try:
        yield collected
    finally:
        _deferred.reset(token)


async def send_all(events: list[tuple[str, dict[str, Any]]]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for group, message in events:
        try:
            await layer.group_send(group, message)
        except Exception as error:  # (the change is saved; live pages catch up on refresh)
            _log_failed_publish(error, group)


def publish(occurrence_id: int, event: dict[str, Any], *, console_only: bool = False) -> None:
    """Send one event to every process watching the session (sync callers)."""
    group = console_group_name(occurrence_id) if console_only else group_name(occurrence_id)
    message = {"type": "session.event", "event": event, "console": console_only}
    collected = _deferred.get()
    if collected is not None:
        collected.append((group, message))
        return
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception as error:  # (the change is saved; live pages catch up on refresh)
        _log_failed_publish(error, group)


def _log_failed_publish(error: Exception, group: str) -> None:
    if isinstance(error, REDIS_DOWN):
        # An outage repeats on every event: one line each, the cache logs the outage itself.
        logger.error("Could not publish a live event to %s: %s", group, type(error).__name__)
    else:
        logger.exception("Could not publish a live event to %s", group)


def publish_after_commit(
    occurrence_id: int, event: dict[str, Any], *, console_only: bool = False
) -> None:
    transaction.on_commit(lambda: publish(occurrence_id, event, console_only=console_only))


class Socket(Protocol):
    viewer_key: str
    is_console: bool

    async def send_frame(self, text: str) -> None: ...


class SessionHub:
    def __init__(self, occurrence_id: int) -> None:
        self.occurrence_id = occurrence_id
        self.layer = get_channel_layer()
        self.sockets: set[Socket] = set()
        self.channel = ""
        self.console_joined = False
        self.pending: list[dict[str, Any]] = []
        self.pending_console: list[dict[str, Any]] = []
        self.reactions: dict[str, Any] | None = None
        self.reactions_sent_at = 0.0
        self.flush_timer: asyncio.TimerHandle | None = None
        self.reaction_timer: asyncio.TimerHandle | None = None
        self.audience_changed = True
        self.tasks: list[asyncio.Future[Any]] = []

    async def start(self) -> None:
        if self.layer is not None:
            self.channel = await self.layer.new_channel()
            await self.layer.group_add(group_name(self.occurrence_id), self.channel)
            self.tasks.append(asyncio.create_task(self._read()))
        self.tasks.append(asyncio.create_task(self._presence()))

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        for timer in (self.flush_timer, self.reaction_timer):
            if timer is not None:
                timer.cancel()
        if self.layer is not None:
            await self.layer.group_discard(group_name(self.occurrence_id), self.channel)
            if self.console_joined:
                await self.layer.group_discard(console_group_name(self.occurrence_id), self.channel)

    async def add(self, socket: Socket) -> None:
        self.sockets.add(socket)
        self.audience_changed = True
        if socket.is_console and not self.console_joined and self.layer is not None:
            self.console_joined = True
            await self.layer.group_add(console_group_name(self.occurrence_id), self.channel)

    def discard(self, socket: Socket) -> bool:
        """Forget a socket; True when it was the last one."""
        self.sockets.discard(socket)
        self.audience_changed = True
        return not self.sockets

    # --- Receiving and fanning out ---------------------------------------------------------

    async def _read(self) -> None:
        if self.layer is None:
            return
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # (a layer hiccup must not end the hub)
                # Redis answers an idle blocking read with a timeout: read again at once.
                if "Timeout" not in type(error).__name__:
                    logger.exception("Live hub of session %s could not read", self.occurrence_id)
                    await asyncio.sleep(0.2)
                continue
            self.deliver(message.get("event") or {}, console_only=bool(message.get("console")))

    def deliver(self, event: dict[str, Any], *, console_only: bool = False) -> None:
        """Queue an event for this process's sockets; it goes out with the next batch."""
        loop = asyncio.get_running_loop()
        if event.get("type") == "reactions":
            self.reactions = event
            if self.reaction_timer is None:
                wait = max(0.0, self.reactions_sent_at + REACTION_SECONDS - time.monotonic())
                self.reaction_timer = loop.call_later(wait, self._spawn, self._flush_reactions)
            return
        (self.pending_console if console_only else self.pending).append(event)
        if self.flush_timer is None:
            self.flush_timer = loop.call_later(BATCH_SECONDS, self._spawn, self._flush)

    def _spawn(self, flush: Callable[[], Any]) -> None:
        task = asyncio.ensure_future(flush())
        self.tasks.append(task)
        task.add_done_callback(lambda done: self.tasks.remove(done) if done in self.tasks else None)

    async def _flush(self) -> None:
        self.flush_timer = None
        public, console = self.pending, self.pending_console
        self.pending, self.pending_console = [], []
        if public:
            await self._send(public, consoles_only=False)
        if console:
            await self._send(console, consoles_only=True)

    async def _flush_reactions(self) -> None:
        self.reaction_timer = None
        if self.reactions is not None:
            event, self.reactions = self.reactions, None
            self.reactions_sent_at = time.monotonic()
            await self._send([event], consoles_only=False)

    async def _send(self, events: list[dict[str, Any]], *, consoles_only: bool) -> None:
        # Encoded once, shared by every socket of this process.
        frame = json.dumps({"events": events}, separators=(",", ":"))
        for socket in list(self.sockets):
            if consoles_only and not socket.is_console:
                continue
            try:
                await socket.send_frame(frame)
            except Exception:  # (a closed socket; its disconnect removes it)
                self.sockets.discard(socket)

    # --- Presence ---------------------------------------------------------------------------

    async def _presence(self) -> None:
        from lampio.digital.services.broadcast import audience_count, touch_viewers

        touched = time.monotonic()
        while True:
            await asyncio.sleep(AUDIENCE_SECONDS)
            now = timezone.now()
            try:
                if time.monotonic() - touched >= HEARTBEAT_SECONDS:
                    touched = time.monotonic()
                    keys = sorted({socket.viewer_key for socket in self.sockets})
                    await database_sync_to_async(touch_viewers)(
                        occurrence_id=self.occurrence_id, keys=keys, now=now
                    )
                    self.audience_changed = True
                if self.audience_changed:
                    self.audience_changed = False
                    count = await database_sync_to_async(audience_count)(
                        occurrence=self.occurrence_id, now=now
                    )
                    self.deliver({"type": "audience", "count": count})
            except asyncio.CancelledError:
                raise
            except Exception:  # (presence is best effort)
                logger.exception("Live hub of session %s could not count", self.occurrence_id)


# One registry per event loop: a server process has one; tests may start several in turn.
_registries: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[int, SessionHub]] = (
    weakref.WeakKeyDictionary()
)
_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


def _registry() -> tuple[dict[int, SessionHub], asyncio.Lock]:
    loop = asyncio.get_running_loop()
    if loop not in _registries:
        _registries[loop] = {}
        _locks[loop] = asyncio.Lock()
    return _registries[loop], _locks[loop]


async def join(occurrence_id: int, socket: Socket) -> SessionHub:
    """The session's hub in this process (started on first use), with `socket` added."""
    hubs, lock = _registry()
    async with lock:
        hub = hubs.get(occurrence_id)
        if hub is None:
            hub = SessionHub(occurrence_id)
            await hub.start()
            hubs[occurrence_id] = hub
        await hub.add(socket)
    return hub


async def leave(occurrence_id: int, socket: Socket) -> None:
    """Remove `socket`; the last one out stops the hub and leaves the group."""
    hubs, lock = _registry()
    async with lock:
        hub = hubs.get(occurrence_id)
        if hub is not None and hub.discard(socket):
            del hubs[occurrence_id]
            await hub.stop()


def hub_of(occurrence_id: int) -> SessionHub | None:
    """This process's hub of a session, if any socket is connected (tests and diagnostics)."""
    hubs, _lock = _registry()
    return hubs.get(occurrence_id)
