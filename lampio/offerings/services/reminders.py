"""Reminders before an occurrence, sent once per enrolment by a periodic job."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from lampio.offerings.models import OPEN_STATUSES, Enrolment, EnrolmentStatus
from lampio.offerings.services.enrolment import notify_enrolment

REMIND_BEFORE = timedelta(hours=24)


def claim_due_enrolments(*, mark: str, now: datetime, **conditions: object) -> list[int]:
    """Lock the confirmed enrolments that still lack the `mark` timestamp and meet
    `conditions`, set `mark` to `now` and return their ids. Call inside a transaction: rows
    another run holds are skipped, so two overlapping runs never claim one enrolment twice."""
    due = list(
        Enrolment.objects.select_for_update(skip_locked=True)
        .filter(
            status=EnrolmentStatus.CONFIRMED,
            person__isnull=False,
            occurrence__status__in=OPEN_STATUSES,
            occurrence__starts_at__gt=now,
            **{f"{mark}__isnull": True},
            **conditions,
        )
        .values_list("pk", flat=True)
    )
    Enrolment.objects.filter(pk__in=due).update(**{mark: now})
    return due


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Queue a reminder for every confirmed enrolment starting within a day, not yet reminded."""
    now = now or timezone.now()
    with transaction.atomic():
        due = claim_due_enrolments(
            mark="reminded_at", now=now, occurrence__starts_at__lte=now + REMIND_BEFORE
        )
        for enrolment_id in due:
            notify_enrolment(enrolment_id, "reminder")
    return len(due)
