"""Permission-matrix entries of the waitlist routes (see test_permission_matrix).

`objects(organisation)` puts the colleague of B who booked B's space in line for that slot
(`entry_id`) and gives them a watch (`watch_id`). Both are the colleague's alone: everyone
else, B's admins included, is answered 404.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from lampio.bookings.models import Booking, WaitlistEntry, Watch
from tests.matrix_cases import ANON, LOGIN_REQUIRED, OTHER_STAFF, OWN_STAFF, RESIDENT, Case

NOT_YOURS = {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}
NOT_YOURS_API = {ANON: 401, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}

PAGES: dict[str, Case] = {
    "waitlist:mine": Case(LOGIN_REQUIRED),
    # {space_id} is B's members-only space: only B's members see it.
    "waitlist:join": Case({ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}),
    "waitlist:offer": Case(NOT_YOURS),
    "waitlist:accept": Case(NOT_YOURS, "post"),
    "waitlist:leave": Case(NOT_YOURS, "post"),
    # Without ?space= or ?venue= the form sends people to the space search.
    "waitlist:watch_new": Case({ANON: 302, RESIDENT: 302, OTHER_STAFF: 302, OWN_STAFF: 302}),
    "waitlist:watch_delete": Case(NOT_YOURS, "post"),
}
API: dict[tuple[str, str], Case] = {
    # The colleague's booking takes 10–11 on 12.6.2030, so B's members may join its line.
    ("post", "/api/v1/waitlist"): Case(
        {ANON: 401, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 201},
        data={
            "space_id": "{space_id}",
            "starts_at": "2030-06-12T10:00:00+03:00",
            "ends_at": "2030-06-12T11:00:00+03:00",
        },
    ),
    ("get", "/api/v1/waitlist"): Case({ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}),
    ("post", "/api/v1/waitlist/{entry_id}/accept"): Case(NOT_YOURS_API),
    ("delete", "/api/v1/waitlist/{entry_id}"): Case(NOT_YOURS_API),
}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    booking = Booking.objects.filter(space__venue__organisation=organisation).first()
    if booking is None or booking.booker is None:
        return {}
    entry = WaitlistEntry.objects.create(
        space=booking.space,
        person=booking.booker,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        purpose="Kokous",
    )
    watch = Watch.objects.create(
        person=booking.booker, space=booking.space, weekday=2, starts=time(9), ends=time(12)
    )
    return {"entry_id": entry.pk, "watch_id": watch.pk}
