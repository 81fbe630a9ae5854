"""The periodic sweep that sends again what is due (registered in apps.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Q

from lampio.core.schedule import register_sweep
from lampio.notifications import tasks
from lampio.notifications.models import Delivery

BATCH = 200
# A fresh row is sent by the job queued when it committed; only one that job missed is swept.
GRACE = timedelta(minutes=2)


def retry_due_deliveries(now: datetime) -> int:
    """Queue a send for every row whose retry time (or lease) has passed: how many."""
    due = Q(status__in=tasks.PENDING) & (
        Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, created_at__lte=now - GRACE)
    )
    ids = list(
        Delivery.objects.filter(due)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:BATCH]
    )
    # Release the passed times so the job may claim the row whatever its own clock says; rows
    # a worker claimed meanwhile hold a lease in the future and are left alone.
    Delivery.objects.filter(due, pk__in=ids).update(next_attempt_at=None)
    for delivery_id in ids:
        tasks.deliver.enqueue(delivery_id)
    return len(ids)


register_sweep("notifications.retry_due_deliveries", retry_due_deliveries, every_seconds=60)
