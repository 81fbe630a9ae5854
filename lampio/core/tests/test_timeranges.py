from __future__ import annotations

from datetime import UTC, date, datetime, time

from lampio.core.timeranges import (
    LOCAL_ZONE,
    Interval,
    local_datetime,
    local_day_bounds,
    merge,
    subtract,
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_subtract_cuts_holes_and_keeps_edges():
    day = Interval(utc(2026, 1, 5, 6), utc(2026, 1, 5, 20))
    taken = [
        Interval(utc(2026, 1, 5, 8), utc(2026, 1, 5, 10)),
        Interval(utc(2026, 1, 5, 9), utc(2026, 1, 5, 11)),
        Interval(utc(2026, 1, 5, 19), utc(2026, 1, 5, 21)),
    ]
    assert subtract([day], taken) == [
        Interval(utc(2026, 1, 5, 6), utc(2026, 1, 5, 8)),
        Interval(utc(2026, 1, 5, 11), utc(2026, 1, 5, 19)),
    ]


def test_merge_joins_touching_intervals_and_drops_empty_ones():
    a = Interval(utc(2026, 1, 5, 6), utc(2026, 1, 5, 8))
    b = Interval(utc(2026, 1, 5, 8), utc(2026, 1, 5, 9))
    empty = Interval(utc(2026, 1, 5, 10), utc(2026, 1, 5, 10))
    assert merge([b, empty, a]) == [Interval(a.start, b.end)]


def test_daylight_saving_days_are_23_and_25_hours_long():
    assert local_day_bounds(date(2026, 3, 29)).duration.total_seconds() == 23 * 3600
    assert local_day_bounds(date(2026, 10, 25)).duration.total_seconds() == 25 * 3600
    assert local_day_bounds(date(2026, 6, 1)).duration.total_seconds() == 24 * 3600


def test_a_wall_time_skipped_in_spring_moves_to_the_first_valid_instant():
    # Clocks in Finland jump from 03:00 to 04:00 on the last Sunday of March.
    skipped = local_datetime(date(2026, 3, 29), time(3, 30))
    assert skipped == utc(2026, 3, 29, 1, 30)
    assert skipped.astimezone(LOCAL_ZONE).hour == 4  # shown as 04:30 summer time
