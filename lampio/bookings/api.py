"""The JSON API of bookings, and the reads of spaces that depend on bookings.

`GET /spaces` (with its free-time filter) and `GET /spaces/{id}/availability` are here rather
than in `lampio.spaces.api` because they read bookings, and spaces must not depend on bookings.
They carry the "spaces" tag, so the OpenAPI document groups them with the rest of the spaces.

Times go out in ISO 8601 with the Helsinki offset (+02:00 in winter, +03:00 in summer) and must
come in with an offset; a time without one is refused rather than guessed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from lampio.accounts.api import Problem
from lampio.accounts.auth import acting_user
from lampio.bookings import free_time, paid, selectors, services
from lampio.bookings.access import access_for, visible_booking
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.errors import InvalidInput
from lampio.core.multilingual import without_fallbacks
from lampio.core.ratelimit import check_rate_limit
from lampio.core.timeranges import LOCAL_ZONE, Interval, as_utc
from lampio.spaces import selectors as space_selectors
from lampio.spaces.api import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    PUBLIC,
    SpacePage,
    SpaceSummary,
    paginate,
    public_auth,
)
from lampio.spaces.models import SpaceType

router = Router(tags=["bookings"])

# A free-time search reads every day of the range for every matching space (a few queries each);
# a bound keeps one request from asking about months. Two weeks covers a cabin's longest stay.
LONGEST_FREE_SEARCH = timedelta(days=14)


# Days further than this from today are refused: nothing can be booked there, and days near
# the ends of the calendar (year 1, year 9999) overflow when turned into Helsinki times.
FARTHEST_DAY = timedelta(days=10 * 366)


# Pydantic cannot resolve a field named `date` annotated with the name `date` it shadows.
Day = date


def local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_ZONE)


# --- Schemas ------------------------------------------------------------------------------------


class SpaceQuery(Schema):
    municipality: str = Field("", description="Slug of a municipality, e.g. oulu")
    q: str = Field("", max_length=100, description="Search words in fi, sv or en")
    type: SpaceType | None = None
    min_capacity: int | None = Field(None, ge=1)
    free_from: datetime | None = Field(
        None, description="With free_to: only spaces open and free for the whole time"
    )
    free_to: datetime | None = None
    page: int = Field(1, ge=1)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class AvailabilityQuery(Schema):
    date: Day = Field(description="A local day, YYYY-MM-DD")
    days: int = Field(
        1, ge=1, le=14, description="How many days from `date` (a week view asks for 7 at once)"
    )


class FreeInterval(Schema):
    start: datetime
    end: datetime


class Availability(Schema):
    date: Day
    free: list[FreeInterval]


class BookingIn(Schema):
    space_id: int
    starts_at: datetime = Field(description="ISO 8601 with offset, e.g. 2030-06-12T18:00+03:00")
    ends_at: datetime
    purpose: str = Field(max_length=200)
    attendees: int = 1


class BookingCreated(Schema):
    id: int
    status: BookingStatus
    starts_at: datetime
    ends_at: datetime

    @staticmethod
    def resolve_starts_at(obj: Booking) -> datetime:
        return local(obj.starts_at)

    @staticmethod
    def resolve_ends_at(obj: Booking) -> datetime:
        return local(obj.ends_at)


class BookingHeld(BookingCreated):
    hold_expires_at: datetime | None = Field(
        None, description="A held booking (status `held`) frees its slot at this time"
    )
    payment_url: str | None = Field(
        None, description="Where the person pays a held booking of a paid space, on the web"
    )

    @staticmethod
    def resolve_hold_expires_at(obj: Booking) -> datetime | None:
        return local(obj.hold_expires_at) if obj.hold_expires_at else None

    @staticmethod
    def resolve_payment_url(obj: Booking, context: dict[str, Any]) -> str | None:
        if obj.status != BookingStatus.HELD:
            return None  # only a held booking waits for its payment (no query for the rest)
        path = paid.payment_path(obj)
        return context["request"].build_absolute_uri(path) if path else None


class AccessOut(Schema):
    method: str = Field(description="code, staff, key or open")
    code: str | None = Field(
        description="The personal door code: only for the booker and the owner's staff, and "
        "only while the booking is confirmed"
    )
    valid_from: datetime | None = Field(description="When the code starts to open the door")
    valid_until: datetime | None = Field(description="When the code stops opening the door")
    instructions: str = Field(description="How to get in, in the request's language")


class BookingOut(BookingHeld):
    space: SpaceSummary
    purpose: str
    attendees: int
    access: AccessOut

    @staticmethod
    def resolve_access(obj: Booking, context: dict[str, Any]) -> dict[str, Any]:
        info = access_for(obj, viewer=context["request"].user)
        return {
            "method": info.method,
            "code": info.code,
            "valid_from": local(info.valid_from) if info.valid_from else None,
            "valid_until": local(info.valid_until) if info.valid_until else None,
            "instructions": info.instructions,
        }


class BookingQuery(Schema):
    past: bool = Field(False, description="Past bookings, latest first, instead of upcoming")
    page: int = Field(1, ge=1)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class BookingPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[BookingOut]


# --- Spaces, as far as bookings tell about them -------------------------------------------------


def _free_time_wanted(free_from: datetime | None, free_to: datetime | None) -> Interval | None:
    if free_from is None and free_to is None:
        return None
    if free_from is None or free_to is None:
        raise InvalidInput(_("Give both free_from and free_to."), field="free_to")
    if timezone.is_naive(free_from) or timezone.is_naive(free_to):
        raise InvalidInput(_("Give the time with its time zone."), field="free_from")
    wanted = Interval(as_utc(free_from), as_utc(free_to))
    if wanted.end <= wanted.start:
        raise InvalidInput(_("The end must be after the start."), field="free_to")
    if wanted.duration > LONGEST_FREE_SEARCH:
        raise InvalidInput(
            _("Search free time for at most %(days)d days at a time.")
            % {"days": LONGEST_FREE_SEARCH.days},
            field="free_to",
        )
    return wanted


def _page_of_spaces(request: HttpRequest, ids: list[int], *, page: int, page_size: int) -> Any:
    """`paginate` for a space search: the matching ids in order (a city has hundreds of spaces,
    the network thousands), then one page of summaries by id.

    Counting and then fetching a page made the database evaluate the filters (the text search,
    the free-time rule) for both; ids are cheap to list and to count.
    """
    found = paginate(request, ids, page=page, page_size=page_size)  # type: ignore[type-var]
    return {**found, "results": space_selectors.space_summaries(found["results"])}


@router.get(
    "/spaces",
    auth=public_auth,
    tags=["spaces"],
    response={200: SpacePage, 400: Problem},
    summary="Search spaces; optionally only those free for a given time",
    description=f"{PUBLIC} With free_from and free_to (ISO 8601 with offset, at most "
    f"{LONGEST_FREE_SEARCH.days} days apart), only spaces open, unbooked and inside their "
    "booking window for the whole time.",
)
def list_spaces(request: HttpRequest, filters: Query[SpaceQuery]) -> dict[str, Any]:
    wanted = _free_time_wanted(filters.free_from, filters.free_to)
    matches = space_selectors.search_spaces(
        actor=request.user,
        filters=space_selectors.SpaceFilters(
            municipality=filters.municipality,
            q=filters.q,
            space_type=filters.type or "",
            min_capacity=filters.min_capacity,
        ),
    )
    if wanted is None:
        ids = list(without_fallbacks(matches).values_list("pk", flat=True))
    else:
        ids = free_time.free_space_ids(matches, wanted)
    return _page_of_spaces(request, ids, page=filters.page, page_size=filters.page_size)


@router.get(
    "/spaces/{space_id}/availability",
    auth=public_auth,
    tags=["spaces"],
    response={200: Availability, 400: Problem, 404: Problem},
    summary="Free times of a space on a local day (or several days from it)",
    description=f"{PUBLIC} Times are ISO 8601 with the Helsinki offset; past time is not free.",
)
def space_availability(
    request: HttpRequest, space_id: int, query: Query[AvailabilityQuery]
) -> dict[str, Any]:
    if abs(query.date - timezone.localdate()) > FARTHEST_DAY:
        raise InvalidInput(_("Ask for a day within ten years from today."), field="date")
    space = space_selectors.space_rules_for(actor=request.user, space_id=space_id)
    last = query.date + timedelta(days=query.days - 1)
    free = selectors.free_intervals_between(space, query.date, last)
    return {
        "date": query.date,
        "free": [{"start": local(interval.start), "end": local(interval.end)} for interval in free],
    }


# --- Bookings of the logged-in person -----------------------------------------------------------


@router.post(
    "/bookings",
    response={
        201: BookingHeld,
        400: Problem,
        401: Problem,
        403: Problem,
        404: Problem,
        409: Problem,
        429: Problem,
    },
    summary="Book a space: confirmed at once, or requested when the space needs approval",
    description="A paid space's booking is `held` until paid at its `payment_url`.",
)
def create_booking(request: HttpRequest, payload: BookingIn) -> Status[Booking]:
    actor = acting_user(request)
    check_rate_limit(request, group="api-booking", rate="60/m")
    space = space_selectors.space_for_booking(actor=actor, space_id=payload.space_id)
    if space.is_paid and paid.handler() is not None:
        # Held while the person pays on the page named by the booking's `payment_url`.
        reserved = paid.reserve(
            actor=actor,
            space=space,
            starts_at=payload.starts_at,
            ends_at=payload.ends_at,
            purpose=payload.purpose,
            attendees=payload.attendees,
        )
        if reserved is not None:
            return Status(201, reserved[0])
    booking = services.book_space(
        actor=actor,
        space=space,
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        purpose=payload.purpose,
        attendees=payload.attendees,
    )
    return Status(201, booking)


@router.get(
    "/bookings",
    response={200: BookingPage, 400: Problem, 401: Problem},
    summary="The logged-in person's upcoming bookings, soonest first; ?past=true for past ones",
)
def my_bookings(request: HttpRequest, query: Query[BookingQuery]) -> dict[str, Any]:
    bookings = selectors.bookings_of(actor=acting_user(request), upcoming=not query.past)
    return paginate(request, bookings, page=query.page, page_size=query.page_size)


@router.get(
    "/bookings/{booking_id}",
    response={200: BookingOut, 401: Problem, 404: Problem},
    summary="One booking: the booker's own, or one of a space the caller's organisation runs",
    description="Carries `access`; its `code` only for the booker and the owner's staff.",
)
def booking_detail(request: HttpRequest, booking_id: int) -> Booking:
    return visible_booking(viewer=acting_user(request), booking_id=booking_id)


@router.post(
    "/bookings/{booking_id}/cancel",
    response={200: BookingOut, 400: Problem, 401: Problem, 404: Problem, 409: Problem},
    summary="Cancel one of the logged-in person's bookings",
)
def cancel_booking(request: HttpRequest, booking_id: int) -> Booking:
    actor = acting_user(request)
    booking = selectors.booking_of(actor=actor, booking_id=booking_id)
    return services.cancel_booking(actor=actor, booking=booking)
