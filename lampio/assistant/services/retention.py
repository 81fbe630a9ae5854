"""Questions asked and finished conversations are personal data with a purpose that ends: after
the retention period, the questions are deleted, and the conversations that were closed or sent
as feedback lose their messages and contact details (the feedback message itself follows
feedback's own retention). The bare conversation rows stay for statistics. Conversations still
waiting or in progress are kept whatever their age."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from lampio.assistant.models import (
    Conversation,
    ConversationMessage,
    ConversationState,
    Exchange,
)

DEFAULT_RETENTION_DAYS = 180
FINISHED = (ConversationState.CLOSED, ConversationState.TO_FEEDBACK)


def retention_days() -> int:
    return int(
        getattr(settings, "LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    )


@dataclass(frozen=True)
class Purged:
    exchanges: int
    conversations: int
    messages: int


def finished_before(cutoff: datetime) -> QuerySet[Conversation]:
    return Conversation.objects.filter(state__in=FINISHED).filter(
        Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, updated_at__lt=cutoff)
    )


def expired_before(cutoff: datetime) -> QuerySet[Conversation]:
    """Finished conversations before `cutoff` that still hold a message or a contact detail (for
    the register's counts; questions asked are counted apart)."""
    finished = finished_before(cutoff)
    return finished.filter(
        Q(messages__isnull=False)
        | Q(user__isnull=False)
        | ~Q(contact_name="")
        | ~Q(contact_email="")
        | ~Q(contact_phone="")
    ).distinct()


@transaction.atomic
def purge_questions_before(cutoff: datetime) -> Purged:
    """Delete exchanges made before `cutoff`; empty the conversations finished before it."""
    exchanges, _by_model = Exchange.objects.filter(created_at__lt=cutoff).delete()
    finished = finished_before(cutoff)
    messages, _by_model = ConversationMessage.objects.filter(conversation__in=finished).delete()
    conversations = finished.exclude(contact_name="", contact_email="", contact_phone="", user=None)
    erased = conversations.update(contact_name="", contact_email="", contact_phone="", user=None)
    return Purged(exchanges=exchanges, conversations=erased, messages=messages)


def purge_old_questions(*, now: datetime | None = None) -> Purged:
    """Delete old exchanges; empty finished conversations older than the period."""
    return purge_questions_before((now or timezone.now()) - timedelta(days=retention_days()))
