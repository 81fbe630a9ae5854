"""Reads on bookings: free times of a space, a person's bookings, requests waiting for staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.core import signing
from django.db.models import QuerySet
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    blocking,
)
from lampio.core.errors import NotFound
from lampio.core.timeranges import (
    Interval,
    clip,
    local_day_bounds,
    subtract,
)
from lampio.spaces.models import Space, Visibility
from lampio.spaces.opening import (
    opening_periods_between,
)
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, roles_of
from lampio.tenancy.selectors import scope_to_actor


def taken_ranges(space: Space, window: Interval, *, now: datetime | None = None) -> list[Interval]:
    """Where a new booking's own time cannot lie, given the space's buffers on both sides."""
    blocked = Booking.objects.filter(
        blocking(now or timezone.now()),
        space=space,
        blocked_from__lt=window.end + space.buffer_before,
        blocked_until__gt=window.start - space.buffer_after,
    ).values_list("blocked_from", "blocked_until")
    return [
        Interval(start - space.buffer_after, end + space.buffer_before) for start, end in blocked
    ]


def free_intervals_between(
    space: Space, first: date, last: date, *, now: datetime | None = None
) -> list[Interval]:
    """Free time on the local days `first`..`last`, within opening hours and the booking window.

    Three queries whatever the number of days: weekly hours, exceptions, bookings.
    """
    now = now or timezone.now()
    window = Interval(local_day_bounds(first).start, local_day_bounds(last).end)
    bookable_from = now + timedelta(hours=space.booking_closes_hours)
    bookable_until = now + timedelta(days=space.booking_opens_days)
    if window.end <= bookable_from or window.start > bookable_until:
        return []
    periods = clip(opening_periods_between(space, first - timedelta(days=1), last), window)
    free = subtract(periods, taken_ranges(space, window, now=now))
    return clip(free, Interval(max(window.start, bookable_from), window.end))


def free_intervals(space: Space, day: date, *, now: datetime | None = None) -> list[Interval]:
    """Free time on local `day`, within opening hours and the booking window."""
    return free_intervals_between(space, day, day, now=now)


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    is_free: bool


def day_slots(space: Space, day: date, *, now: datetime | None = None) -> list[Slot]:
    """The day's opening time cut into the space's slots, each free or taken."""
    now = now or timezone.now()
    window = local_day_bounds(day)
    periods = clip(opening_periods_between(space, day - timedelta(days=1), day), window)
    free = free_intervals(space, day, now=now)
    step = timedelta(minutes=space.slot_minutes)
    slots: list[Slot] = []
    for period in periods:
        start = period.start
        while start + step <= period.end:
            slot = Interval(start, start + step)
            slots.append(Slot(slot.start, slot.end, any(f.contains(slot) for f in free)))
            start += step
    return slots


def bookings_of(*, actor: User, upcoming: bool, now: datetime | None = None) -> QuerySet[Booking]:
    now = now or timezone.now()
    bookings = Booking.objects.filter(booker=actor).select_related(
        "space__venue__organisation__municipality"
    )
    if upcoming:
        return bookings.filter(ends_at__gt=now).order_by("starts_at")
    return bookings.filter(ends_at__lte=now).order_by("-starts_at")


def booking_of(*, actor: User, booking_id: int) -> Booking:
    booking = (
        Booking.objects.select_related("space__venue__organisation__municipality")
        .filter(pk=booking_id, booker=actor)
        .first()
    )
    if booking is None:
        raise NotFound()
    return booking


def booking_by_feed_token(token: str) -> Booking | None:
    return Booking.objects.select_related("space__venue").filter(feed_token=token).first()


def feed_bookings(*, user: User) -> QuerySet[Booking]:
    return Booking.objects.filter(
        booker=user, ends_at__gt=timezone.now() - timedelta(days=90)
    ).select_related("space__venue")


def requests_for(*, actor: Actor) -> QuerySet[Booking]:
    """Requests waiting for a decision, in the spaces the actor's organisations manage."""
    return (
        scope_to_actor(
            Booking.objects.filter(status=BookingStatus.REQUESTED),
            actor=actor,
            action=Action.MANAGE,
            via="space__venue__organisation",
        )
        .select_related("space__venue", "booker")
        .order_by("starts_at")
    )


def bookings_of_owned_spaces(*, actor: Actor, first: date, last: date) -> QuerySet[Booking]:
    window = Interval(local_day_bounds(first).start, local_day_bounds(last).end)
    return (
        scope_to_actor(
            Booking.objects.filter(
                status__in=ACTIVE_STATUSES, starts_at__lt=window.end, ends_at__gt=window.start
            ),
            actor=actor,
            action=Action.MANAGE,
            via="space__venue__organisation",
        )
        .select_related("space__venue", "booker")
        .order_by("starts_at")
    )


# --- Reads for the resident pages: availability, space search by free time, the feed ---------


