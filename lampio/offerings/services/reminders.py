"""Reminders before an occurrence, sent once per enrolment by a periodic job."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from lampio.offerings.models import OPEN_STATUSES, Enrolment, EnrolmentStatus
from lampio.offerings.services.enrolment import notify_enrolment

REMIND_BEFORE = timedelta(hours=24)


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Queue a reminder for every confirmed enrolment starting within a day, not yet reminded.

    Marking and queueing happen in one transaction per batch, with the rows locked, so two
    overlapping runs of the job never remind a person twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Enrolment.objects.select_for_update(skip_locked=True)
            .filter(
                status=EnrolmentStatus.CONFIRMED,
                reminded_at__isnull=True,
                person__isnull=False,
                occurrence__status__in=OPEN_STATUSES,
                occurrence__starts_at__gt=now,
                occurrence__starts_at__lte=now + REMIND_BEFORE,
            )
            .values_list("pk", flat=True)
        )
        Enrolment.objects.filter(pk__in=due).update(reminded_at=now)
        for enrolment_id in due:
            notify_enrolment(enrolment_id, "reminder")
    return len(due)
