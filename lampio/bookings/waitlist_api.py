"""The JSON API of waitlists: join the line for a taken slot, list mine, accept an offer, leave.

Times go out with the Helsinki offset and must come in with an offset, as in the bookings API.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from lampio.accounts.api import Problem
from lampio.accounts.auth import acting_user
from lampio.bookings import waitlist_selectors, waitlist_services
from lampio.bookings.api import BookingOut, local
from lampio.bookings.models import Booking
from lampio.bookings.waitlist_selectors import EntryView
from lampio.core.ratelimit import check_rate_limit
from lampio.spaces import selectors as space_selectors

router = Router(tags=["waitlist"])


class WaitlistIn(Schema):
    space_id: int
    starts_at: datetime = Field(description="ISO 8601 with offset, e.g. 2030-06-12T18:00+03:00")
    ends_at: datetime
    purpose: str = Field("", max_length=200, description="Optional; used for the booking")
    attendees: int = Field(1, ge=1)


class WaitlistEntryOut(Schema):
    id: int
    space_id: int
    starts_at: datetime
    ends_at: datetime
    status: str = Field(
        description="waiting, offered (held for you until offer_expires_at), lapsed, accepted, "
        "declined or withdrawn"
    )
    position: int | None = Field(description="Place in line while waiting; 1 is next")
    offer_expires_at: datetime | None = Field(description="Until when an open offer is held")
    booking_id: int | None = Field(description="The booking, once accepted")


def _out(view: EntryView) -> dict[str, Any]:
    entry = view.entry
    return {
        "id": entry.pk,
        "space_id": entry.space_id,
        "starts_at": local(entry.starts_at),
        "ends_at": local(entry.ends_at),
        "status": view.state,
        "position": view.position,
        "offer_expires_at": local(view.held_until) if view.held_until else None,
        "booking_id": entry.offer_id if view.state == "accepted" else None,
    }


@router.post(
    "/waitlist",
    response={
        201: WaitlistEntryOut,
        400: Problem,
        401: Problem,
        403: Problem,
        404: Problem,
        409: Problem,
        429: Problem,
    },
    summary="Join the waitlist of a taken slot (a free slot answers 409 slot_is_free)",
)
def join(request: HttpRequest, payload: WaitlistIn) -> Status[dict[str, Any]]:
    actor = acting_user(request)
    check_rate_limit(request, group="api-waitlist", rate="30/m")
    space = space_selectors.space_for(actor=actor, space_id=payload.space_id)
    entry = waitlist_services.join_waitlist(
        actor=actor,
        space=space,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        purpose=payload.purpose,
        attendees=payload.attendees,
    )
    return Status(201, _out(waitlist_selectors.entry_of(actor=actor, entry_id=entry.pk)))


@router.get(
    "/waitlist",
    response={200: list[WaitlistEntryOut], 401: Problem},
    summary="The logged-in person's waitlist entries for times still ahead",
)
def mine(request: HttpRequest) -> list[dict[str, Any]]:
    return [_out(view) for view in waitlist_selectors.entries_of(actor=acting_user(request))]


@router.post(
    "/waitlist/{entry_id}/accept",
    response={
        200: BookingOut,
        401: Problem,
        403: Problem,
        404: Problem,
        409: Problem,
        429: Problem,
    },
    summary="Accept an open offer: the held time becomes your booking (repeating is safe)",
    description="A lapsed offer answers 409 offer_expired; the time has gone to the next in line.",
)
def accept(request: HttpRequest, entry_id: int) -> Booking:
    actor = acting_user(request)
    check_rate_limit(request, group="api-waitlist", rate="30/m")
    view = waitlist_selectors.entry_of(actor=actor, entry_id=entry_id)
    return waitlist_services.accept_offer(actor=actor, entry=view.entry)


@router.delete(
    "/waitlist/{entry_id}",
    response={204: None, 401: Problem, 404: Problem, 409: Problem},
    summary="Leave the waitlist, or decline an open offer (it goes to the next in line)",
)
def leave(request: HttpRequest, entry_id: int) -> Status[None]:
    actor = acting_user(request)
    view = waitlist_selectors.entry_of(actor=actor, entry_id=entry_id)
    waitlist_services.leave_waitlist(actor=actor, entry=view.entry)
    return Status(204, None)
