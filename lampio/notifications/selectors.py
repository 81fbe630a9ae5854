"""Reads for the message pages: a person's own messages, an organisation's delivery log and
template list, and the demo outbox."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.notifications.models import Delivery, DeliveryStatus, MessageTemplate
from lampio.notifications.registry import MessageKind, message_kind, message_kinds
from lampio.notifications.tokens import person_id_from_token
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

LOG_LIMIT = 200
OUTBOX_LIMIT = 100
MINE_LIMIT = 100


def mask_address(address: str) -> str:
    """Enough of an address to tell two apart, not enough to read it: a***@example.fi,
    +358 40 *** **67."""
    if "@" in address:
        local, _at, domain = address.partition("@")
        return f"{local[:1]}***@{domain}"
    digits = address.replace(" ", "")
    if digits.startswith("+358") and len(digits) > 8:
        return f"+358 {digits[4:6]} *** **{digits[-2:]}"
    return f"{digits[:4]} *** **{digits[-2:]}" if len(digits) > 6 else "***"


def person_for_token(token: str) -> User | None:
    """The (not deleted) person an unsubscribe link was made for."""
    person_id = person_id_from_token(token)
    if person_id is None:
        return None
    return User.objects.filter(pk=person_id, deleted_at__isnull=True).first()


def my_messages(*, person: User) -> QuerySet[Delivery]:
    return Delivery.objects.filter(recipient=person).order_by("-created_at", "-pk")[:MINE_LIMIT]


@dataclass(frozen=True)
class TemplateRow:
    kind: MessageKind
    customised: bool


def template_rows(*, actor: User, organisation: Organisation) -> list[TemplateRow]:
    if not can(actor, Action.MANAGE, organisation):
        raise NotFound()
    own = set(
        MessageTemplate.objects.filter(organisation=organisation).values_list("key", flat=True)
    )
    return [TemplateRow(kind=kind, customised=kind.key in own) for kind in message_kinds()]


def managed_kind(*, actor: User, organisation: Organisation, key: str) -> MessageKind:
    if not can(actor, Action.MANAGE, organisation):
        raise NotFound()
    try:
        return message_kind(key)
    except KeyError as error:
        raise NotFound() from error


def own_template(*, organisation: Organisation, key: str) -> MessageTemplate | None:
    return MessageTemplate.objects.filter(organisation=organisation, key=key).first()


def delivery_log(
    *, actor: User, organisation: Organisation, status: str = ""
) -> QuerySet[Delivery]:
    """The organisation's messages, newest first; `status` narrows to one status."""
    if not can(actor, Action.MANAGE, organisation):
        raise NotFound()
    rows = Delivery.objects.filter(organisation=organisation)
    if status in DeliveryStatus.values:
        rows = rows.filter(status=status)
    return rows.order_by("-created_at", "-pk")[:LOG_LIMIT]


def label_of(key: str) -> str:
    """The kind's label, or the key itself for a kind no longer registered."""
    try:
        return str(message_kind(key).label)
    except KeyError:
        return key


def demo_outbox() -> QuerySet[Delivery]:
    return Delivery.objects.order_by("-created_at", "-pk")[:OUTBOX_LIMIT]
