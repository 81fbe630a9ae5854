"""Grouped reads for the network's statistics (lampio.insights): seats, attendance and orders
per offering, never who enrolled or ordered. Each read takes the local-time window [start, end)
in which the occurrences start; cancelled occurrences count nowhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from lampio.offerings.models import (
    ONLINE_FORMATS,
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingAudience,
    OrderStatus,
)
from lampio.tenancy.models import OrganisationKind

# Per offering: (value, n)
Counts = dict[int, tuple[int, int]]


@dataclass(frozen=True)
class OfferingDims:
    organisation_id: int
    municipality_id: int
    category: str  # the first keyword by key, so each offering counts in one category
    audience: str  # the first audience by value, for the same reason
    format: str


def offering_dimensions() -> dict[int, OfferingDims]:
    categories: dict[int, str] = {}
    links = Offering.keywords.through.objects.order_by("keyword__key")
    for offering_id, key in links.values_list("offering_id", "keyword__key"):
        categories.setdefault(offering_id, key)
    audiences: dict[int, str] = {}
    rows = OfferingAudience.objects.order_by("audience").values_list("offering_id", "audience")
    for offering_id, audience in rows:
        audiences.setdefault(offering_id, audience)
    offerings = Offering.objects.order_by().values_list(
        "id", "organisation_id", "organisation__municipality_id", "format"
    )
    return {
        pk: OfferingDims(org, muni, categories.get(pk, ""), audiences.get(pk, ""), fmt)
        for pk, org, muni, fmt in offerings
    }


def _held(start: datetime, end: datetime, prefix: str = "occurrence__") -> Q:
    return Q(**{f"{prefix}starts_at__gte": start, f"{prefix}starts_at__lt": end}) & ~Q(
        **{f"{prefix}status": OccurrenceStatus.CANCELLED}
    )


def _by_offering(rows: QuerySet[Any, dict[str, Any]], key: str) -> Counts:
    return {row[key]: (row["value"] or 0, row["n"]) for row in rows}


def seats_taken(start: datetime, end: datetime) -> Counts:
    """(seats, enrolments + orders): confirmed enrolments and accepted group orders."""
    enrolments = _by_offering(
        Enrolment.objects.filter(_held(start, end), status=EnrolmentStatus.CONFIRMED)
        .order_by()
        .values("occurrence__offering_id")
        .annotate(value=Sum("seats"), n=Count("id")),
        "occurrence__offering_id",
    )
    orders = _by_offering(
        GroupOrder.objects.filter(_held(start, end), status=OrderStatus.ACCEPTED)
        .order_by()
        .values("offering_id")
        .annotate(value=Sum("group_size"), n=Count("id")),
        "offering_id",
    )
    for pk, (seats, n) in orders.items():
        old_seats, old_n = enrolments.get(pk, (0, 0))
        enrolments[pk] = (old_seats + seats, old_n + n)
    return enrolments


def attendance(start: datetime, end: datetime) -> dict[int, int]:
    """People who came, where the provider recorded it."""
    rows = (
        Occurrence.objects.filter(_held(start, end, ""), attendance__isnull=False)
        .order_by()
        .values("offering_id")
        .annotate(people=Sum("attendance"))
    )
    return {row["offering_id"]: row["people"] or 0 for row in rows}


def seats_of_past_occurrences(
    start: datetime, end: datetime, now: datetime
) -> dict[int, tuple[int, int]]:
    """(seats taken, seats offered) of the occurrences that have ended by `now`."""
    rows = (
        Occurrence.objects.filter(_held(start, end, ""), ends_at__lte=now)
        .exclude(status=OccurrenceStatus.POSTPONED)
        .order_by()
        .values("offering_id")
        .annotate(taken=Sum("seats_taken"), offered=Sum("capacity"))
    )
    return {row["offering_id"]: (row["taken"] or 0, row["offered"] or 0) for row in rows}


def care_unit_orders(start: datetime, end: datetime) -> dict[int, int]:
    """Accepted orders of online or hybrid offerings by care units."""
    rows = (
        GroupOrder.objects.filter(
            _held(start, end),
            status=OrderStatus.ACCEPTED,
            unit__kind=OrganisationKind.CARE_UNIT,
            offering__format__in=ONLINE_FORMATS,
        )
        .order_by()
        .values("offering_id")
        .annotate(n=Count("id"))
    )
    return {row["offering_id"]: row["n"] for row in rows}


def waitlisted_by_organisation(start: datetime, end: datetime) -> dict[tuple[int, int], int]:
    """Enrolments made in [start, end) still on a waiting list, per (organisation, municipality)."""
    rows = (
        Enrolment.objects.filter(
            status=EnrolmentStatus.WAITLISTED, created_at__gte=start, created_at__lt=end
        )
        .order_by()
        .values(
            "occurrence__offering__organisation_id",
            "occurrence__offering__organisation__municipality_id",
        )
        .annotate(n=Count("id"))
    )
    return {
        (
            row["occurrence__offering__organisation_id"],
            row["occurrence__offering__organisation__municipality_id"],
        ): row["n"]
        for row in rows
    }
