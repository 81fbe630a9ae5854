"""Permission-matrix entries of the recurring series routes (see test_permission_matrix).

`objects(organisation)` gives B's members-only space a series booked for a person who is none
of the matrix's actors, with two dates: `series_pk` and `series_date_id` (its first date). The
resident form of {space_id} is not found to anyone, as that space does not allow series.
B's staff see the series on the resident page too (staff of the owner); cancelling comes back
as a redirect, and a second cancel finds nothing left and says so after a redirect.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from lampio.accounts.models import User
from lampio.bookings.models import Booking, BookingSeries, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import Space
from tests.matrix_cases import (
    ANON,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
)

NOBODY_SEES = {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}
OWNER_SEES = {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}
OWNER_ACTS = {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 302}

PAGES: dict[str, Case] = {
    "series:new": Case(NOBODY_SEES),
    "series:detail": Case(OWNER_SEES),
    "series:cancel_occurrence": Case(OWNER_ACTS, "post"),
    "series:cancel_rest": Case(OWNER_ACTS, "post"),
    "series_staff:list": Case(STAFF_OF_B_ONLY),
    "series_staff:new": Case(STAFF_OF_B_ONLY),
    "series_staff:detail": Case(STAFF_OF_B_ONLY),
    # Nothing is waiting for approval: the refusal comes back as a message after a redirect.
    "series_staff:decide": Case(STAFF_OF_B_POST, "post", {"decision": "approve"}),
    "series_staff:cancel_occurrence": Case(STAFF_OF_B_POST, "post"),
    "series_staff:cancel_rest": Case(STAFF_OF_B_POST, "post"),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    space = Space.objects.filter(venue__organisation=organisation).first()
    person = User.objects.create_user(email=f"matrix-series@{organisation.slug}.example.fi")
    series = BookingSeries.objects.create(
        space=space,
        booker=person,
        purpose="Kuoro",
        weekdays=[3],
        first_date=date(2031, 1, 8),
        last_date=date(2031, 1, 15),
        starts_time=time(18),
        ends_time=time(19),
    )
    dates = []
    for day in (date(2031, 1, 8), date(2031, 1, 15)):
        starts, ends = local_datetime(day, time(18)), local_datetime(day, time(19))
        dates.append(
            Booking.objects.create(
                space=space,
                series=series,
                booker=person,
                status=BookingStatus.CONFIRMED,
                starts_at=starts,
                ends_at=ends,
                blocked_from=starts,
                blocked_until=ends,
                purpose="Kuoro",
            )
        )
    return {"series_pk": series.pk, "series_date_id": dates[0].pk}