class SlotState(StrEnum):
    FREE = "free"
    TAKEN = "taken"  # booked, blocked by staff, or inside another booking's buffer
    UNAVAILABLE = "unavailable"  # passed, closing soon, or not yet open for booking


@dataclass(frozen=True)
class SlotAvailability:
    start: datetime
    end: datetime
    state: SlotState
    # Where a booking picked from this slot ends by default: one slot, or the shortest booking.
    suggested_end: datetime


def slot_availability(
    space: Space, day: date, *, now: datetime | None = None
) -> list[SlotAvailability]:
    """The day's slots, telling a taken slot apart from one that cannot be booked any more."""
    now = now or timezone.now()
    bookable = Interval(
        now + timedelta(hours=space.booking_closes_hours),
        now + timedelta(days=space.booking_opens_days),
    )
    shortest = timedelta(minutes=max(space.slot_minutes, space.min_duration_minutes))
    rows = []
    for slot in day_slots(space, day, now=now):
        if slot.start < bookable.start or slot.start > bookable.end:
            state = SlotState.UNAVAILABLE
        else:
            state = SlotState.FREE if slot.is_free else SlotState.TAKEN
        rows.append(SlotAvailability(slot.start, slot.end, state, slot.start + shortest))
    return rows


def week_free_intervals(
    space: Space, first: date, *, days: int = 7, now: datetime | None = None
) -> list[tuple[date, list[Interval]]]:
    """Each of `days` local days from `first` with its free time (one read for all days)."""
    last = first + timedelta(days=days - 1)
    free = free_intervals_between(space, first, last, now=now)
    week = [first + timedelta(days=offset) for offset in range(days)]
    return [(day, clip(free, local_day_bounds(day))) for day in week]


def cancellation_deadline(booking: Booking) -> datetime:
    """Until when the booker may cancel the booking themselves."""
    return booking.starts_at - timedelta(hours=booking.space.cancellation_hours)


FEED_SALT = "lampio.bookings.feed"


def feed_token_for(user: User) -> str:
    """The secret part of a person's calendar feed address; the same every time it is shown,
    so a calendar app's subscription keeps working."""
    return signing.Signer(salt=FEED_SALT).sign_object({"user": user.pk})


def user_by_feed_token(token: str) -> User | None:
    try:
        payload = signing.Signer(salt=FEED_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    user_id = payload.get("user") if isinstance(payload, dict) else None
    if not isinstance(user_id, int):
        return None
    return User.objects.filter(pk=user_id, is_active=True, deleted_at__isnull=True).first()


# --- Reads for the bookings desk of the owning organisation's staff ----------------------------


def requests_of_organisation(*, actor: Actor, organisation: Organisation) -> QuerySet[Booking]:
    return requests_for(actor=actor).filter(space__venue__organisation=organisation)


def organisation_week(
    *, actor: Actor, organisation: Organisation, first: date, days: int = 7
) -> list[tuple[date, list[Booking]]]:
    """Each local day from `first` with the active bookings of the organisation's spaces that
    touch it; a booking past midnight is listed on both days."""
    last = first + timedelta(days=days - 1)
    bookings = list(
        bookings_of_owned_spaces(actor=actor, first=first, last=last).filter(
            space__venue__organisation=organisation
        )
    )
    week = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        bounds = local_day_bounds(day)
        touching = [b for b in bookings if b.starts_at < bounds.end and b.ends_at > bounds.start]
        week.append((day, touching))
    return week


def managed_booking(*, actor: Actor, organisation: Organisation, booking_id: int) -> Booking:
    """A booking of one of the organisation's spaces that the actor may manage."""
    booking = (
        scope_to_actor(
            Booking.objects.filter(pk=booking_id, space__venue__organisation=organisation),
            actor=actor,
            action=Action.MANAGE,
            via="space__venue__organisation",
        )
        .select_related("space__venue", "booker")
        .first()
    )
    if booking is None:
        raise NotFound()
    return booking


@dataclass(frozen=True)
class ColleagueIn:
    name: str
    start: datetime
    end: datetime


def colleagues_in(*, actor: Actor, space: Space, day: date) -> list[ColleagueIn]:
    """Who is in a members-only space on `day`: only people who chose to be shown, and only to
    members of the owning organisation."""
    if space.visibility != Visibility.MEMBERS or space.venue.organisation_id not in roles_of(actor):
        return []
    bounds = local_day_bounds(day)
    bookings = (
        Booking.objects.filter(
            space=space,
            status=BookingStatus.CONFIRMED,
            show_to_colleagues=True,
            starts_at__lt=bounds.end,
            ends_at__gt=bounds.start,
        )
        .select_related("booker")
        .order_by("starts_at")
    )
    return [
        ColleagueIn(booking.booker.display_name, booking.starts_at, booking.ends_at)
        for booking in bookings
        if booking.booker is not None
    ]
