"""When a space is open: weekly hours, dated exceptions and Finnish public holidays."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from functools import lru_cache
from typing import NamedTuple, Protocol

from django.db import connection

from lampio.core.timeranges import Interval, local_datetime, merge
from lampio.core.workdays import is_public_holiday
from lampio.spaces.models import OpeningException, OpeningHours, Space


class WeeklyPeriod(Protocol):
    """What is read of an `OpeningHours` row (a model instance or a `WeeklyRow`)."""

    @property
    def weekday(self) -> int: ...
    @property
    def opens(self) -> time: ...
    @property
    def closes(self) -> time: ...


class DatedPeriod(Protocol):
    """What is read of an `OpeningException` row (a model instance or an `ExceptionRow`)."""

    @property
    def date(self) -> date: ...
    @property
    def is_closed(self) -> bool: ...
    @property
    def opens(self) -> time | None: ...
    @property
    def closes(self) -> time | None: ...


class WeeklyRow(NamedTuple):
    """An opening-hours row read with `values_list`: reads over a whole city skip the model
    instances, whose construction cost more than the rest of a free-time search."""

    weekday: int
    opens: time
    closes: time


class ExceptionRow(NamedTuple):
    date: date
    is_closed: bool
    opens: time | None
    closes: time | None


WEEKLY_COLUMNS = WeeklyRow._fields
EXCEPTION_COLUMNS = ExceptionRow._fields


class HolidayRule(Protocol):
    @property
    def closed_on_public_holidays(self) -> bool: ...


@lru_cache(maxsize=4096)
def _period(day: date, opens: time, closes: time) -> Interval:
    # Cached: a free-time search asks this of every space in a city for the same few days, and
    # most spaces share their hours (the zone conversions were a third of that search's time).
    # Closing at or before opening means the period runs past midnight into the next day.
    end_day = day + timedelta(days=1) if closes <= opens else day
    return Interval(local_datetime(day, opens), local_datetime(end_day, closes))


def _model(space: HolidayRule) -> Space:
    if not isinstance(space, Space):
        raise TypeError("a space read without its model needs its hours and exceptions given")
    return space


def opening_periods(
    space: HolidayRule,
    day: date,
    *,
    weekly: Sequence[WeeklyPeriod] | None = None,
    exceptions: Sequence[DatedPeriod] | None = None,
) -> list[Interval]:
    """The periods that *start* on local date `day` (a late-night period may end the next day).

    Callers that look at many days pass `weekly` and `exceptions` already fetched.
    """
    if exceptions is None:
        exceptions = list(_model(space).opening_exceptions.filter(date=day))
    todays_exceptions = [exception for exception in exceptions if exception.date == day]
    if todays_exceptions:
        return merge(
            _period(day, exception.opens, exception.closes)
            for exception in todays_exceptions
            if not exception.is_closed and exception.opens and exception.closes
        )
    if space.closed_on_public_holidays and is_public_holiday(day):
        return []
    if weekly is None:
        weekly = list(_model(space).opening_hours.all())
    return merge(
        _period(day, hours.opens, hours.closes)
        for hours in weekly
        if hours.weekday == day.weekday()
    )


# Exceptions first: SQLite converts a column's values by the type it has in the first SELECT.
EXCEPTIONS_TABLE = OpeningException._meta.db_table
HOURS_TABLE = OpeningHours._meta.db_table
HOURS_AND_EXCEPTIONS = (  # table names from the code (S608)
    f"SELECT NULL, date, is_closed, opens, closes FROM {EXCEPTIONS_TABLE}"  # noqa: S608
    " WHERE space_id = %s AND date BETWEEN %s AND %s"
    f" UNION ALL SELECT weekday, NULL, FALSE, opens, closes FROM {HOURS_TABLE}"
    " WHERE space_id = %s"
)


def opening_periods_between(space: Space, first: date, last: date) -> list[Interval]:
    """All opening periods that start on the days from `first` to `last`, with one query.

    Every booking and every day or week of availability asks this: the hours and exceptions
    are read together, as rows, in SQL written once (composing the two reads through the ORM
    took longer than the database took to answer them; decision 0021).
    """
    adapt = connection.ops.adapt_datefield_value
    weekly: list[WeeklyRow] = []
    exceptions: list[ExceptionRow] = []
    with connection.cursor() as cursor:
        cursor.execute(HOURS_AND_EXCEPTIONS, [space.pk, adapt(first), adapt(last), space.pk])
        for weekday, day, is_closed, opens, closes in cursor.fetchall():
            if day is None:
                weekly.append(WeeklyRow(weekday, opens, closes))
            else:
                exceptions.append(ExceptionRow(day, bool(is_closed), opens, closes))
    return periods_between(space, first, last, weekly=weekly, exceptions=exceptions)


def periods_between(
    space: HolidayRule,
    first: date,
    last: date,
    *,
    weekly: Sequence[WeeklyPeriod],
    exceptions: Sequence[DatedPeriod],
) -> list[Interval]:
    """The opening periods that start on the days from `first` to `last`, merged, from hours
    and exceptions already fetched."""
    periods: list[Interval] = []
    day = first
    while day <= last:
        periods.extend(opening_periods(space, day, weekly=weekly, exceptions=exceptions))
        day += timedelta(days=1)
    return merge(periods)
