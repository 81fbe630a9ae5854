"""The JSON API of spaces: one space's details, and the schemas and helpers other APIs reuse.

The search (`GET /spaces`) and a space's free times (`GET /spaces/{id}/availability`) need the
bookings of a space, so they live in `lampio.bookings.api`: apps depend downwards only
(bookings → spaces), never the other way.

Lists are paginated the same way everywhere:
`{"count": <all matches>, "next": <url or null>, "previous": <url or null>, "results": [...]}`
with `?page=` (from 1) and `?page_size=` (1–100, default 20).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from ninja import Router, Schema

from lampio.accounts.api import Problem
from lampio.core.api import allows_anonymous, default_auth
from lampio.core.pagination import page_and_count
from lampio.spaces import selectors
from lampio.spaces.models import PriceType, Space, SpaceType, Venue

router = Router(tags=["spaces"])

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


@allows_anonymous
def anyone(request: HttpRequest) -> bool:
    """Let a request in without credentials once the real schemes have had their try.

    Public reads list the bearer token and the session first, so that a logged-in member (by
    either) also sees the members-only spaces of their organisations; `request.user` is then
    that person, and otherwise anonymous.
    """
    return True


public_auth = [*default_auth, anyone]
PUBLIC = (
    "Public: no credentials needed. With a bearer token or a login session, the members-only "
    "spaces of the caller's organisations are included too."
)


# --- Pagination ---------------------------------------------------------------------------------

M = TypeVar("M", bound=Model)


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest, items: QuerySet[M] | Sequence[M], *, page: int, page_size: int
) -> dict[str, Any]:
    """One page of `items` in the `{count, next, previous, results}` shape."""
    start = (page - 1) * page_size
    if isinstance(items, QuerySet):
        results, count = page_and_count(items, start=start, page_size=page_size)
    else:
        count = len(items)
        results = list(items[start : start + page_size]) if start < count else []
    return {
        "count": count,
        "next": _page_url(request, page + 1) if start + page_size < count else None,
        "previous": _page_url(request, page - 1) if page > 1 else None,
        "results": results,
    }


# --- Schemas ------------------------------------------------------------------------------------


class SpaceListItem(Schema):
    """A space in a search's page (`selectors.space_summaries` reads these as plain rows)."""

    id: int
    name: str
    venue: str
    municipality: str
    capacity: int
    type: SpaceType


class SpaceSummary(SpaceListItem):
    """The same shape, read from a space model (a booking's space)."""

    @staticmethod
    def resolve_venue(obj: Space) -> str:
        return obj.venue.name

    @staticmethod
    def resolve_municipality(obj: Space) -> str:
        return obj.venue.organisation.municipality.slug

    @staticmethod
    def resolve_type(obj: Space) -> str:
        return obj.space_type


class SpacePage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[SpaceListItem]


class VenueOut(Schema):
    id: int
    name: str
    street_address: str
    postal_code: str
    post_office: str
    directions: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_directions(obj: Venue) -> str:
        return obj.directions or ""


class BookingRules(Schema):
    slot_minutes: int
    min_duration_minutes: int
    max_duration_minutes: int
    requires_handling: bool
    cancellation_hours: int
    booking_opens_days: int
    booking_closes_hours: int


class SpaceDetails(Schema):
    id: int
    name: str
    description: str
    venue: VenueOut
    municipality: str
    type: SpaceType
    capacity: int
    equipment: list[str]
    step_free_access: bool
    accessible_toilet: bool
    induction_loop: bool
    price_type: PriceType
    price: Decimal
    booking_rules: BookingRules

    @staticmethod
    def resolve_description(obj: Space) -> str:
        return obj.description or ""

    @staticmethod
    def resolve_municipality(obj: Space) -> str:
        return obj.venue.organisation.municipality.slug

    @staticmethod
    def resolve_type(obj: Space) -> str:
        return obj.space_type

    @staticmethod
    def resolve_equipment(obj: Space) -> list[str]:
        return [equipment.slug for equipment in obj.equipment.all()]  # prefetched by space_for

    @staticmethod
    def resolve_booking_rules(obj: Space) -> Space:
        return obj  # the rules are fields of the space itself


# --- Operations ---------------------------------------------------------------------------------


@router.get(
    "/spaces/{space_id}",
    auth=public_auth,
    response={200: SpaceDetails, 400: Problem, 404: Problem},
    summary="One space with its venue, equipment, accessibility, price and booking rules",
    description=PUBLIC,
)
def space_details(request: HttpRequest, space_id: int) -> Space:
    return selectors.space_for(actor=request.user, space_id=space_id)
