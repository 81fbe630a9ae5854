"""Bookings, holds and access codes; waitlists and watches; door systems; booking feedback."""

from lampio.bookings.models.access import (
    DoorSync,
    DoorSyncAction,
    DoorSyncStatus,
    DoorSystem,
    DoorSystemKind,
)
from lampio.bookings.models.booking import (
    ACTIVE_STATUSES,
    Booking,
    BookingKind,
    BookingStatus,
    blocking,
    blocking_over,
)
from lampio.bookings.models.review import BookingReview
from lampio.bookings.models.series import BookingSeries
from lampio.bookings.models.waitlist import (
    OPEN_WAITLIST_STATUSES,
    WaitlistEntry,
    WaitlistStatus,
    Watch,
)

__all__ = [
    "ACTIVE_STATUSES",
    "OPEN_WAITLIST_STATUSES",
    "Booking",
    "BookingKind",
    "BookingReview",
    "BookingSeries",
    "BookingStatus",
    "DoorSync",
    "DoorSyncAction",
    "DoorSyncStatus",
    "DoorSystem",
    "DoorSystemKind",
    "WaitlistEntry",
    "WaitlistStatus",
    "Watch",
    "blocking",
    "blocking_over",
]
