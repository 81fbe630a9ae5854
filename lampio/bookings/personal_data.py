"""A person's bookings are personal data: exported with the account, anonymised on deletion."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import (
    ACTIVE_STATUSES,
    Booking,
    BookingReview,
    BookingSeries,
    BookingStatus,
    WaitlistEntry,
    Watch,
)
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


def export_waitlists_and_watches(user: User) -> dict[str, Any]:
    return {
        "waitlist": [
            {
                "space": entry.space.name,
                "starts_at": entry.starts_at.isoformat(),
                "ends_at": entry.ends_at.isoformat(),
                "purpose": entry.purpose,
                "status": entry.status,
                "joined_at": entry.created_at.isoformat(),
            }
            for entry in WaitlistEntry.objects.filter(person=user).select_related("space")
        ],
        "watches": [
            {
                "space": watch.space.name if watch.space else None,
                "venue": watch.venue.name if watch.venue else None,
                "weekday": watch.weekday,
                "from": watch.starts.isoformat(),
                "until": watch.ends.isoformat(),
            }
            for watch in Watch.objects.filter(person=user).select_related("space", "venue")
        ],
        "booking_feedback": [
            {
                "space": review.booking.space.name,
                "rating": review.rating,
                "comment": review.comment,
                "given_at": review.created_at.isoformat(),
            }
            for review in BookingReview.objects.filter(booking__booker=user).select_related(
                "booking__space"
            )
        ],
    }


def erase_waitlists_and_watches(user: User) -> None:
    """Lines and watches go; feedback keeps its grade for the owner but loses its words."""
    with transaction.atomic():
        WaitlistEntry.objects.filter(person=user).delete()
        Watch.objects.filter(person=user).delete()
        BookingReview.objects.filter(booking__booker=user).update(comment="")


def erase_bookings(user: User) -> None:
    """Cancel upcoming bookings (freeing the slots) and strip the purpose from all of them.

    The rows stay, without the person, because the owners' usage statistics count them.
    """
    with transaction.atomic():
        now = timezone.now()
        Booking.objects.filter(booker=user, status__in=ACTIVE_STATUSES, starts_at__gt=now).update(
            status=BookingStatus.CANCELLED, cancelled_at=now
        )
        Booking.objects.filter(booker=user).update(booker=None, purpose="", access_code="")
        Booking.objects.filter(created_by=user).update(created_by=None)


def export_series(user: User) -> list[dict[str, Any]]:
    return [
        {
            "space": series.space.name,
            "venue": series.space.venue.name,
            "for_organisation": series.for_organisation.name if series.for_organisation else None,
            "weekdays": series.weekdays,
            "every_weeks": series.interval_weeks,
            "first_date": series.first_date.isoformat(),
            "last_date": series.last_date.isoformat(),
            "starts": series.starts_time.isoformat(),
            "ends": series.ends_time.isoformat(),
            "purpose": series.purpose,
            "attendees": series.attendees,
            "dates_left_out": series.skipped_dates,
            "cancelled_at": series.cancelled_at.isoformat() if series.cancelled_at else None,
        }
        for series in BookingSeries.objects.filter(booker=user).select_related(
            "space__venue", "for_organisation"
        )
    ]


def erase_series(user: User) -> None:
    """A person's own series lose them and their purpose; their dates go with "bookings".

    A series for an organisation (a club's regular time) stays the organisation's: its dates
    only lose the person, so they are not cancelled with the person's own bookings after this.
    """
    with transaction.atomic():
        Booking.objects.filter(booker=user, series__for_organisation__isnull=False).update(
            booker=None
        )
        BookingSeries.objects.filter(booker=user, for_organisation__isnull=True).update(
            booker=None, purpose="", access_code=""
        )
        BookingSeries.objects.filter(booker=user).update(booker=None)
        BookingSeries.objects.filter(created_by=user).update(created_by=None)


register_personal_data("bookings", export=export_bookings, erase=erase_bookings)
# Runs before "bookings" (sections run in name order), while the dates still name the booker.
register_personal_data("booking_series", export=export_series, erase=erase_series)
# Erased before "bookings" (sections run in name order), while reviews still name the booker.
register_personal_data(
    "booking_lines", export=export_waitlists_and_watches, erase=erase_waitlists_and_watches
)
