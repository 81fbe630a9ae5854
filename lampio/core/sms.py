"""Text messages (SMS) behind one small interface, with the backend chosen in settings.

`LAMPIO_SMS_BACKEND` names a backend: "console" (the default: the text goes to the log, as the
embedded demo has no gateway), "locmem" (tests: messages are kept in `outbox`, like
`django.core.mail.outbox`) or "gatewayapi" (a real HTTP gateway, see `lampio.core.sms_gateway`).

A backend that could not hand the message over raises `SmsNotSent`: callers that queue
messages (the notifications outbox) retry later; callers that answer a person right away show
its translated message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from lampio.core.errors import DomainError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TextMessage:
    to: str  # E.164, e.g. +358401234567
    text: str


class SmsNotSent(DomainError):
    """The gateway did not take the message. `detail` is short and safe to store (no secrets);
    `transient` says whether trying again later may help (gateway down, timeout, overload)."""

    status = 503
    code = "sms_not_sent"
    default_message = _(
        "The text message could not be sent just now. Please try again in a moment."
    )

    def __init__(self, detail: str, *, transient: bool = True) -> None:
        super().__init__()
        self.detail = detail[:200]
        self.transient = transient


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


def _gatewayapi() -> SmsBackend:
    # Imported on use: the HTTP adapter reads its settings when built.
    from lampio.core.sms_gateway import GatewayApiBackend

    return GatewayApiBackend()


BACKENDS: dict[str, type[SmsBackend]] = {"console": ConsoleBackend, "locmem": LocmemBackend}
FACTORIES = {"gatewayapi": _gatewayapi}


def get_backend() -> SmsBackend:
    name = getattr(settings, "LAMPIO_SMS_BACKEND", "console")
    if name in FACTORIES:
        return FACTORIES[name]()
    try:
        return BACKENDS[name]()
    except KeyError as error:
        raise ImproperlyConfigured(f"Unknown LAMPIO_SMS_BACKEND {name!r}") from error


def send_sms(to: str, text: str) -> None:
    """Send `text` to `to`; raises `SmsNotSent` when the gateway did not take it."""
    get_backend().send(TextMessage(to=to, text=text))
