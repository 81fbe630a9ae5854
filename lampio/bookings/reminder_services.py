"""Reminders before a booking and feedback requests after it: the sweeps that queue them.

Both are safe to run as often as wanted: each message carries a dedupe key, so a repeated
sweep queues nothing new. A reminder's key includes the booking's start, so a booking moved
to another time is reminded of again. Messages already queued are skipped with one query
before any is rendered, so a sweep over a busy city costs little when nothing is new.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet

from lampio.bookings.messages_reminders import feedback_request_context, reminder_context
from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.notifications.models import Delivery
from lampio.notifications.services import notify

REMIND_BEFORE = timedelta(hours=24)
ASK_WITHIN = timedelta(hours=48)


def reminder_key(booking: Booking) -> str:
    return f"reminder:{booking.pk}:{booking.starts_at.isoformat()}"


def review_ask_key(booking: Booking) -> str:
    return f"review-ask:{booking.pk}"


def _confirmed_bookings() -> QuerySet[Booking]:
    return Booking.objects.filter(
        kind=BookingKind.BOOKING, status=BookingStatus.CONFIRMED, booker__isnull=False
    ).select_related("space__venue__organisation", "booker")


def _queue(
    bookings: list[Booking],
    *,
    key: str,
    dedupe: Callable[[Booking], str],
    context: Callable[[Booking, str], dict[str, Any]],
) -> int:
    """Queue `key` for each booking not yet sent it; each in its own transaction."""
    already = set(
        Delivery.objects.filter(
            key=key, dedupe_key__in=[dedupe(booking) for booking in bookings]
        ).values_list("dedupe_key", flat=True)
    )
    queued = 0
    for booking in bookings:
        if dedupe(booking) in already or booking.booker is None:
            continue
        language = booking.booker.preferred_language or "fi"
        with transaction.atomic():
            deliveries = notify(
                recipient=booking.booker,
                key=key,
                context=context(booking, language),
                organisation_id=booking.space.venue.organisation_id,
                dedupe_key=dedupe(booking),
            )
        queued += bool(deliveries)
    return queued


def send_due_reminders(now: datetime) -> int:
    """Queue the reminder of every confirmed booking that starts within a day; returns how many.

    A booking made less than a day before its start gets none: its confirmation is fresh.
    """
    due = list(
        _confirmed_bookings().filter(
            starts_at__gt=now,
            starts_at__lte=now + REMIND_BEFORE,
            created_at__lt=F("starts_at") - REMIND_BEFORE,
        )
    )
    return _queue(due, key="bookings.reminder", dedupe=reminder_key, context=reminder_context)


def ask_for_feedback(now: datetime) -> int:
    """Queue a feedback request for every booking that ended in the last two days without
    feedback; returns how many.

    A booking recorded after it had ended (entered afterwards by staff, or imported) was not
    booked through the service, so its booker is not asked about it.
    """
    ended = list(
        _confirmed_bookings().filter(
            ends_at__lte=now,
            ends_at__gt=now - ASK_WITHIN,
            created_at__lt=F("ends_at"),
            review__isnull=True,
        )
    )
    return _queue(
        ended,
        key="bookings.feedback_request",
        dedupe=review_ask_key,
        context=feedback_request_context,
    )
