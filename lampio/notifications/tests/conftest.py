"""Test-only kinds of message: the apps' real kinds are declared by the apps themselves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils.translation import gettext_lazy as _

from lampio.core import sms
from lampio.notifications import registry
from lampio.notifications.registry import MessageKind

OFFER = MessageKind(
    key="test.offer",
    label=_("Test offer"),
    essential=True,
    subject=_("A time for you: {{ space }}"),
    body=_("{{ space }} is free at {{ time }}. Accept it in Lämpiö."),
    sms="Lämpiö: {{ space }} {{ time }}",  # no words to translate
    sample={"space": "Sali 1", "time": "18:00"},
)
REMINDER = MessageKind(
    key="test.reminder",
    label=_("Test reminder"),
    essential=False,
    subject=_("Reminder: {{ space }}"),
    body=_("Your booking of {{ space }} starts tomorrow."),
    sample={"space": "Sali 1"},
)


@pytest.fixture(autouse=True)
def test_kinds() -> Iterator[dict[str, MessageKind]]:
    for kind in (OFFER, REMINDER):
        registry.register(kind)
    yield {"offer": OFFER, "reminder": REMINDER}
    for kind in (OFFER, REMINDER):
        registry._kinds.pop(kind.key, None)


@pytest.fixture(autouse=True)
def sms_outbox(settings: pytest.FixtureRequest) -> Iterator[list[sms.TextMessage]]:
    settings.LAMPIO_SMS_BACKEND = "locmem"  # type: ignore[attr-defined]
    settings.LAMPIO_SITE_URL = "https://lampio.example.fi"  # type: ignore[attr-defined]
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()
