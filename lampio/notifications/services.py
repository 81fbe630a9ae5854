"""Queue messages to people: render in their language, write outbox rows, send after commit.

Also the person's own choices (non-essential messages on or off, by page or by the link in a
message) and staff sending a failed message again.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, NotFound
from lampio.core.multilingual import LANGUAGES
from lampio.core.phones import normalise_mobile
from lampio.notifications import tasks
from lampio.notifications.models import (
    Channel,
    Delivery,
    DeliveryStatus,
    MessageTemplate,
    Preference,
)
from lampio.notifications.registry import MessageKind, message_kind
from lampio.notifications.selectors import person_for_token
from lampio.notifications.tokens import unsubscribe_url
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


def wants_non_essential(person: User) -> bool:
    preference = Preference.objects.filter(person=person).first()
    return preference is None or preference.non_essential


@lru_cache(maxsize=512)
def _compiled(text: str) -> Template:
    # A message kind has a few texts per language; compiling one cost more than rendering it.
    return Template(text)


def render(text: str, context: dict[str, Any]) -> str:
    """Plain-text rendering: messages are not HTML, so nothing is escaped."""
    return _compiled(text).render(Context(context, autoescape=False)).strip()


# Every message asks whether its organisation has texts of its own (most keep the defaults):
# the three columns of one language, one row at most by the unique key, in SQL written once
# (decision 0021; names from the code).
OWN_TEXTS = {
    language: (
        f"SELECT subject_{language}, body_{language}, sms_{language}"  # noqa: S608
        f' FROM {MessageTemplate._meta.db_table} WHERE organisation_id = %s AND "key" = %s'
    )
    for language in LANGUAGES
}


def texts_for(
    kind: MessageKind, organisation_id: int | None, language: str
) -> tuple[str, str, str]:
    """(subject, body, sms) in `language`: the organisation's own text, else the default."""
    with translation.override(language):
        defaults = (str(kind.subject), str(kind.body), str(kind.sms))
    if organisation_id is None or language not in LANGUAGES:
        return defaults
    with connection.cursor() as cursor:
        cursor.execute(OWN_TEXTS[language], [organisation_id, kind.key])
        own = cursor.fetchone()
    if own is None:
        return defaults
    return tuple(  # type: ignore[return-value]
        text or default for text, default in zip(own, defaults, strict=True)
    )


def unsubscribe_footer(person: User, language: str) -> str:
    with translation.override(language):
        line = _("Stop reminders, alerts and feedback requests: %(url)s") % {
            "url": unsubscribe_url(person.pk, language)
        }
    return f"\n\n-- \n{line}"


def notify(
    *,
    recipient: User,
    key: str,
    context: dict[str, Any],
    organisation_id: int | None = None,
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
    subject, body, sms = texts_for(kind, organisation_id, language)
    with translation.override(language):
        email_body = render(body, context)
        if not kind.essential and email_body:
            email_body += unsubscribe_footer(recipient, language)
        rendered = {
            Channel.EMAIL: (render(subject, context), email_body),
            Channel.SMS: ("", render(sms, context) if sms else ""),
        }
    # Text messages go only to a number that can receive one (a valid mobile number).
    addresses = {
        Channel.EMAIL: recipient.email or "",
        Channel.SMS: normalise_mobile(recipient.phone or "") or "",
    }
    queued: list[Delivery] = []
    for channel in (Channel.EMAIL, Channel.SMS):
        subject_text, text = rendered[channel]
        if not addresses[channel] or not text:
            continue
        delivery = Delivery(
            recipient=recipient,
            organisation_id=organisation_id,
            key=key,
            channel=channel,
            to=addresses[channel],
            language=language,
            subject=subject_text[:300],
            body=text,
            attachments=(attachments or []) if channel == Channel.EMAIL else [],
            dedupe_key=dedupe_key,
        )
        if dedupe_key:
            try:
                with transaction.atomic():
                    delivery.save()
            except IntegrityError:
                continue  # already queued once
        else:
            delivery.save()  # only a dedupe key can collide: no savepoint to undo to
        queued.append(delivery)
        transaction.on_commit(partial(tasks.deliver.enqueue, delivery.pk))
    return queued


def set_non_essential(*, person: User, wanted: bool) -> Preference:
    """Turn reminders, alerts and feedback requests on or off (idempotent)."""
    preference, _created = Preference.objects.update_or_create(
        person=person, defaults={"non_essential": wanted}
    )
    return preference


def unsubscribe(*, token: str) -> User:
    """Turn non-essential messages off for the person a link was made for."""
    person = person_for_token(token)
    if person is None:
        raise NotFound(_("This unsubscribe link is not valid. Log in to change your choices."))
    set_non_essential(person=person, wanted=False)
    return person


def retry_delivery(*, actor: User, organisation: Organisation, delivery_id: int) -> Delivery:
    """Staff send a FAILED message of their organisation again (one more attempt)."""
    if not can(actor, Action.MANAGE, organisation):
        raise NotFound()
    with transaction.atomic(), set_actor(actor):
        delivery = (
            Delivery.objects.select_for_update()
            .filter(pk=delivery_id, organisation=organisation)
            .first()
        )
        if delivery is None:
            raise NotFound()
        if delivery.status != DeliveryStatus.FAILED:
            raise Conflict(_("Only a message that failed can be sent again."))
        delivery.status = DeliveryStatus.QUEUED
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "next_attempt_at"])
        transaction.on_commit(partial(tasks.deliver.enqueue, delivery.pk))
    return delivery
