"""Reads of the live side: the chat as viewers see it, and the provider's console lists."""

from __future__ import annotations

from django.db.models import QuerySet

from lampio.digital.models import AudienceMessage, ChatMessage, ChatMute, MessageKind
from lampio.offerings.models import Occurrence

SHOWN_MESSAGES = 30
CONSOLE_MESSAGES = 100


def visible_messages(*, occurrence: Occurrence, limit: int = SHOWN_MESSAGES) -> list[ChatMessage]:
    """The last `limit` chat messages nobody hid, oldest first (questions are not shown)."""
    latest = ChatMessage.objects.filter(
        occurrence=occurrence, kind=MessageKind.CHAT, is_hidden=False
    ).order_by("-created_at", "-pk")[:limit]
    return list(reversed(latest))


def console_messages(
    *, occurrence: Occurrence, kind: str, limit: int = CONSOLE_MESSAGES
) -> list[ChatMessage]:
    """The latest messages or questions for the moderator, hidden ones included and marked."""
    latest = ChatMessage.objects.filter(occurrence=occurrence, kind=kind).order_by(
        "-created_at", "-pk"
    )[:limit]
    return list(reversed(latest))


def muted_ids(*, occurrence: Occurrence) -> set[int]:
    return set(ChatMute.objects.filter(occurrence=occurrence).values_list("person_id", flat=True))


def sent_audience_messages(*, occurrence: Occurrence) -> QuerySet[AudienceMessage]:
    return AudienceMessage.objects.filter(occurrence=occurrence).select_related("sent_by")
