"""The rules a recurring series is checked by: its pattern, who may book it, and its dates.

`series_services` calls these before and (for collisions) under the space's lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.rrule import MO, WEEKLY, rrule, weekday
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import rules, services
from lampio.bookings.errors import BookingRuleBroken, NotAllowedToBook, OutsideOpeningHours
from lampio.bookings.models import Booking, blocking
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.timeranges import LOCAL_ZONE, Interval, local_datetime
from lampio.spaces.models import Space
from lampio.spaces.opening import opening_periods_between
from lampio.tenancy.models import Organisation

# A resident's series: at most this many dates, within about a year, and a few series per
# space at a time, so one person cannot take a popular hall for good. Staff arrange longer ones.
MAX_RESIDENT_OCCURRENCES = 60
MAX_RESIDENT_SPAN_DAYS = 366
MAX_RESIDENT_SERIES_PER_SPACE = 2
# Sanity limit for staff and the seasonal allocation: a season of daily times fits.
MAX_OCCURRENCES = 400
CLOSED, TAKEN, EXCEPTION = "closed", "taken", "exception"


@dataclass(frozen=True)
class Occurrence:
    day: date
    times: Interval  # the booking's own time, UTC
    blocked: Interval  # buffers included, as the exclusion constraint sees it


def occurrence_dates(
    *, weekdays: Sequence[int], interval_weeks: int, first_date: date, last_date: date
) -> list[date]:
    """The chosen ISO weekdays of every `interval_weeks`-th week, counted from the week
    (Monday to Sunday) of `first_date`, from `first_date` to `last_date` inclusive."""
    rule = rrule(
        WEEKLY,
        interval=interval_weeks,
        byweekday=[weekday(day - 1) for day in sorted(set(weekdays))],
        wkst=MO,
        dtstart=datetime.combine(first_date, time()),
        until=datetime.combine(last_date, time()),
    )
    return [moment.date() for moment in rule]


def occurrence_times(space: Space, day: date, starts_time: time, ends_time: time) -> Occurrence:
    # An end at or before the start means the next day, as in the one-off booking form.
    end_day = day + timedelta(days=1) if ends_time <= starts_time else day
    times = Interval(local_datetime(day, starts_time), local_datetime(end_day, ends_time))
    return Occurrence(day, times, services.blocked_range(space, times.start, times.end))


def check_pattern(
    weekdays: Sequence[int], interval_weeks: int, first_date: date, last_date: date
) -> None:
    if not weekdays or any(day not in range(1, 8) for day in weekdays):
        raise InvalidInput(_("Choose at least one weekday."), field="weekdays")
    if not 1 <= interval_weeks <= 8:
        raise InvalidInput(_("Choose how often the time repeats."), field="interval_weeks")
    if last_date < first_date:
        raise InvalidInput(_("The last date must not be before the first."), field="last_date")


def check_resident(
    actor: User, space: Space, booker: User | None, for_organisation: Organisation | None
) -> None:
    if (booker is not None and booker.pk != actor.pk) or for_organisation is not None:
        raise PermissionDenied()
    rules.check_may_book(actor, space)
    if not space.allows_recurring:
        raise NotAllowedToBook(
            _("This space cannot be booked as a recurring time. Book the dates one at a time.")
        )
    if space.is_paid:
        raise BookingRuleBroken(
            _(
                "Recurring times of spaces that cost something are arranged by the staff of the "
                "space. Contact them, or book the dates one at a time."
            )
        )


def check_resident_times(
    space: Space, first: Occurrence, count: int, first_date: date, last_date: date, now: datetime
) -> None:
    """The resident rules, with the booking window applied to the FIRST date only.

    A series reserves a regular time for a season: applying the window (say 60 days) to every
    date would cap a weekly series at a couple of months and make it no better than single
    bookings. The window still says how soon a series may start; the occurrence cap and the
    span limit bound how long it runs. Slot grid and durations are wall-clock properties, the
    same on every date, so checking the first date checks them all.
    """
    # A closed date is a collision, listed with the others, not a refusal of the whole series.
    with suppress(OutsideOpeningHours):
        rules.check_times(space, first.times.start, first.times.end, now=now)
    if count > MAX_RESIDENT_OCCURRENCES:
        raise BookingRuleBroken(
            _("A recurring time can have at most %(count)d dates. Choose a shorter period.")
            % {"count": MAX_RESIDENT_OCCURRENCES},
            field="last_date",
        )
    if (last_date - first_date).days > MAX_RESIDENT_SPAN_DAYS:
        raise BookingRuleBroken(
            _("A recurring time can last at most a year. Choose an earlier last date."),
            field="last_date",
        )


def collisions(
    space: Space, occurrences: list[Occurrence], *, now: datetime
) -> list[tuple[date, str]]:
    """Dates the space is closed at the time, or another blocking booking is in the way.

    Call with the space locked: two queries (opening hours, bookings) whatever the length.
    """
    first, last = occurrences[0], occurrences[-1]
    periods = opening_periods_between(
        space, first.day - timedelta(days=1), last.times.end.astimezone(LOCAL_ZONE).date()
    )
    taken = list(
        Booking.objects.filter(
            blocking(now),
            space_id=space.pk,
            blocked_from__lt=last.blocked.end,
            blocked_until__gt=first.blocked.start,
        ).values_list("blocked_from", "blocked_until")
    )
    found: list[tuple[date, str]] = []
    for occurrence in occurrences:
        if not any(period.contains(occurrence.times) for period in periods):
            found.append((occurrence.day, CLOSED))
        elif any(occurrence.blocked.overlaps(Interval(*other)) for other in taken):
            found.append((occurrence.day, TAKEN))
    return found
