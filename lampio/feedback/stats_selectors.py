"""Grouped reads for the network's statistics (lampio.insights): how much feedback each
organisation got and how fast it answered; never the messages or who sent them."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Sum

from lampio.feedback.models import Feedback

ORG, MUNI = "organisation_id", "organisation__municipality_id"


def received(start: datetime, end: datetime) -> dict[tuple[int, int], int]:
    """Feedback submitted in [start, end), per (organisation, municipality)."""
    rows = (
        Feedback.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
        .order_by()
        .values(ORG, MUNI)
        .annotate(n=Count("id"))
    )
    return {(row[ORG], row[MUNI]): row["n"] for row in rows}


def answer_days(start: datetime, end: datetime) -> dict[tuple[int, int], tuple[float, int]]:
    """(sum of days from sending to the first answer, answers) of feedback answered in
    [start, end), per (organisation, municipality). Counted by the answer's month so that a
    month's figure is final once the month is over."""
    waited = ExpressionWrapper(F("answered_at") - F("submitted_at"), output_field=DurationField())
    rows = (
        Feedback.objects.filter(answered_at__gte=start, answered_at__lt=end)
        .order_by()
        .values(ORG, MUNI)
        .annotate(waited=Sum(waited), n=Count("id"))
    )
    return {(row[ORG], row[MUNI]): (_days(row["waited"]), row["n"]) for row in rows}


def _days(waited: timedelta | None) -> float:
    return waited.total_seconds() / 86400 if waited else 0.0
