"""Reports of an application round for its staff: how full the spaces are, and whose demand
was not met.

Utilisation is read from the round's allocations against each space's weekly opening hours
(the season's exceptions do not change the weekly picture): per space, weekday and hour, the
share of the open minutes that are allocated. Before publishing the allocations are the
solver's and staff's proposal; after it they are what became booking series.

Unmet demand counts the wished slots of submitted applications per priority class and per age
group. Those rows are about groups of applicants, so their counts from 1 to 4 are shown as "<5"
(as in the assistant's statistics), and a share built on such a row is not shown. No person is
named: the list of unallocated wishes shows the organisation, or "a private person".
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from lampio.seasons.models import (
    AgeGroup,
    Allocation,
    ApplicationRound,
    ApplicationStatus,
    WishedSlot,
)
from lampio.spaces.models import OpeningHours, Space

SMALL_CELL = 5  # counts 1..SMALL_CELL-1 about applicants are never shown as such
DAY, WEEK = 24 * 60, 7 * 24 * 60
WEEKDAYS = range(1, 8)  # ISO, Monday = 1

Span = tuple[int, int]  # minutes from Monday 00:00 local time


@dataclass(frozen=True)
class Cell:
    """A count as the report may show it: from 1 to `SMALL_CELL - 1` it is hidden as "<5"."""

    count: int

    @property
    def hidden(self) -> bool:
        return 0 < self.count < SMALL_CELL

    def __str__(self) -> str:
        return f"<{SMALL_CELL}" if self.hidden else str(self.count)


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def _merged(spans: Iterable[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def _within_week(start: int, end: int) -> list[Span]:
    """A span that runs past Sunday midnight continues on Monday."""
    if end <= WEEK:
        return [(start, end)]
    return [(start, WEEK), (0, end - WEEK)]


def _intersection(first: list[Span], second: list[Span]) -> list[Span]:
    result, i, j = [], 0, 0
    while i < len(first) and j < len(second):
        start, end = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        if start < end:
            result.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result


def _per_hour(spans: list[Span]) -> dict[int, int]:
    """Minutes per hour of the week (0 = Monday 00–01)."""
    minutes: dict[int, int] = defaultdict(int)
    for start, end in spans:
        hour = start // 60
        while hour * 60 < end:
            minutes[hour] += min(end, (hour + 1) * 60) - max(start, hour * 60)
            hour += 1
    return minutes


def open_spans(hours: Iterable[OpeningHours]) -> list[Span]:
    """Weekly opening as spans; `closes` at or before `opens` runs past midnight."""
    spans: list[Span] = []
    for period in hours:  # OpeningHours.weekday: Monday = 0
        start = period.weekday * DAY + _minutes(period.opens)
        end = period.weekday * DAY + _minutes(period.closes)
        if end <= start:
            end += DAY
        spans += _within_week(start, end)
    return _merged(spans)


def allocated_spans(allocations: Iterable[Allocation]) -> list[Span]:
    return _merged(
        (
            (a.weekday - 1) * DAY + _minutes(a.starts_time),
            (a.weekday - 1) * DAY + _minutes(a.ends_time),
        )
        for a in allocations
    )


@dataclass
class SpaceUse:
    space: Space
    open: dict[int, int]  # hour of the week → open minutes
    allocated: dict[int, int]  # hour of the week → allocated minutes (within opening)

    def share(self, weekday: int, hour: int) -> float | None:
        key = (weekday - 1) * 24 + hour
        opened = self.open.get(key, 0)
        return self.allocated.get(key, 0) / opened if opened else None

    def day_share(self, weekday: int) -> float | None:
        hours = range((weekday - 1) * 24, weekday * 24)
        opened = sum(self.open.get(hour, 0) for hour in hours)
        return sum(self.allocated.get(hour, 0) for hour in hours) / opened if opened else None

    @property
    def week_share(self) -> float | None:
        opened = sum(self.open.values())
        return sum(self.allocated.values()) / opened if opened else None

    @property
    def days(self) -> list[float | None]:
        return [self.day_share(weekday) for weekday in WEEKDAYS]


@dataclass
class Utilisation:
    spaces: list[SpaceUse]
    hours: list[int]  # the hours of the day any space is open, in order

    def share(self, weekday: int, hour: int) -> float | None:
        """The mean over the spaces open in that hour of their allocated share; None if none is."""
        shares = [s for use in self.spaces if (s := use.share(weekday, hour)) is not None]
        return sum(shares) / len(shares) if shares else None


def utilisation(application_round: ApplicationRound) -> Utilisation:
    spaces = list(
        application_round.spaces.select_related("venue")
        .prefetch_related("opening_hours")
        .order_by("venue__name", "name", "pk")
    )
    by_space: dict[int, list[Allocation]] = defaultdict(list)
    for allocation in Allocation.objects.filter(
        application_round=application_round,
        wish__application__status=ApplicationStatus.SUBMITTED,
    ):
        by_space[allocation.space_id].append(allocation)
    uses = []
    for space in spaces:
        opened = open_spans(space.opening_hours.all())
        used = _intersection(allocated_spans(by_space[space.pk]), opened)
        uses.append(SpaceUse(space=space, open=_per_hour(opened), allocated=_per_hour(used)))
    hours = sorted({key % 24 for use in uses for key, minutes in use.open.items() if minutes})
    if hours:
        hours = list(range(hours[0], hours[-1] + 1))
    return Utilisation(spaces=uses, hours=hours)


@dataclass
class DemandRow:
    label: str
    applicants: Cell
    wished: Cell
    allocated: Cell
    unallocated: Cell
    share_met: int | None  # whole percent of wished minutes allocated; None when not shown


@dataclass
class UnmetWish:
    activity: str
    applicant: str  # the organisation's name, or "a private person"
    priority: str
    weekday: int
    earliest_start: time
    latest_end: time
    duration_minutes: int
    first_choice: str


@dataclass
class Demand:
    by_class: list[DemandRow] = field(default_factory=list)
    by_age_group: list[DemandRow] = field(default_factory=list)
    unmet: list[UnmetWish] = field(default_factory=list)
    wished: int = 0
    allocated: int = 0


@dataclass
class _Tally:
    applicants: set[str] = field(default_factory=set)
    wished: int = 0
    allocated: int = 0
    wished_minutes: int = 0
    allocated_minutes: int = 0

    def row(self, label: str) -> DemandRow:
        applicants = Cell(len(self.applicants))
        share = (
            round(100 * self.allocated_minutes / self.wished_minutes)
            if self.wished_minutes and not applicants.hidden
            else None
        )
        return DemandRow(
            label=label,
            applicants=applicants,
            wished=Cell(self.wished),
            allocated=Cell(self.allocated),
            unallocated=Cell(self.wished - self.allocated),
            share_met=share,
        )


def _applicant_key(wish: WishedSlot) -> str:
    application = wish.application
    if application.for_organisation_id is not None:
        return f"org:{application.for_organisation_id}"
    return (
        f"user:{application.applicant_id}" if application.applicant_id else f"app:{application.pk}"
    )


def demand(application_round: ApplicationRound) -> Demand:
    wishes = (
        WishedSlot.objects.filter(
            application__application_round=application_round,
            application__status=ApplicationStatus.SUBMITTED,
        )
        .select_related(
            "application__priority_class", "application__for_organisation", "allocation"
        )
        .prefetch_related(Prefetch("space_choices__space"))
        .order_by("application__priority_class__rank", "weekday", "earliest_start", "pk")
    )
    classes = {c.pk: _Tally() for c in application_round.priority_classes.order_by("rank")}
    ages = {value: _Tally() for value in AgeGroup.values}
    report = Demand()
    for wish in wishes:
        application = wish.application
        allocation = getattr(wish, "allocation", None)
        minutes = (
            _minutes(allocation.ends_time) - _minutes(allocation.starts_time) if allocation else 0
        )
        for tally in (classes[application.priority_class_id], ages[application.age_group]):
            tally.applicants.add(_applicant_key(wish))
            tally.wished += 1
            tally.wished_minutes += wish.duration_minutes
            tally.allocated += bool(allocation)
            tally.allocated_minutes += min(minutes, wish.duration_minutes)
        report.wished += 1
        report.allocated += bool(allocation)
        if allocation is None:
            choices = list(wish.space_choices.all())
            report.unmet.append(
                UnmetWish(
                    activity=application.activity,
                    applicant=application.for_organisation.name
                    if application.for_organisation
                    else _("a private person"),
                    priority=application.priority_class.name,
                    weekday=wish.weekday,
                    earliest_start=wish.earliest_start,
                    latest_end=wish.latest_end,
                    duration_minutes=wish.duration_minutes,
                    first_choice=choices[0].space.name if choices else "",
                )
            )
    names = {c.pk: c.name for c in application_round.priority_classes.all()}
    report.by_class = [tally.row(names[pk]) for pk, tally in classes.items()]
    report.by_age_group = [ages[value].row(str(label)) for value, label in AgeGroup.choices]
    return report


def _spreadsheet_text(value: str) -> str:
    """A leading formula character is defused, so a spreadsheet shows the text as typed."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def demand_csv(found: Demand) -> bytes:
    """The unmet-demand tables as one CSV (semicolons, UTF-8 with BOM, as other staff CSVs)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Grouped by"),
            _("Group"),
            _("Applicants"),
            _("Wished slots"),
            _("Allocated"),
            _("Not allocated"),
            _("Share of wished minutes met (%)"),
        ]
    )
    for grouping, rows in (
        (_("Priority class"), found.by_class),
        (_("Age group"), found.by_age_group),
    ):
        for row in rows:
            writer.writerow(
                [
                    grouping,
                    _spreadsheet_text(row.label),
                    str(row.applicants),
                    str(row.wished),
                    str(row.allocated),
                    str(row.unallocated),
                    "" if row.share_met is None else str(row.share_met),
                ]
            )
    return buffer.getvalue().encode("utf-8-sig")
