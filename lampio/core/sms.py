"""Text messages (SMS) behind one small interface, with the backend chosen in settings.

`LAMPIO_SMS_BACKEND` names a backend: "console" (the default: the text goes to the log, as the
embedded demo has no gateway) or "locmem" (tests: messages are kept in `outbox`, like
`django.core.mail.outbox`). A production gateway is one more class with a `send` method.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextMessage:
    to: str  # E.164, e.g. +358401234567
    text: str


class SmsBackend(Protocol):
    def send(self, message: TextMessage) -> None: ...


class ConsoleBackend:
    """Logs the message instead of sending it."""

    def send(self, message: TextMessage) -> None:
        logger.info("SMS to %s: %s", message.to, message.text)


# Messages the locmem backend "sent", oldest first; tests clear it between cases.
outbox: list[TextMessage] = []


class LocmemBackend:
    def send(self, message: TextMessage) -> None:
        outbox.append(message)


BACKENDS: dict[str, type[SmsBackend]] = {"console": ConsoleBackend, "locmem": LocmemBackend}


def get_backend() -> SmsBackend:
    name = getattr(settings, "LAMPIO_SMS_BACKEND", "console")
    try:
        return BACKENDS[name]()
    except KeyError as error:
        raise ImproperlyConfigured(f"Unknown LAMPIO_SMS_BACKEND {name!r}") from error


def send_sms(to: str, text: str) -> None:
    get_backend().send(TextMessage(to=to, text=text))
