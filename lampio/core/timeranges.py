"""Half-open time intervals [start, end) of aware datetimes, and arithmetic on lists of them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings

LOCAL_ZONE = ZoneInfo(settings.TIME_ZONE)


class Interval(NamedTuple):
    start: datetime
    end: datetime

    def overlaps(self, other: Interval) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


def as_utc(moment: datetime) -> datetime:
    """Every computation here runs in UTC: Python subtracts and compares two datetimes of the
    same zone by wall clock, which is an hour off across a daylight-saving change."""
    return moment.astimezone(UTC)


def local_datetime(day: date, at: time) -> datetime:
    """The instant (in UTC) of wall-clock time `at` in Helsinki on `day`.

    A time skipped by the spring change (03:00–04:00) lands on the first valid instant after it;
    an autumn time that occurs twice means its first occurrence.
    """
    return as_utc(datetime.combine(day, at).replace(tzinfo=LOCAL_ZONE))


def local_day_bounds(day: date) -> Interval:
    """The whole local day, which is 23 or 25 hours long on daylight-saving change days."""
    return Interval(local_datetime(day, time()), local_datetime(day + timedelta(days=1), time()))


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for interval in sorted(intervals):
        if interval.start >= interval.end:
            continue
        if merged and interval.start <= merged[-1].end:
            merged[-1] = Interval(merged[-1].start, max(merged[-1].end, interval.end))
        else:
            merged.append(interval)
    return merged


def subtract(intervals: Iterable[Interval], taken: Iterable[Interval]) -> list[Interval]:
    """What remains of `intervals` once every `taken` interval is removed."""
    remaining = merge(intervals)
    for cut in merge(taken):
        pieces: list[Interval] = []
        for interval in remaining:
            if not interval.overlaps(cut):
                pieces.append(interval)
                continue
            if interval.start < cut.start:
                pieces.append(Interval(interval.start, cut.start))
            if cut.end < interval.end:
                pieces.append(Interval(cut.end, interval.end))
        remaining = pieces
    return remaining


def clip(intervals: Iterable[Interval], window: Interval) -> list[Interval]:
    return [
        Interval(max(interval.start, window.start), min(interval.end, window.end))
        for interval in intervals
        if interval.overlaps(window)
    ]
