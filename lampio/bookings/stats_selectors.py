"""Grouped reads for the network's statistics (lampio.insights): times, counts and grades of
bookings by space, never who booked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from django.db.models import Count, Sum

from lampio.bookings.models import Booking, BookingKind, BookingReview, BookingStatus, WaitlistEntry

CHUNK = 20_000


def booking_times(
    start: datetime, end: datetime
) -> Iterator[tuple[int, bool, bool, datetime, datetime]]:
    """(space id, cancelled, no-show, starts, ends) of each booking (blocks excluded) that
    starts in [start, end) and was confirmed or cancelled. Streamed: a month of a big network
    is hundreds of thousands of rows."""
    rows = (
        Booking.objects.filter(
            kind=BookingKind.BOOKING,
            status__in=[BookingStatus.CONFIRMED, BookingStatus.CANCELLED],
            starts_at__gte=start,
            starts_at__lt=end,
        )
        .order_by()
        .values_list("space_id", "status", "no_show_at", "starts_at", "ends_at")
    )
    cancelled = BookingStatus.CANCELLED.value
    for space_id, status, no_show_at, starts_at, ends_at in rows.iterator(chunk_size=CHUNK):
        yield space_id, status == cancelled, no_show_at is not None, starts_at, ends_at


def waitlist_entries_by_space(start: datetime, end: datetime) -> dict[int, int]:
    """How many waiting-list entries were made for each space in [start, end)."""
    rows = (
        WaitlistEntry.objects.filter(created_at__gte=start, created_at__lt=end)
        .order_by()
        .values("space_id")
        .annotate(n=Count("id"))
    )
    return {row["space_id"]: row["n"] for row in rows}


def review_grades_by_space(start: datetime, end: datetime) -> dict[int, tuple[int, int]]:
    """(sum of grades, number of grades) given to each space's bookings in [start, end)."""
    rows = (
        BookingReview.objects.filter(created_at__gte=start, created_at__lt=end)
        .order_by()
        .values("booking__space_id")
        .annotate(total=Sum("rating"), n=Count("id"))
    )
    return {row["booking__space_id"]: (row["total"], row["n"]) for row in rows}
