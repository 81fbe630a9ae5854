"""A space's opening periods over a span of days: weekly hours, dated exceptions and holidays,
read in one query (hand-written SQL, so it is checked here on each database)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from lampio.core.timeranges import Interval, local_datetime
from lampio.spaces.models import OpeningException, OpeningHours
from lampio.spaces.opening import opening_periods_between

pytestmark = pytest.mark.django_db

MONDAY = date(2027, 3, 1)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return local_datetime(date(2027, 3, day), time(hour, minute))


def test_weekly_hours_special_hours_and_a_closed_day_over_four_days(make_space):
    space = make_space(opens=time(8), closes=time(16))
    OpeningHours.objects.filter(space=space, weekday=MONDAY.weekday()).update(
        opens=time(18),
        closes=time(1),  # Mondays: an evening that runs past midnight
    )
    OpeningException.objects.create(space=space, date=date(2027, 3, 2), is_closed=True)
    OpeningException.objects.create(
        space=space, date=date(2027, 3, 3), is_closed=False, opens=time(10), closes=time(12)
    )
    OpeningException.objects.create(
        space=space, date=date(2027, 3, 3), is_closed=False, opens=time(14), closes=time(15)
    )
    OpeningException.objects.create(space=space, date=date(2027, 3, 9), is_closed=True)

    periods = opening_periods_between(space, MONDAY, date(2027, 3, 4))

    assert periods == [
        Interval(at(1, 18), at(2, 1)),
        Interval(at(3, 10), at(3, 12)),
        Interval(at(3, 14), at(3, 15)),
        Interval(at(4, 8), at(4, 16)),
    ]


def test_a_space_without_hours_is_never_open(make_space):
    space = make_space()
    OpeningHours.objects.filter(space=space).delete()

    assert opening_periods_between(space, MONDAY, date(2027, 3, 7)) == []


def test_public_holidays_close_only_the_spaces_that_say_so(make_space):
    good_friday = date(2027, 3, 26)
    closing = make_space(closed_on_public_holidays=True)
    open_anyway = make_space(closed_on_public_holidays=False)

    assert opening_periods_between(closing, good_friday, good_friday) == []
    assert opening_periods_between(open_anyway, good_friday, good_friday) == [
        Interval(at(26, 8), at(26, 22))
    ]
