"""Door systems behind one interface. STUB: the access helper completes this module."""

from __future__ import annotations

from datetime import datetime

from lampio.bookings.models import Booking, DoorSyncAction


def queue_sync(booking: Booking, action: DoorSyncAction) -> None:
    """Record a grant/revoke for a webhook door system and push it after commit."""
    return None


def retry_due_syncs(now: datetime) -> int:
    """Push every pending sync whose retry is due; returns how many were tried."""
    return 0
