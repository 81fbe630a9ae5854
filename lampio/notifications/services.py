"""Queue messages to people: render in their language, write outbox rows, send after commit."""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import translation

from lampio.accounts.models import User
from lampio.notifications import tasks
from lampio.notifications.models import Channel, Delivery, MessageTemplate, Preference
from lampio.notifications.registry import MessageKind, message_kind
from lampio.tenancy.models import Organisation


def wants_non_essential(person: User) -> bool:
    preference = Preference.objects.filter(person=person).first()
    return preference is None or preference.non_essential


def render(text: str, context: dict[str, Any]) -> str:
    """Plain-text rendering: messages are not HTML, so nothing is escaped."""
    return Template(text).render(Context(context, autoescape=False)).strip()


def texts_for(
    kind: MessageKind, organisation: Organisation | None, language: str
) -> tuple[str, str, str]:
    """(subject, body, sms) in `language`: the organisation's own text, else the default."""
    own = (
        MessageTemplate.objects.filter(organisation=organisation, key=kind.key).first()
        if organisation is not None
        else None
    )
    with translation.override(language):
        defaults = (str(kind.subject), str(kind.body), str(kind.sms))
    if own is None:
        return defaults
    return tuple(  # type: ignore[return-value]
        getattr(own, f"{name}_{language}", "") or default
        for name, default in zip(("subject", "body", "sms"), defaults, strict=True)
    )


def notify(
    *,
    recipient: User,
    key: str,
    context: dict[str, Any],
    organisation: Organisation | None = None,
    dedupe_key: str = "",
    attachments: list[dict[str, str]] | None = None,
) -> list[Delivery]:
    """Queue `key` to `recipient` by email and, when the kind has a text, by SMS.

    Call inside the transaction that made the change: the rows commit with it and are sent
    after. A repeated `dedupe_key` queues nothing (the first message stands).
    """
    kind = message_kind(key)
    if not recipient.is_active or recipient.deleted_at is not None:
        return []
    if not kind.essential and not wants_non_essential(recipient):
        return []
    language = recipient.preferred_language or "fi"
    subject, body, sms = texts_for(kind, organisation, language)
    with translation.override(language):
        rendered = {
            Channel.EMAIL: (render(subject, context), render(body, context)),
            Channel.SMS: ("", render(sms, context) if sms else ""),
        }
    addresses = {Channel.EMAIL: recipient.email or "", Channel.SMS: recipient.phone or ""}
    queued: list[Delivery] = []
    for channel in (Channel.EMAIL, Channel.SMS):
        subject_text, text = rendered[channel]
        if not addresses[channel] or not text:
            continue
        delivery = Delivery(
            recipient=recipient,
            organisation=organisation,
            key=key,
            channel=channel,
            to=addresses[channel],
            language=language,
            subject=subject_text[:300],
            body=text,
            attachments=attachments or [] if channel == Channel.EMAIL else [],
            dedupe_key=dedupe_key,
        )
        try:
            with transaction.atomic():
                delivery.save()
        except IntegrityError:
            if dedupe_key:
                continue  # already queued once
            raise
        queued.append(delivery)
        transaction.on_commit(partial(tasks.deliver.enqueue, delivery.pk))
    return queued
