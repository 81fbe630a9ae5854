"""Facts of culture offerings and digital sessions, by offering (with its category, audience
and format) and the month the occurrence starts."""

from __future__ import annotations

from collections.abc import Iterator

from lampio.digital.stats_selectors import viewers
from lampio.insights.collectors_common import Dimensions, Window, offering_fact
from lampio.insights.models import Fact
from lampio.offerings.stats_selectors import (
    attendance,
    care_unit_orders,
    seats_of_past_occurrences,
    seats_taken,
)


def collect_offerings(window: Window, dims: Dimensions) -> Iterator[Fact]:
    start, end = window.start, window.end
    # measure -> {offering: (value, base, n)}
    tables: dict[str, dict[int, tuple[float, float, int]]] = {
        "enrolments": {pk: (seats, 0, n) for pk, (seats, n) in seats_taken(start, end).items()},
        "attendance": {pk: (people, 0, people) for pk, people in attendance(start, end).items()},
        "fill_rate": {
            pk: (taken, offered, taken)
            for pk, (taken, offered) in seats_of_past_occurrences(start, end, end).items()
            if offered
        },
        "digital_viewers": {pk: (n, 0, n) for pk, n in viewers(start, end).items()},
        "care_units_reached": {pk: (n, 0, n) for pk, n in care_unit_orders(start, end).items()},
    }
    offerings = dims.offerings
    for measure, rows in tables.items():
        for pk, (value, base, n) in rows.items():
            if pk in offerings:
                yield offering_fact(measure, window, offerings[pk], pk, value, base, n)
