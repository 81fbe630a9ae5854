"""Working days in Finland: Monday to Friday, Finnish public holidays excluded."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from lampio.core.timeranges import LOCAL_ZONE, local_datetime


@lru_cache(maxsize=32)
def finnish_public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("FI", years=year))


def is_public_holiday(day: date) -> bool:
    return day in finnish_public_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_public_holiday(day)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (Friday + 1 is Monday; holidays are skipped)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_deadline(moment: datetime, days: int) -> datetime:
    """The end (local midnight) of the `days`th working day after `moment`."""
    due_day = add_working_days(moment.astimezone(LOCAL_ZONE).date(), days)
    return local_datetime(due_day + timedelta(days=1), time(0))


def working_days_between(start: datetime, end: datetime) -> int:
    """Working days after `start`'s local day up to and including `end`'s (same day: 0)."""
    day = start.astimezone(LOCAL_ZONE).date()
    last = end.astimezone(LOCAL_ZONE).date()
    days = 0
    while day < last:
        day += timedelta(days=1)
        if is_working_day(day):
            days += 1
    return days
