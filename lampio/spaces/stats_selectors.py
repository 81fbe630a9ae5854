"""Grouped reads for the network's statistics (lampio.insights): which space belongs where, and
how many hours each space was open, split by local weekday and hour. No person appears here."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from lampio.core.timeranges import LOCAL_ZONE, Interval, local_day_bounds
from lampio.core.workdays import is_public_holiday
from lampio.spaces.models import OpeningException, OpeningHours, Space
from lampio.spaces.opening import opening_periods

HOUR = timedelta(hours=1)

# (local weekday 0 = Monday, local hour) -> hours
HourCells = dict[tuple[int, int], float]


@dataclass(frozen=True)
class SpaceDims:
    venue_id: int
    organisation_id: int
    municipality_id: int
    space_type: str


def space_dimensions() -> dict[int, SpaceDims]:
    rows = Space.objects.values_list(
        "id",
        "venue_id",
        "venue__organisation_id",
        "venue__organisation__municipality_id",
        "space_type",
    ).order_by()
    return {row[0]: SpaceDims(*row[1:]) for row in rows}


def hour_pieces(start: datetime, end: datetime) -> Iterator[tuple[int, int, float]]:
    """(local weekday, local hour, hours) of each clock hour that [start, end) touches.

    Helsinki's offset is a whole number of hours, so local hour boundaries are UTC hour
    boundaries: stepping in UTC stays exact across daylight-saving changes."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    cursor = start
    while cursor < end:
        boundary = cursor.replace(minute=0, second=0, microsecond=0) + HOUR
        piece_end = min(boundary, end)
        local = cursor.astimezone(LOCAL_ZONE)
        yield local.weekday(), local.hour, (piece_end - cursor).total_seconds() / 3600
        cursor = piece_end


def _add(cells: HourCells, periods: list[Interval]) -> None:
    for period in periods:
        for weekday, hour, hours in hour_pieces(period.start, period.end):
            cells[(weekday, hour)] = cells.get((weekday, hour), 0.0) + hours


def _steady(day: date) -> bool:
    """A day without a daylight-saving change: its hours split like any other same weekday."""
    bounds = local_day_bounds(day)
    return bounds.duration == timedelta(days=1)


def open_hours(first: date, last: date) -> dict[int, HourCells]:
    """Open hours of every space with opening hours on the local days `first`..`last`.

    Three queries; an ordinary weekday's split is computed once per space and reused, so a
    month of thousands of spaces takes well under a second."""
    weekly: dict[int, list[OpeningHours]] = defaultdict(list)
    for row in OpeningHours.objects.order_by():
        weekly[row.space_id].append(row)
    exceptions: dict[int, list[OpeningException]] = defaultdict(list)
    for exception in OpeningException.objects.filter(date__range=(first, last)).order_by():
        exceptions[exception.space_id].append(exception)
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    holidays = {day for day in days if is_public_holiday(day)}
    steady = {day for day in days if _steady(day)}
    result: dict[int, HourCells] = {}
    spaces = Space.objects.filter(id__in=list(weekly.keys() | exceptions.keys())).only(
        "id", "closed_on_public_holidays"
    )
    for space in spaces.order_by():
        own_weekly, own_exceptions = weekly.get(space.pk, []), exceptions.get(space.pk, [])
        exception_days = {exception.date for exception in own_exceptions}
        cached: dict[int, HourCells] = {}
        cells: HourCells = {}
        for day in days:
            special = day in exception_days or (space.closed_on_public_holidays and day in holidays)
            if special or day not in steady:
                _add(
                    cells, opening_periods(space, day, weekly=own_weekly, exceptions=own_exceptions)
                )
                continue
            if day.weekday() not in cached:
                cached[day.weekday()] = {}
                _add(
                    cached[day.weekday()],
                    opening_periods(space, day, weekly=own_weekly, exceptions=[]),
                )
            for key, hours in cached[day.weekday()].items():
                cells[key] = cells.get(key, 0.0) + hours
        if cells:
            result[space.pk] = cells
    return result
