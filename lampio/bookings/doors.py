"""Door systems behind one interface. STUB: the access helper completes this module."""

from __future__ import annotations

from lampio.bookings.models import Booking, DoorSyncAction


def queue_sync(booking: Booking, action: DoorSyncAction) -> None:
    """Record a grant/revoke for a webhook door system and push it after commit."""
    return None
