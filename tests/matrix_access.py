"""Permission-matrix entries of the access routes (see test_permission_matrix).

`objects(organisation)` gives B a door alert: a failed push for the colleague's booking in B's
space (`sync_id`). "Mark handled" runs before "retry", which needs the alert still failed.
"""

from __future__ import annotations

from typing import Any

from lampio.bookings.models import Booking, DoorSync, DoorSyncAction, DoorSyncStatus
from tests.matrix_cases import (
    ANON,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
    everyone,
)

PAGES: dict[str, Case] = {
    "access_staff:page": Case(STAFF_OF_B_ONLY),
    "access_staff:door_system": Case(STAFF_OF_B_POST, "post", {"system-kind": "local"}),
    "access_staff:controller_key": Case(STAFF_OF_B_POST, "post"),
    "access_staff:test": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 200},
        "post",
        {
            "test-door": "main",
            "test-code": "12345678",
            "test-date": "2030-06-12",
            "test-time": "10:00",
        },
    ),
    "access_staff:handled": Case(STAFF_OF_B_POST, "post"),
    "access_staff:retry": Case(STAFF_OF_B_POST, "post"),
    "access_staff:space": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {
    # Door controllers authenticate with their key, never with a login.
    ("post", "/api/v1/doors/check"): Case(everyone(401), data={"door": "main", "code": "1234"}),
    # {booking_id} is a colleague's booking in B's space: B's admins may read it, nobody else.
    ("get", "/api/v1/bookings/{booking_id}"): Case(
        {ANON: 401, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}
    ),
}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    booking = Booking.objects.filter(space__venue__organisation=organisation).first()
    sync = DoorSync.objects.create(
        booking=booking,
        organisation=organisation,
        action=DoorSyncAction.GRANT,
        payload={"id": "lampio-door-matrix", "door": "main"},
        status=DoorSyncStatus.FAILED,
        attempts=5,
        last_error="timeout",
    )
    return {"sync_id": sync.pk}
