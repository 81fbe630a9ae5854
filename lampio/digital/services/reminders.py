"""Reminders of online sessions: the day before, and 15 minutes before with the session link.

The day-before reminder is the offerings job's (`Enrolment.reminded_at`); for online offerings
its message is the session reminder of `lampio.digital.tasks`. The 15-minute one is marked in
`Enrolment.reminded_soon_at`. Each is marked and queued in one transaction with the rows
locked, so overlapping runs never remind a person twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone

from lampio.offerings.models import ONLINE_FORMATS, Enrolment
from lampio.offerings.services.reminders import claim_due_enrolments, send_due_reminders

REMIND_SOON = timedelta(minutes=15)


@dataclass(frozen=True)
class RemindersSent:
    day_before: int
    soon: int


def send_soon_reminders(*, now: datetime | None = None) -> int:
    """Queue "starting soon" for confirmed people of online sessions starting within 15 min.

    A person reminded now needs no day-before reminder any more, so that one is marked too.
    """
    from lampio.digital import tasks

    now = now or timezone.now()
    with transaction.atomic():
        due = claim_due_enrolments(
            mark="reminded_soon_at",
            now=now,
            occurrence__offering__format__in=ONLINE_FORMATS,
            occurrence__starts_at__lte=now + REMIND_SOON,
        )
        Enrolment.objects.filter(pk__in=due, reminded_at__isnull=True).update(reminded_at=now)
        for enrolment_id in due:
            transaction.on_commit(
                partial(tasks.send_session_reminder.enqueue, enrolment_id, "soon")
            )
    return len(due)


def send_session_reminders(*, now: datetime | None = None) -> RemindersSent:
    """Both reminders; run every few minutes. The 15-minute one goes first, so a session
    that is that close gets one reminder, not two."""
    now = now or timezone.now()
    soon = send_soon_reminders(now=now)
    return RemindersSent(day_before=send_due_reminders(now=now), soon=soon)
