"""Which spaces are free for a wanted time: the free-time filter of every space search.

The same rule as booking (opening hours, exceptions, holidays, buffers, booking window), for a
whole city's spaces at once with a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import NamedTuple

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from lampio.bookings.models import Booking, blocking, blocking_over
from lampio.core.multilingual import without_fallbacks
from lampio.core.timeranges import LOCAL_ZONE, Interval
from lampio.spaces.models import OpeningException, OpeningHours, Space
from lampio.spaces.opening import (
    EXCEPTION_COLUMNS,
    WEEKLY_COLUMNS,
    ExceptionRow,
    WeeklyRow,
    periods_between,
)
from lampio.spaces.selectors import AVAILABILITY_FIELDS


class FreeRule(NamedTuple):
    """The fields of a space that decide whether it is free (`AVAILABILITY_FIELDS`, in their
    order), read without a model instance."""

    pk: int
    booking_closes_hours: int
    booking_opens_days: int
    buffer_before_minutes: int
    buffer_after_minutes: int
    closed_on_public_holidays: bool


def _weekdays(first: date, last: date) -> set[int]:
    return {(first + timedelta(days=offset)).weekday() for offset in range((last - first).days + 1)}


def spaces_free_between(
    spaces: QuerySet[Space], wanted: Interval, *, now: datetime | None = None
) -> QuerySet[Space]:
    """The spaces of `spaces` free for the whole of `wanted`, as a queryset (`free_space_ids`)."""
    return spaces.filter(pk__any=free_space_ids(spaces, wanted, now=now))


def free_space_ids(
    spaces: QuerySet[Space], wanted: Interval, *, now: datetime | None = None
) -> list[int]:
    """The ids of the spaces of `spaces`, in their given order, free for the whole of `wanted`.

    The same rule as `book_space` (opening hours, exceptions, holidays, buffers, booking
    window), checked for every candidate with a fixed number of queries: spaces booked over
    `wanted` itself are dropped in SQL, then hours, exceptions and nearby bookings (which can
    still block through buffers) are fetched for all remaining spaces at once.

    Rows are read as tuples, and only the weekdays that `wanted` touches: model instances for a
    whole city's spaces and their hours cost most of the request. The candidates' ids go to
    the later queries as one parameter (`__any`).
    """
    now = now or timezone.now()
    first = wanted.start.astimezone(LOCAL_ZONE).date() - timedelta(days=1)
    last = wanted.end.astimezone(LOCAL_ZONE).date()
    # NOT EXISTS lets PostgreSQL hash the bookings over `wanted` once, read from the covering
    # index (migration bookings/0009); NOT IN had it scan every space of the network instead.
    booked = blocking_over(Booking.objects.all(), wanted.start, wanted.end, now=now).filter(
        space_id=OuterRef("pk")
    )
    candidates = [
        FreeRule(*row)
        for row in without_fallbacks(spaces.filter(~Exists(booked))).values_list(
            *AVAILABILITY_FIELDS
        )
    ]
    if not candidates:
        return []
    ids = [space.pk for space in candidates]
    weekly: dict[int, list[WeeklyRow]] = defaultdict(list)
    for space_id, *hours in OpeningHours.objects.filter(
        space_id__any=ids, weekday__in=_weekdays(first, last)
    ).values_list("space_id", *WEEKLY_COLUMNS):
        weekly[space_id].append(WeeklyRow(*hours))
    exceptions: dict[int, list[ExceptionRow]] = defaultdict(list)
    for space_id, *exception in without_fallbacks(
        OpeningException.objects.filter(space_id__any=ids, date__range=(first, last))
    ).values_list("space_id", *EXCEPTION_COLUMNS):
        exceptions[space_id].append(ExceptionRow(*exception))
    reach = timedelta(
        minutes=max(max(s.buffer_before_minutes, s.buffer_after_minutes) for s in candidates)
    )
    nearby: dict[int, list[Interval]] = defaultdict(list)
    if reach:
        for space_id, start, end in Booking.objects.filter(
            blocking(now),
            space_id__any=ids,
            blocked_from__lt=wanted.end + reach,
            blocked_until__gt=wanted.start - reach,
        ).values_list("space_id", "blocked_from", "blocked_until"):
            nearby[space_id].append(Interval(start, end))
    # Spaces of one venue mostly share their hours: their opening periods are worked out once.
    opening: dict[tuple[object, ...], list[Interval]] = {}
    free = []
    for space in candidates:
        hours, closures = tuple(weekly[space.pk]), tuple(exceptions[space.pk])
        key = (space.closed_on_public_holidays, hours, closures)
        if key not in opening:
            opening[key] = periods_between(space, first, last, weekly=hours, exceptions=closures)
        if _free_with_fetched(
            space, wanted, now=now, opening=opening[key], nearby=nearby[space.pk]
        ):
            free.append(space.pk)
    return free


def _free_with_fetched(
    space: FreeRule,
    wanted: Interval,
    *,
    now: datetime,
    opening: list[Interval],
    nearby: list[Interval],
) -> bool:
    if wanted.start < now + timedelta(hours=space.booking_closes_hours):
        return False
    if wanted.start > now + timedelta(days=space.booking_opens_days):
        return False
    if not any(period.contains(wanted) for period in opening):
        return False
    after = timedelta(minutes=space.buffer_after_minutes)
    before = timedelta(minutes=space.buffer_before_minutes)
    return not any(Interval(start - after, end + before).overlaps(wanted) for start, end in nearby)
