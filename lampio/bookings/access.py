"""Who gets in, how and when: derived from a booking's times and status at read time.

Nothing here depends on a job having run: a code works from `code_valid_before_minutes` before
the start until `code_valid_after_minutes` after the end of a confirmed booking, so a moved
booking moves its window and a cancelled one stops working at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet

from lampio.accounts.models import User
from lampio.bookings.models import Booking, BookingStatus, DoorSync, DoorSyncStatus
from lampio.core.errors import NotFound
from lampio.core.timeranges import Interval
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can


@dataclass(frozen=True)
class AccessInfo:
    method: str
    method_label: str
    code: str | None  # None unless the viewer may see it
    valid_from: datetime | None
    valid_until: datetime | None
    instructions: str


def code_window(booking: Booking) -> Interval | None:
    """When the booking's code opens the door; None if it opens nothing (not confirmed)."""
    space = booking.space
    if space.access_method != AccessMethod.CODE or booking.status != BookingStatus.CONFIRMED:
        return None
    return Interval(
        booking.starts_at - timedelta(minutes=space.code_valid_before_minutes),
        booking.ends_at + timedelta(minutes=space.code_valid_after_minutes),
    )


def code_opens(booking: Booking, at: datetime) -> bool:
    window = code_window(booking)
    return bool(booking.access_code) and window is not None and window.start <= at < window.end


def may_see_code(viewer: Actor, booking: Booking) -> bool:
    """Only the booker and staff of the space's owner; never other organisations' staff."""
    if not viewer.is_authenticated:
        return False
    if booking.booker_id is not None and booking.booker_id == viewer.pk:
        return True
    return isinstance(viewer, User) and can(viewer, Action.MANAGE, booking.space)


def access_for(booking: Booking, *, viewer: Actor) -> AccessInfo:
    space = booking.space
    window = code_window(booking)
    show_code = window is not None and bool(booking.access_code) and may_see_code(viewer, booking)
    return AccessInfo(
        method=space.access_method,
        method_label=str(AccessMethod(space.access_method).label),
        code=booking.access_code if show_code else None,
        valid_from=window.start if window else None,
        valid_until=window.end if window else None,
        # modeltranslation answers in the active language, falling back to Finnish.
        instructions=space.access_instructions or "",
    )


def visible_booking(*, viewer: User, booking_id: int) -> Booking:
    """A booking the viewer made, or one of a space their organisation runs; else NotFound."""
    booking = (
        Booking.objects.select_related("space__venue__organisation__municipality")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None:
        raise NotFound()
    if booking.booker_id != viewer.pk and not can(viewer, Action.MANAGE, booking.space):
        raise NotFound()
    return booking


def door_alerts(organisation: Organisation) -> QuerySet[DoorSync]:
    """Pushes the lock vendor never took, not yet handled: the staff's door alerts."""
    return (
        DoorSync.objects.filter(
            organisation=organisation, status=DoorSyncStatus.FAILED, resolved_by__isnull=True
        )
        .select_related("booking__space")
        .order_by("-created_at")
    )
