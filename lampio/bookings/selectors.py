"""Reads on bookings: free times of a space, a person's bookings, requests waiting for staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingStatus
from lampio.core.errors import NotFound
from lampio.core.timeranges import Interval, clip, local_day_bounds, subtract
from lampio.spaces.models import Space
from lampio.spaces.opening import opening_periods_between
from lampio.tenancy.permissions import Action, Actor
from lampio.tenancy.selectors import scope_to_actor


def taken_ranges(space: Space, window: Interval) -> list[Interval]:
    """Where a new booking's own time cannot lie, given the space's buffers on both sides."""
    blocked = Booking.objects.filter(
        space=space,
        status__in=ACTIVE_STATUSES,
        blocked_from__lt=window.end + space.buffer_before,
        blocked_until__gt=window.start - space.buffer_after,
    ).values_list("blocked_from", "blocked_until")
    return [
        Interval(start - space.buffer_after, end + space.buffer_before) for start, end in blocked
    ]


def free_intervals(space: Space, day: date, *, now: datetime | None = None) -> list[Interval]:
    """Free time on local `day`, within opening hours and the booking window."""
    now = now or timezone.now()
    window = local_day_bounds(day)
    bookable_from = now + timedelta(hours=space.booking_closes_hours)
    bookable_until = now + timedelta(days=space.booking_opens_days)
    if window.end <= bookable_from or window.start > bookable_until:
        return []
    periods = clip(opening_periods_between(space, day - timedelta(days=1), day), window)
    free = subtract(periods, taken_ranges(space, window))
    return clip(free, Interval(max(window.start, bookable_from), window.end))


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
