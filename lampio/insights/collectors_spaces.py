"""Facts of spaces and bookings: utilisation, bookings, cancellations and no-shows, each by
space × local weekday × hour.

Bookings are streamed once per month; a booking counts in the month and hour it starts, and
its booked time is split over the clock hours it covers (17:30–19:00 adds half an hour to 17
and an hour to 18). A utilisation cell's n is the number of bookings touching that hour, so
a cell is never shown on the strength of bookings in other hours; totals of n therefore count
booking-hours, which only makes them larger, never smaller, than the bookings behind them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from lampio.bookings.stats_selectors import booking_times
from lampio.core.timeranges import LOCAL_ZONE
from lampio.insights.collectors_common import Dimensions, Window, space_fact
from lampio.insights.models import Fact
from lampio.spaces.stats_selectors import hour_pieces, open_hours

Cell = tuple[int, int, int]  # space, weekday, hour


def collect_spaces(window: Window, dims: Dimensions) -> Iterator[Fact]:
    booked: dict[Cell, float] = {}
    touching: Counter[Cell] = Counter()
    started: Counter[Cell] = Counter()
    cancelled: Counter[Cell] = Counter()
    no_shows: Counter[Cell] = Counter()
    for space_id, is_cancelled, no_show, starts_at, ends_at in booking_times(
        window.start, window.end
    ):
        local = starts_at.astimezone(LOCAL_ZONE)
        cell = (space_id, local.weekday(), local.hour)
        if is_cancelled:
            cancelled[cell] += 1
            continue
        started[cell] += 1
        if no_show:
            no_shows[cell] += 1
        for weekday, hour, hours in hour_pieces(starts_at, ends_at):
            piece = (space_id, weekday, hour)
            booked[piece] = booked.get(piece, 0.0) + hours
            touching[piece] += 1
    opened: dict[Cell, float] = {
        (space_id, weekday, hour): hours
        for space_id, cells in open_hours(window.first_day, window.last_day).items()
        for (weekday, hour), hours in cells.items()
    }
    spaces = dims.spaces
    for cell in opened.keys() | booked.keys():
        if cell[0] in spaces:
            value, base = booked.get(cell, 0.0), opened.get(cell, 0.0)
            yield space_fact(
                "space_utilisation", window, spaces[cell[0]], cell, value, base, touching[cell]
            )
    for measure, counts in (
        ("bookings", started),
        ("booking_cancellations", cancelled),
        ("booking_no_shows", no_shows),
    ):
        for cell, n in counts.items():
            if cell[0] in spaces:
                yield space_fact(measure, window, spaces[cell[0]], cell, n, 0, n)
