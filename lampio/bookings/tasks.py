"""Side effects of bookings, run by the job queue after the change has committed."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from lampio.bookings import doors, messages
from lampio.bookings.models import Booking


@task()
def send_booking_message(booking_id: int, event: str) -> None:
    """Queue the booker's message about `event` (for callers outside a booking transaction).

    The booking services queue their messages in their own transactions; this stays for code
    that enqueues a message after commit. The dedupe key makes a job run twice send once.
    """
    with transaction.atomic():
        booking = (
            Booking.objects.select_related("space__venue__organisation", "booker")
            .filter(pk=booking_id)
            .first()
        )
        if booking is not None:
            messages.booking_message(booking, event)


@task()
def push_door_sync(sync_id: int) -> None:
    """First push of a grant/revocation to the lock vendor; the sweep retries failures."""
    doors.push_sync(sync_id, first=True)
