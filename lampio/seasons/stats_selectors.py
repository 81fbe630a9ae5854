"""Grouped reads for the network's statistics (lampio.insights): seasonal wishes that got no
slot, per organisation; never who applied."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count

from lampio.seasons.models import ApplicationStatus, WishedSlot

ORG = "application__application_round__organisation_id"
MUNI = "application__application_round__organisation__municipality_id"


def unallocated_wishes(start: datetime, end: datetime) -> dict[tuple[int, int], int]:
    """Wished slots of submitted applications left without a slot in rounds published in
    [start, end), per (organisation, municipality)."""
    rows = (
        WishedSlot.objects.filter(
            application__status=ApplicationStatus.SUBMITTED,
            application__application_round__published_at__gte=start,
            application__application_round__published_at__lt=end,
            allocation__isnull=True,
        )
        .order_by()
        .values(ORG, MUNI)
        .annotate(n=Count("id"))
    )
    return {(row[ORG], row[MUNI]): row["n"] for row in rows}
