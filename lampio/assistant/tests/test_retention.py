"""Questions and finished conversations are purged after the retention period."""

from __future__ import annotations

import secrets
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from lampio.assistant.models import (
    Conversation,
    ConversationMessage,
    ConversationState,
    Exchange,
    ExchangeOutcome,
)
from lampio.assistant.services.retention import purge_old_questions

pytestmark = pytest.mark.django_db


def exchange(age_days: int) -> Exchange:
    row = Exchange.objects.create(question="Q", language="fi", outcome=ExchangeOutcome.FALLBACK)
    Exchange.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(days=age_days))
    return row


def conversation(org: Any, state: str, age_days: int, **fields: Any) -> Conversation:
    row = Conversation.objects.create(
        municipality=org.municipality,
        organisation=org,
        language="fi",
        state=state,
        token=secrets.token_urlsafe(32),
        contact_email="aino@example.fi",
        **fields,
    )
    ConversationMessage.objects.create(conversation=row, sender="resident", text="Hei")
    then = timezone.now() - timedelta(days=age_days)
    closed = then if state == ConversationState.CLOSED else None
    Conversation.objects.filter(pk=row.pk).update(updated_at=then, closed_at=closed)
    return row


def test_old_questions_and_finished_conversations_are_purged(
    settings: Any, make_organisation: Any, make_user: Any
) -> None:
    settings.LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS = 30
    org = make_organisation()
    old, recent = exchange(31), exchange(29)
    closed = conversation(org, ConversationState.CLOSED, 31, user=make_user())
    sent = conversation(org, ConversationState.TO_FEEDBACK, 31)
    fresh = conversation(org, ConversationState.CLOSED, 5)
    staff = make_user()
    ongoing = conversation(org, ConversationState.ACTIVE, 90, taken_by=staff)
    purged = purge_old_questions()
    assert (purged.exchanges, purged.messages, purged.conversations) == (1, 2, 2)
    assert list(Exchange.objects.all()) == [recent]
    assert not Exchange.objects.filter(pk=old.pk).exists()
    for row in (closed, sent):
        row.refresh_from_db()
        assert not row.messages.exists()
        assert (row.contact_email, row.user) == ("", None)
    assert fresh.messages.exists() and ongoing.messages.exists()
    assert purge_old_questions().exchanges == 0  # safe to run again


def test_the_command_purges_with_the_default_period(settings: Any) -> None:
    if hasattr(settings, "LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS"):
        del settings.LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS
    exchange(181)
    exchange(179)
    out = StringIO()
    call_command("purge_assistant_questions", stdout=out)
    assert Exchange.objects.count() == 1
    assert "180 days" in out.getvalue()
