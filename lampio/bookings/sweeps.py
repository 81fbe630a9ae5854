"""The bookings app's periodic sweeps (see lampio.core.schedule)."""

from __future__ import annotations

from datetime import datetime

from lampio.bookings import doors, reminder_services, waitlist_services
from lampio.core.schedule import register_sweep


def _advance_lapsed_offers(now: datetime) -> int:
    return waitlist_services.advance_lapsed_offers(now=now)


def _offer_stranded_slots(now: datetime) -> int:
    return waitlist_services.offer_stranded_slots(now=now)


register_sweep("bookings.lapsed_offers", _advance_lapsed_offers, every_seconds=30)
register_sweep("bookings.stranded_offers", _offer_stranded_slots, every_seconds=300)
register_sweep("bookings.door_retries", doors.retry_due_syncs, every_seconds=60)
register_sweep("bookings.reminders", reminder_services.send_due_reminders, every_seconds=300)
register_sweep("bookings.feedback_requests", reminder_services.ask_for_feedback, every_seconds=300)
