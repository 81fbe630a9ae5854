"""Writes for access: personal codes for bookings of code spaces, and the door systems' sync.

Called by the booking services inside their transactions; door systems hear of a change only
after it commits (see `doors`).
"""

from __future__ import annotations

import secrets

from lampio.bookings import doors
from lampio.bookings.models import ACTIVE_STATUSES, Booking, DoorSyncAction
from lampio.spaces.models import AccessMethod

# Eight digits fit any keypad; with the door-side lookup rate-limited, guessing a code that
# works in one booking's window is out of reach, and codes are unique among a space's bookings.
CODE_DIGITS = 8


def new_code(space_id: int) -> str:
    while True:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        in_use = Booking.objects.filter(
            space_id=space_id, access_code=code, status__in=ACTIVE_STATUSES
        ).exists()
        if not in_use:
            return code


def grant_access(booking: Booking) -> None:
    """A confirmed booking of a code space gets its personal code, and the doors learn it."""
    if booking.space.access_method != AccessMethod.CODE:
        return
    if not booking.access_code:
        booking.access_code = new_code(booking.space_id)
        booking.save(update_fields=["access_code"])
    doors.queue_sync(booking, DoorSyncAction.GRANT)


def access_moved(booking: Booking) -> None:
    """The booking's times changed: the code keeps its digits, the doors get the new window."""
    if booking.access_code and booking.status == "confirmed":
        doors.queue_sync(booking, DoorSyncAction.GRANT)


def revoke_access(booking: Booking) -> None:
    """Cancelled: the code stops working at once (derived); vendors that keep lists are told."""
    if booking.access_code:
        doors.queue_sync(booking, DoorSyncAction.REVOKE)
