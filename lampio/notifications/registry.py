"""The kinds of message Lämpiö sends, declared by the app that sends them.

A kind has default texts (gettext, so each language has a hand-translated default) written as
Django template text with the kind's context variables, e.g. ``{{ space }}``. Staff may
replace the texts per organisation (see `MessageTemplate`); the defaults stay as fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class MessageKind:
    key: str  # "bookings.reminder"
    label: Promise  # what staff see in the template list
    # Essential messages (confirmations, codes, offers the person asked for) are always sent;
    # the others (reminders, alerts, feedback requests) stop when the person unsubscribes.
    essential: bool
    subject: Promise
    body: Promise
    sms: Promise | str = ""  # empty: never sent as a text message
    # Context for the staff preview: every variable the texts may use, with an example value.
    sample: dict[str, Any] = field(default_factory=dict)


_kinds: dict[str, MessageKind] = {}


def register(kind: MessageKind) -> MessageKind:
    _kinds[kind.key] = kind
    return kind


def message_kind(key: str) -> MessageKind:
    return _kinds[key]


def message_kinds() -> list[MessageKind]:
    return [_kinds[key] for key in sorted(_kinds)]
