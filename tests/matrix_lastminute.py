"""Permission-matrix entries of the last-minute, booking feedback and staff feedback routes.

`objects(organisation)` gives a past booking in B's space with feedback given (its secret link
is `booking_token`, so the form page says thanks already) and B's staff list has a row. Not the
colleague's booking: B's staff cancel that one earlier in the walk.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from lampio.bookings.models import Booking, BookingReview, BookingStatus
from lampio.core.timeranges import local_datetime
from tests.matrix_cases import STAFF_OF_B_ONLY, Case, everyone

PAGES: dict[str, Case] = {
    "lastminute:list": Case(everyone(200)),
    # Whoever holds the link may answer; no login, so every actor gets the page.
    "booking_review:give": Case(everyone(200)),
    "booking_review:thanks": Case(everyone(200)),
    "booking_review_staff:list": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {
    ("get", "/api/v1/last-minute"): Case(everyone(200), data={"municipality": "{municipality}"}),
}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    booking = Booking.objects.filter(space__venue__organisation=organisation).first()
    assert booking is not None
    starts = local_datetime(date(2020, 6, 12), time(10))
    ends = local_datetime(date(2020, 6, 12), time(11))
    past = Booking.objects.create(
        space=booking.space,
        status=BookingStatus.CONFIRMED,
        starts_at=starts,
        ends_at=ends,
        blocked_from=starts,
        blocked_until=ends,
        purpose="Harjoitus",
    )
    BookingReview.objects.create(booking=past, rating=4, comment="Hyvä sali.")
    return {"booking_token": past.feed_token}
