"""Reads for the message pages: a person's own messages, an organisation's delivery log and
template list, and the demo outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.notifications.models import Delivery, DeliveryStatus, MessageTemplate
from lampio.notifications.registry import MessageKind, message_kind, message_kinds
from lampio.notifications.tokens import person_id_from_token
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can
from lampio.tenancy.selectors import organisations_for

LOG_LIMIT = 200
OUTBOX_LIMIT = 100
MINE_LIMIT = 100
# Failed messages older than this no longer raise the alert (the log still lists them).
ALERT_DAYS = 7


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


@dataclass(frozen=True)
class DeliveryAlert:
    """Messages of one organisation that staff should know about: given up on, or delayed."""

    organisation: Organisation
    failed: int
    retrying: int


def delivery_alerts(
    *, actor: User, organisation: Organisation | None = None, now: datetime | None = None
) -> list[DeliveryAlert]:
    """Per organisation the actor manages (or just `organisation`): messages that failed in the
    last ALERT_DAYS and messages waiting for a retry (the gateway is failing)."""
    managed = organisations_for(actor=actor, action=Action.MANAGE)
    if organisation is not None:
        managed = managed.filter(pk=organisation.pk)
    since = (now or timezone.now()) - timedelta(days=ALERT_DAYS)
    counts = (
        Delivery.objects.filter(organisation__in=managed.values("pk"))
        .filter(
            Q(status=DeliveryStatus.FAILED, created_at__gte=since)
            | Q(status=DeliveryStatus.RETRYING)
        )
        .values("organisation")
        .annotate(
            failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
            retrying=Count("pk", filter=Q(status=DeliveryStatus.RETRYING)),
        )
        .order_by()
    )
    by_id = {row["organisation"]: row for row in counts}
    if not by_id:
        return []
    return [
        DeliveryAlert(
            organisation=org,
            failed=by_id[org.pk]["failed"],
            retrying=by_id[org.pk]["retrying"],
        )
        for org in managed.filter(pk__in=by_id).order_by("name")
    ]
