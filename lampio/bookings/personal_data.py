"""A person's bookings are personal data: exported with the account, anonymised on deletion."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingStatus
from lampio.core.privacy import register_personal_data


def export_bookings(user: User) -> list[dict[str, Any]]:
    return [
        {
            "space": booking.space.name,
            "venue": booking.space.venue.name,
            "starts_at": booking.starts_at.isoformat(),
            "ends_at": booking.ends_at.isoformat(),
            "status": booking.status,
            "purpose": booking.purpose,
            "attendees": booking.attendees,
            "name_shown_to_colleagues": booking.show_to_colleagues,
        }
        for booking in Booking.objects.filter(booker=user).select_related("space__venue")
    ]


def erase_bookings(user: User) -> None:
    """Cancel upcoming bookings (freeing the slots) and strip the purpose from all of them.

    The rows stay, without the person, because the owners' usage statistics count them.
    """
    with transaction.atomic():
        now = timezone.now()
        Booking.objects.filter(booker=user, status__in=ACTIVE_STATUSES, starts_at__gt=now).update(
            status=BookingStatus.CANCELLED, cancelled_at=now
        )
        Booking.objects.filter(booker=user).update(booker=None, purpose="")
        Booking.objects.filter(created_by=user).update(created_by=None)


register_personal_data("bookings", export=export_bookings, erase=erase_bookings)
