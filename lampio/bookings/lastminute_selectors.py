"""Last-minute times: what is free in the coming week of one municipality, and why it is shown.

Two kinds of time are listed. *Freed* time was booked and let go lately (cancelled, denied,
a hold that lapsed) and is free again. *Quiet* time is the free time of spaces that are
usually underused: booked for less than `QUIET_THRESHOLD` of their opening hours over the
past `HISTORY_DAYS` days. Four queries whatever the number of spaces: the spaces, their weekly
hours, their exceptions, and their bookings (history and the coming week at once).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lampio.bookings.models import Booking, BookingStatus, blocking
from lampio.core.timeranges import (
    LOCAL_ZONE,
    Interval,
    as_utc,
    clip,
    local_datetime,
    local_day_bounds,
    merge,
    subtract,
)
from lampio.spaces.models import (
    Bookers,
    OpeningException,
    OpeningHours,
    PriceType,
    Space,
    Venue,
)
from lampio.spaces.opening import periods_between
from lampio.spaces.selectors import visible_spaces
from lampio.tenancy.models import Municipality

DAYS_AHEAD = 7
HISTORY_DAYS = 28
RECENTLY_FREED = timedelta(days=7)
QUIET_THRESHOLD = 0.30  # booked hours / open hours below this: "usually quiet"
QUIET_PER_DAY = 3  # longest free intervals shown per quiet space and day


class Reason(StrEnum):
    FREED = "freed"
    QUIET = "quiet"


REASON_LABELS = {Reason.FREED: _("Freed"), Reason.QUIET: _("Usually quiet")}


class TimeOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


TIME_OF_DAY_LABELS = {
    TimeOfDay.MORNING: _("Morning (until 12)"),
    TimeOfDay.AFTERNOON: _("Afternoon (12–17)"),
    TimeOfDay.EVENING: _("Evening (from 17)"),
}
# Local wall-clock bounds; the evening runs to midnight (None = the end of the day).
TIME_OF_DAY_BOUNDS: dict[TimeOfDay, tuple[time, time | None]] = {
    TimeOfDay.MORNING: (time(0), time(12)),
    TimeOfDay.AFTERNOON: (time(12), time(17)),
    TimeOfDay.EVENING: (time(17), None),
}


@dataclass(frozen=True)
class LastMinuteFilters:
    space_type: str = ""
    day: date | None = None
    time_of_day: str = ""
    min_capacity: int | None = None
    free_of_charge: bool = False


@dataclass(frozen=True)
class LastMinuteSlot:
    space: Space
    start: datetime
    end: datetime
    reason: Reason

    @property
    def venue(self) -> Venue:
        return self.space.venue

    @property
    def municipality(self) -> Municipality:
        return self.space.venue.organisation.municipality

    @property
    def reason_label(self) -> str:
        return str(REASON_LABELS[self.reason])

    @property
    def local_day(self) -> date:
        return self.start.astimezone(LOCAL_ZONE).date()

    @property
    def book_url(self) -> str:
        """The space's booking form with this time filled in (at most the longest booking)."""
        end = min(self.end, self.start + timedelta(minutes=self.space.max_duration_minutes))
        query = urlencode(
            {
                "start": self.start.astimezone(LOCAL_ZONE).isoformat(),
                "end": end.astimezone(LOCAL_ZONE).isoformat(),
            }
        )
        return f"{reverse('bookings:new', kwargs={'space_id': self.space.pk})}?{query}"


def bookable_spaces(municipality: Municipality, filters: LastMinuteFilters) -> list[Space]:
    """Published public spaces of the municipality that a resident may book."""
    spaces = (
        visible_spaces(actor=AnonymousUser())
        .filter(venue__organisation__municipality=municipality)
        .exclude(who_may_book=Bookers.ORGANISATIONS)
        .select_related("venue__organisation__municipality")
    )
    if filters.space_type:
        spaces = spaces.filter(space_type=filters.space_type)
    if filters.min_capacity:
        spaces = spaces.filter(capacity__gte=filters.min_capacity)
    if filters.free_of_charge:
        spaces = spaces.filter(price_type=PriceType.FREE)
    return list(spaces.order_by("pk"))


