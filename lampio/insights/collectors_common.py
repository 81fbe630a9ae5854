"""What every collector shares: the month being aggregated and the rows' dimensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from lampio.core.timeranges import local_datetime
from lampio.insights.models import Fact
from lampio.offerings.stats_selectors import OfferingDims, offering_dimensions
from lampio.spaces.stats_selectors import SpaceDims, space_dimensions


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Window:
    """One month, cut at the start of the local day of `now`: facts describe finished days
    only, so today's figures never change after they are shown."""

    month: date
    first_day: date
    last_day: date  # inclusive; before first_day when nothing of the month has passed
    start: datetime
    end: datetime
    now: datetime

    @classmethod
    def of(cls, month: date, now: datetime, today: date) -> Window:
        month = month_start(month)
        end_day = min(next_month(month), max(today, month))
        return cls(
            month=month,
            first_day=month,
            last_day=end_day - timedelta(days=1),
            start=local_datetime(month, time()),
            end=local_datetime(end_day, time()),
            now=now,
        )

    @property
    def is_empty(self) -> bool:
        return self.last_day < self.first_day


@dataclass(frozen=True)
class Dimensions:
    """Where each space and offering belongs, read once per run."""

    spaces: dict[int, SpaceDims]
    offerings: dict[int, OfferingDims]

    @classmethod
    def load(cls) -> Dimensions:
        return cls(space_dimensions(), offering_dimensions())


def organisation_fact(
    measure: str, window: Window, key: tuple[int, int], value: float, base: float, n: int
) -> Fact:
    organisation_id, municipality_id = key
    return Fact(
        measure=measure,
        month=window.month,
        organisation_id=organisation_id,
        municipality_id=municipality_id,
        value=value,
        base=base,
        n=n,
    )


def offering_fact(
    measure: str,
    window: Window,
    dims: OfferingDims,
    offering_id: int,
    value: float,
    base: float,
    n: int,
) -> Fact:
    return Fact(
        measure=measure,
        month=window.month,
        organisation_id=dims.organisation_id,
        municipality_id=dims.municipality_id,
        offering_id=offering_id,
        category=dims.category,
        audience=dims.audience,
        format=dims.format,
        value=value,
        base=base,
        n=n,
    )


def space_fact(
    measure: str,
    window: Window,
    dims: SpaceDims,
    cell: tuple[int, int, int],
    value: float,
    base: float,
    n: int,
) -> Fact:
    space_id, weekday, hour = cell
    return Fact(
        measure=measure,
        month=window.month,
        organisation_id=dims.organisation_id,
        municipality_id=dims.municipality_id,
        venue_id=dims.venue_id,
        space_id=space_id,
        space_type=dims.space_type,
        weekday=weekday,
        hour=hour,
        value=value,
        base=base,
        n=n,
    )
