"""The audience's chat, questions to the performer and applause, and their moderation.

Everything is published to the session's live viewers after the transaction commits
(`hub.publish_after_commit`), so a socket never shows a message that was rolled back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from auditlog.context import disable_auditlog
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    RateLimited,
)
from lampio.digital import hub
from lampio.digital.audience import is_provider_staff, may_watch, may_write
from lampio.digital.models import (
    ChatMessage,
    ChatMute,
    MessageKind,
    ReactionCount,
    ReactionKind,
)
from lampio.digital.phase import Phase, broadcast_of, session_phase
from lampio.offerings.models import Occurrence

MAX_LENGTH = 500
# One message per person every two seconds: enough to talk, too little to flood 500 screens.
SECONDS_BETWEEN_MESSAGES = 2
CHAT_PHASES = frozenset({Phase.DOORS_OPEN, Phase.LIVE})


class ChatClosed(Conflict):
    code = "chat_closed"
    default_message = gettext_lazy("The chat is closed at the moment.")


class Muted(PermissionDenied):
    code = "muted"
    default_message = gettext_lazy("The moderator has turned off your messages in this session.")


class TooFast(RateLimited):
    default_message = gettext_lazy("Please wait a moment before you send the next message.")


def chat_is_open(occurrence: Occurrence, now: datetime) -> bool:
    """Open while the doors are open or the session is live, unless the provider closed it."""
    broadcast = broadcast_of(occurrence)
    if broadcast is not None and not broadcast.chat_open:
        return False
    return session_phase(occurrence, now) in CHAT_PHASES


def public_name(actor: User) -> str:
    """Only the first name, never the email address that `display_name` may fall back to."""
    return (actor.first_name or "").strip()[:60]


def message_event(message: ChatMessage) -> dict[str, Any]:
    """What viewers receive of a message: no author id, a name only if the person chose it.

    Events are sent once to every viewer whatever their language, so they carry no UI text.
    """
    return {
        "type": "message",
        "id": message.pk,
        "kind": message.kind,
        "text": message.text,
        # Blank for "Viewer": each page says it in its own language.
        "name": message.display_name,
        "time": timezone.localtime(message.created_at).strftime("%H:%M"),
    }


def _check_pace(actor: User, occurrence: Occurrence) -> None:
    # `cache.add` is atomic (Redis SET NX in production), so two quick posts cannot both pass.
    key = f"digital-chat-pace:{occurrence.pk}:{actor.pk}"
    if not cache.add(key, 1, timeout=SECONDS_BETWEEN_MESSAGES):
        raise TooFast()


def post_message(
    *,
    actor: Any,
    occurrence: Occurrence,
    text: str,
    kind: str = MessageKind.CHAT,
    show_name: bool = False,
    now: datetime | None = None,
) -> ChatMessage:
    """A chat message to everyone watching, or a question only the provider's screen shows."""
    now = now or timezone.now()
    if not may_write(actor, occurrence):
        raise PermissionDenied(_("Take part in the session to write in its chat."))
    if kind not in MessageKind.values:
        raise InvalidInput(_("Choose a message or a question."), field="kind")
    text = (text or "").strip()
    if not text:
        raise InvalidInput(_("Write a message first."), field="text")
    if len(text) > MAX_LENGTH:
        raise InvalidInput(
            _("A message can be at most %(count)d characters long.") % {"count": MAX_LENGTH},
            field="text",
        )
    if not chat_is_open(occurrence, now):
        raise ChatClosed()
    staff = is_provider_staff(actor, occurrence)
    if not staff and ChatMute.objects.filter(occurrence=occurrence, person=actor).exists():
        raise Muted()
    _check_pace(actor, occurrence)
    # Writing is not a staff change: only moderation is audited, not each message (the audit
    # log must not become a second copy of the chat, and it would double the writes).
    with transaction.atomic(), disable_auditlog():
        message = ChatMessage.objects.create(
            occurrence=occurrence,
            author=actor,
            kind=kind,
            text=text,
            display_name=public_name(actor) if show_name else "",
        )
        event = message_event(message)
        if kind == MessageKind.QUESTION:
            hub.publish_after_commit(occurrence.pk, event, console_only=True)
        else:
            hub.publish_after_commit(occurrence.pk, event)
    return message


def _moderated(actor: Any, message_id: int, occurrence: Occurrence) -> ChatMessage:
    if not is_provider_staff(actor, occurrence):
        raise PermissionDenied()
    message = ChatMessage.objects.filter(pk=message_id, occurrence=occurrence).first()
    if message is None:
        raise NotFound()
    return message


def hide_message(*, actor: User, occurrence: Occurrence, message_id: int) -> ChatMessage:
    """Take a message off every screen; it stays in the database, marked hidden (audited)."""
    with transaction.atomic(), set_actor(actor):
        message = _moderated(actor, message_id, occurrence)
        if not message.is_hidden:
            message.is_hidden = True
            message.hidden_by = actor
            message.save(update_fields=["is_hidden", "hidden_by"])
            hub.publish_after_commit(occurrence.pk, {"type": "hidden", "id": message.pk})
    return message


def mute_person(*, actor: User, occurrence: Occurrence, message_id: int) -> ChatMute:
    """Stop the author of a message from writing in this session, and hide the message."""
    with transaction.atomic(), set_actor(actor):
        message = _moderated(actor, message_id, occurrence)
        if message.author_id is None:
            raise InvalidInput(_("The writer of this message has deleted their account."))
        if is_provider_staff(message.author, occurrence):
            raise InvalidInput(_("The provider's own staff cannot be muted."))
        mute, _created = ChatMute.objects.get_or_create(
            occurrence=occurrence, person_id=message.author_id, defaults={"muted_by": actor}
        )
    hide_message(actor=actor, occurrence=occurrence, message_id=message_id)
    return mute


def mark_answered(
    *, actor: User, occurrence: Occurrence, message_id: int, now: datetime | None = None
) -> ChatMessage:
    """The performer has answered a question (audited)."""
    with transaction.atomic(), set_actor(actor):
        message = _moderated(actor, message_id, occurrence)
        if message.answered_at is None:
            message.answered_at = now or timezone.now()
            message.save(update_fields=["answered_at"])
            hub.publish_after_commit(
                occurrence.pk, {"type": "answered", "id": message.pk}, console_only=True
            )
    return message


def reaction_counts(occurrence: Occurrence) -> dict[str, int]:
    counts = dict.fromkeys(ReactionKind.values, 0)
    counts.update(ReactionCount.objects.filter(occurrence=occurrence).values_list("kind", "count"))
    return counts


def react(
    *, actor: Any, occurrence: Occurrence, kind: str, now: datetime | None = None
) -> dict[str, int]:
    """Clap (or a heart or smile): anyone watching, signed in or not; only the count is kept."""
    now = now or timezone.now()
    if kind not in ReactionKind.values:
        raise InvalidInput(_("Choose a reaction."), field="kind")
    if not may_watch(actor, occurrence):
        raise PermissionDenied()
    if session_phase(occurrence, now) not in CHAT_PHASES:
        raise ChatClosed(_("Applause opens when the session starts."))
    with transaction.atomic():
        counter, _created = ReactionCount.objects.get_or_create(occurrence=occurrence, kind=kind)
        ReactionCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        counts = reaction_counts(occurrence)
        hub.publish_after_commit(occurrence.pk, {"type": "reactions", "counts": counts})
    return counts