def _wanted_parts(first: date, last: date, filters: LastMinuteFilters) -> list[Interval]:
    """The local day and time-of-day windows the filters allow."""
    parts: list[Interval] = []
    day = first
    while day <= last:
        if filters.day is None or filters.day == day:
            whole = local_day_bounds(day)
            if filters.time_of_day in TIME_OF_DAY_BOUNDS:
                begins, ends = TIME_OF_DAY_BOUNDS[TimeOfDay(filters.time_of_day)]
                end = whole.end if ends is None else local_datetime(day, ends)
                parts.append(Interval(local_datetime(day, begins), end))
            else:
                parts.append(whole)
        day += timedelta(days=1)
    return parts


def _on_grid(free: list[Interval], space: Space) -> list[Interval]:
    """Free intervals trimmed to the space's slot grid and long enough for a booking."""
    step = space.slot_minutes
    shortest = timedelta(minutes=max(space.min_duration_minutes, step))
    kept = []
    for interval in free:
        start = interval.start.astimezone(LOCAL_ZONE)
        whole = start.replace(second=0, microsecond=0)
        if whole < start:
            whole += timedelta(minutes=1)
        start = whole + timedelta(minutes=-(whole.hour * 60 + whole.minute) % step)
        end = interval.end.astimezone(LOCAL_ZONE).replace(second=0, microsecond=0)
        end -= timedelta(minutes=(end.hour * 60 + end.minute) % step)
        if as_utc(end) - as_utc(start) >= shortest:
            kept.append(Interval(as_utc(start), as_utc(end)))
    return kept


@dataclass
class _Fetched:
    weekly: dict[int, list[OpeningHours]]
    exceptions: dict[int, list[OpeningException]]
    taken: dict[int, list[Interval]]  # blocked ranges of bookings that keep time taken now
    released: dict[int, list[Interval]]  # the times of bookings let go lately


def _fetch(
    spaces: list[Space], history_start: datetime, until: datetime, now: datetime
) -> _Fetched:
    ids = [space.pk for space in spaces]
    weekly: dict[int, list[OpeningHours]] = defaultdict(list)
    for hours in OpeningHours.objects.filter(space_id__in=ids).order_by("weekday", "opens"):
        weekly[hours.space_id].append(hours)
    exceptions: dict[int, list[OpeningException]] = defaultdict(list)
    first = history_start.astimezone(LOCAL_ZONE).date() - timedelta(days=1)
    for exception in OpeningException.objects.filter(
        space_id__in=ids, date__range=(first, until.astimezone(LOCAL_ZONE).date())
    ):
        exceptions[exception.space_id].append(exception)
    reach = timedelta(
        minutes=max(max(s.buffer_before_minutes, s.buffer_after_minutes) for s in spaces)
    )
    released_recently = (
        Q(status=BookingStatus.CANCELLED, cancelled_at__gte=now - RECENTLY_FREED)
        | Q(status=BookingStatus.DENIED, created_at__gte=now - RECENTLY_FREED)
        | Q(
            status__in=[BookingStatus.EXPIRED, BookingStatus.HELD],
            hold_expires_at__gte=now - RECENTLY_FREED,
            hold_expires_at__lte=now,
        )
    )
    rows = (
        Booking.objects.filter(
            Q(blocking(now)) | (released_recently & Q(ends_at__gt=now)),
            space_id__in=ids,
            blocked_until__gt=history_start - reach,
            blocked_from__lt=until + reach,
        )
        .annotate(is_taken=ExpressionWrapper(blocking(now), output_field=BooleanField()))
        .values_list(
            "space_id", "is_taken", "starts_at", "ends_at", "blocked_from", "blocked_until"
        )
    )
    taken: dict[int, list[Interval]] = defaultdict(list)
    released: dict[int, list[Interval]] = defaultdict(list)
    for space_id, is_taken, starts_at, ends_at, blocked_from, blocked_until in rows:
        if is_taken:
            taken[space_id].append(Interval(blocked_from, blocked_until))
        else:
            released[space_id].append(Interval(starts_at, ends_at))
    return _Fetched(weekly, exceptions, taken, released)


def _periods(space: Space, first: date, last: date, fetched: _Fetched) -> list[Interval]:
    return periods_between(
        space, first, last, weekly=fetched.weekly[space.pk], exceptions=fetched.exceptions[space.pk]
    )


