"""A provider calls off a whole offering: every time ahead is cancelled and everyone is told."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import Task

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput
from lampio.core.multilingual import Translated, set_translated
from lampio.offerings import tasks
from lampio.offerings.models import (
    OPEN_ORDER_STATUSES,
    OPEN_STATUSES,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingStatus,
    OrderStatus,
)
from lampio.offerings.services.catalogue import require_publisher
from lampio.offerings.signals import occurrence_called_off


def cancel_offering(
    *, actor: User, offering: Offering, notice: Translated, now: datetime | None = None
) -> Offering:
    """Cancel the offering and its upcoming times, and decline the orders still waiting.

    Enrolled people and units get the notice in their own language; nothing is deleted, so
    people still see what was cancelled and why. Past times stay as they were.
    """
    require_publisher(actor, offering)
    if not notice.fi.strip():
        raise InvalidInput(_("Write a notice to the participants in Finnish."), field="notice_fi")
    now = now or timezone.now()
    with transaction.atomic(), set_actor(actor):
        offering.status = OfferingStatus.CANCELLED
        offering.save(update_fields=["status", "updated_at"])
        upcoming = list(
            Occurrence.objects.select_for_update().filter(
                offering=offering, status__in=OPEN_STATUSES, starts_at__gt=now
            )
        )
        for occurrence in upcoming:
            occurrence.status = OccurrenceStatus.CANCELLED
            set_translated(occurrence, "notice", notice)
            occurrence.save(update_fields=["status", "notice_fi", "notice_sv", "notice_en"])
            occurrence_called_off.send(sender=Occurrence, occurrence=occurrence)
            _tell(tasks.send_occurrence_notice, occurrence.pk, "cancelled")
        waiting = GroupOrder.objects.select_for_update().filter(
            offering=offering, status__in=OPEN_ORDER_STATUSES
        )
        for order in waiting:
            order.status, order.decided_by = OrderStatus.DECLINED, actor
            order.provider_message = notice.fi.strip()
            order.save(update_fields=["status", "decided_by", "provider_message", "updated_at"])
            _tell(tasks.send_order_message, order.pk, "declined")
    return offering


def _tell(task: Task[[int, str], None], object_id: int, event: str) -> None:
    transaction.on_commit(lambda: task.enqueue(object_id, event))
