"""`GET /last-minute`: freed and usually quiet free times of the coming week in one city."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from lampio.accounts.api import Problem
from lampio.bookings.lastminute_selectors import (
    DAYS_AHEAD,
    HISTORY_DAYS,
    QUIET_THRESHOLD,
    LastMinuteFilters,
    Reason,
    last_minute_slots,
)
from lampio.core.errors import NotFound
from lampio.core.timeranges import LOCAL_ZONE
from lampio.spaces.api import public_auth
from lampio.spaces.models import SpaceType
from lampio.tenancy.selectors import municipality_by_slug

router = Router(tags=["bookings"])

Day = date  # pydantic cannot resolve a field named `day` annotated with a shadowed name


class LastMinuteQuery(Schema):
    municipality: str = Field(description="Slug of a municipality, e.g. oulu")
    space_type: SpaceType | None = None
    day: Day | None = Field(None, description="Only this local day (YYYY-MM-DD)")
    time_of_day: Literal["morning", "afternoon", "evening"] | None = Field(
        None, description="morning: until 12, afternoon: 12–17, evening: from 17 (local time)"
    )
    min_capacity: int | None = Field(None, ge=1)
    free_of_charge: bool = False


class LastMinuteItem(Schema):
    space_id: int
    space: str = Field(description="The space's name in the request's language")
    venue: str
    starts_at: datetime
    ends_at: datetime
    reason: Reason = Field(
        description="freed: booked and let go lately; quiet: free time of a space that is "
        "usually underused"
    )


class LastMinuteList(Schema):
    items: list[LastMinuteItem]


@router.get(
    "/last-minute",
    auth=public_auth,
    response={200: LastMinuteList, 400: Problem, 404: Problem},
    summary="Freed and usually quiet free times of the next days in one municipality",
    description=f"Public. The next {DAYS_AHEAD} local days: time freed by cancelled, denied or "
    f"lapsed bookings, and the free time of public spaces booked for less than "
    f"{int(QUIET_THRESHOLD * 100)} % of their opening hours over the past {HISTORY_DAYS} days. "
    "Sorted by start; times in ISO 8601 with the Helsinki offset. An unknown municipality is 404.",
)
def last_minute(request: HttpRequest, query: Query[LastMinuteQuery]) -> dict[str, Any]:
    municipality = municipality_by_slug(query.municipality)
    if municipality is None:
        raise NotFound()
    slots = last_minute_slots(
        municipality=municipality,
        now=timezone.now(),
        filters=LastMinuteFilters(
            space_type=query.space_type or "",
            day=query.day,
            time_of_day=query.time_of_day or "",
            min_capacity=query.min_capacity,
            free_of_charge=query.free_of_charge,
        ),
    )
    return {
        "items": [
            {
                "space_id": slot.space.pk,
                "space": slot.space.name,
                "venue": slot.venue.name,
                "starts_at": slot.start.astimezone(LOCAL_ZONE),
                "ends_at": slot.end.astimezone(LOCAL_ZONE),
                "reason": slot.reason,
            }
            for slot in slots
        ]
    }