def _hours(intervals: list[Interval]) -> float:
    return sum(interval.duration.total_seconds() for interval in intervals) / 3600


def utilisation(space: Space, history: Interval, fetched: _Fetched) -> float | None:
    """Booked share of the open hours in `history`; None when the space was never open."""
    first = history.start.astimezone(LOCAL_ZONE).date() - timedelta(days=1)
    last = history.end.astimezone(LOCAL_ZONE).date()
    open_periods = clip(_periods(space, first, last, fetched), history)
    open_hours = _hours(open_periods)
    if not open_hours:
        return None
    booked = merge(fetched.taken[space.pk])
    booked_hours = sum(_hours(clip(open_periods, interval)) for interval in booked)
    return booked_hours / open_hours


def _free_time(space: Space, window: Interval, now: datetime, fetched: _Fetched) -> list[Interval]:
    """Like `selectors.free_intervals_between`, from the fetched rows."""
    first = window.start.astimezone(LOCAL_ZONE).date() - timedelta(days=1)
    last = window.end.astimezone(LOCAL_ZONE).date()
    periods = clip(_periods(space, first, last, fetched), window)
    taken = [
        Interval(interval.start - space.buffer_after, interval.end + space.buffer_before)
        for interval in fetched.taken[space.pk]
    ]
    bookable = Interval(
        max(window.start, now + timedelta(hours=space.booking_closes_hours)),
        min(window.end, now + timedelta(days=space.booking_opens_days)),
    )
    if bookable.start >= bookable.end:
        return []
    return clip(subtract(periods, taken), bookable)


def _quiet_pick(free: list[Interval]) -> list[Interval]:
    """Per local day, the longest free intervals first, at most `QUIET_PER_DAY`."""
    by_day: dict[date, list[Interval]] = defaultdict(list)
    for interval in free:
        by_day[interval.start.astimezone(LOCAL_ZONE).date()].append(interval)
    picked: list[Interval] = []
    for intervals in by_day.values():
        intervals.sort(key=lambda interval: (-interval.duration, interval.start))
        picked.extend(intervals[:QUIET_PER_DAY])
    return picked


def last_minute_slots(
    *, municipality: Municipality, now: datetime, filters: LastMinuteFilters | None = None
) -> list[LastMinuteSlot]:
    """Freed and usually-quiet free time of the municipality's spaces, today and 6 days on."""
    filters = filters or LastMinuteFilters()
    spaces = bookable_spaces(municipality, filters)
    if not spaces:
        return []
    today = now.astimezone(LOCAL_ZONE).date()
    last = today + timedelta(days=DAYS_AHEAD - 1)
    window = Interval(max(now, local_day_bounds(today).start), local_day_bounds(last).end)
    history = Interval(now - timedelta(days=HISTORY_DAYS), now)
    parts = _wanted_parts(today, last, filters)
    fetched = _fetch(spaces, history.start, window.end, now)
    slots: list[LastMinuteSlot] = []
    for space in spaces:
        # Clipped to the wanted parts of each day, so no interval runs past midnight.
        open_free = _free_time(space, window, now, fetched)
        free = [piece for part in parts for piece in clip(open_free, part)]
        if not free:
            continue
        freed = _on_grid(
            [
                piece
                for released in merge(fetched.released[space.pk])
                for piece in clip(free, released)
            ],
            space,
        )
        slots.extend(LastMinuteSlot(space, i.start, i.end, Reason.FREED) for i in freed)
        ratio = utilisation(space, history, fetched)
        if ratio is None or ratio >= QUIET_THRESHOLD:
            continue
        quiet = _on_grid(subtract(free, freed), space)
        slots.extend(
            LastMinuteSlot(space, i.start, i.end, Reason.QUIET) for i in _quiet_pick(quiet)
        )
    slots.sort(key=lambda slot: (slot.start, slot.end, slot.space.pk))
    return slots


def slots_by_day(slots: list[LastMinuteSlot]) -> list[tuple[date, list[LastMinuteSlot]]]:
    """The slots grouped by their local start day, in order."""
    days: dict[date, list[LastMinuteSlot]] = {}
    for slot in slots:
        days.setdefault(slot.local_day, []).append(slot)
    return list(days.items())
