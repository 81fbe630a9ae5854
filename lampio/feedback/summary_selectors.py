"""The weekly feedback summary of one organisation: what arrived, was answered and closed, how
fast, per category. Read by the summary page and the Monday email."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from django.db.models import Count, Q

from lampio.core.timeranges import local_datetime
from lampio.core.workdays import working_days_between
from lampio.feedback.models import Feedback, FeedbackCategory
from lampio.tenancy.models import Organisation


@dataclass(frozen=True)
class CategoryRow:
    name: str
    received: int
    answered: int
    closed: int


@dataclass(frozen=True)
class WeeklySummary:
    organisation: Organisation
    week_start: date
    week_end: date  # the week's last day (Sunday)
    received: int
    answered: int
    closed: int
    still_open: int
    overdue: int
    median_answer_days: float | None
    categories: list[CategoryRow] = field(default_factory=list)

    @property
    def median_days_for_plural(self) -> int:
        """The median rounded, to pick the singular or plural of "working days"."""
        return round(self.median_answer_days or 0)

    @property
    def is_empty(self) -> bool:
        """Nothing happened and nothing waits: no summary needs sending."""
        return not (self.received or self.answered or self.closed or self.still_open)


def previous_week_start(today: date) -> date:
    """Monday of the ISO week before the one `today` is in."""
    return today - timedelta(days=today.weekday() + 7)


def weekly_summary(organisation: Organisation, week_start: date) -> WeeklySummary:
    """What came in and what was done in one week (Monday–Sunday, Helsinki time).

    Still open and overdue are as at the end of the week, of the messages received by then.
    """
    week_start = week_start - timedelta(days=week_start.weekday())
    begins = local_datetime(week_start, time(0))
    ends = local_datetime(week_start + timedelta(days=7), time(0))
    messages = Feedback.objects.filter(organisation=organisation)
    received = Q(submitted_at__gte=begins, submitted_at__lt=ends)
    answered = Q(answered_at__gte=begins, answered_at__lt=ends)
    closed = Q(closed_at__gte=begins, closed_at__lt=ends)
    # Open at the week's end: received by then and neither closed nor answered by then.
    waiting = (
        Q(submitted_at__lt=ends)
        & (Q(closed_at__isnull=True) | Q(closed_at__gte=ends))
        & (Q(answered_at__isnull=True) | Q(answered_at__gte=ends))
        & Q(merged_into__isnull=True)
    )
    totals = messages.aggregate(
        received=Count("pk", filter=received),
        answered=Count("pk", filter=answered),
        closed=Count("pk", filter=closed),
        still_open=Count("pk", filter=waiting),
        overdue=Count("pk", filter=waiting & Q(due_at__lt=ends)),
    )
    answer_days = [
        working_days_between(sent, first_answer)
        for sent, first_answer in messages.filter(answered).values_list(
            "submitted_at", "answered_at"
        )
        if first_answer is not None
    ]
    per_category = (
        messages.filter(received | answered | closed)
        .values("category_id")
        .annotate(
            received=Count("pk", filter=received),
            answered=Count("pk", filter=answered),
            closed=Count("pk", filter=closed),
        )
        .order_by("category_id")
    )
    names = {
        category.pk: category.name
        for category in FeedbackCategory.objects.filter(
            pk__in=[row["category_id"] for row in per_category]
        )
    }
    rows = [
        CategoryRow(
            name=names.get(row["category_id"], ""),
            received=row["received"],
            answered=row["answered"],
            closed=row["closed"],
        )
        for row in per_category
    ]
    return WeeklySummary(
        organisation=organisation,
        week_start=week_start,
        week_end=week_start + timedelta(days=6),
        median_answer_days=statistics.median(answer_days) if answer_days else None,
        categories=sorted(rows, key=lambda row: row.name),
        **totals,
    )
