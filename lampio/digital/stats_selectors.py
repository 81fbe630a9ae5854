"""Grouped reads for the network's statistics (lampio.insights): viewers and session grades
per offering or organisation; nothing about who watched."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, Sum

from lampio.digital.models import SessionFeedback, Viewer
from lampio.offerings.models import OccurrenceStatus


def viewers(start: datetime, end: datetime) -> dict[int, int]:
    """Screens that followed the sessions starting in [start, end), per offering."""
    rows = (
        Viewer.objects.filter(occurrence__starts_at__gte=start, occurrence__starts_at__lt=end)
        .exclude(occurrence__status=OccurrenceStatus.CANCELLED)
        .order_by()
        .values("occurrence__offering_id")
        .annotate(n=Count("id"))
    )
    return {row["occurrence__offering_id"]: row["n"] for row in rows}


def session_grades(start: datetime, end: datetime) -> dict[tuple[int, int], tuple[int, int]]:
    """(sum of grades, grades) given in [start, end), per (organisation, municipality)."""
    org = "occurrence__offering__organisation_id"
    muni = "occurrence__offering__organisation__municipality_id"
    rows = (
        SessionFeedback.objects.filter(created_at__gte=start, created_at__lt=end)
        .order_by()
        .values(org, muni)
        .annotate(total=Sum("rating"), n=Count("id"))
    )
    return {(row[org], row[muni]): (row["total"] or 0, row["n"]) for row in rows}
