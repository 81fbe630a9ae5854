"""Reads of the senior pages: the week's programme, one session, and a care unit's week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet

from lampio.core.errors import NotFound
from lampio.core.timeranges import LOCAL_ZONE, local_day_bounds
from lampio.offerings.models import (
    ONLINE_FORMATS,
    OPEN_STATUSES,
    GroupOrder,
    Occurrence,
    OfferingStatus,
    OrderStatus,
)
from lampio.tenancy.models import Organisation

# "This week": today and the six local days after it.
WEEK_DAYS = 7


@dataclass(frozen=True)
class Session:
    """One digital session as a card shows it."""

    occurrence: Occurrence

    @property
    def minutes(self) -> int:
        return duration_minutes(self.occurrence)


@dataclass(frozen=True)
class Programme:
    today: list[Session]
    this_week: list[Session]

    @property
    def is_empty(self) -> bool:
        return not (self.today or self.this_week)


def duration_minutes(occurrence: Occurrence) -> int:
    return int((occurrence.ends_at - occurrence.starts_at).total_seconds() // 60)


def week_end(now: datetime) -> datetime:
    """The end of the sixth local day after today (days are 23 or 25 hours at DST changes)."""
    today = now.astimezone(LOCAL_ZONE).date()
    return local_day_bounds(today + timedelta(days=WEEK_DAYS - 1)).end


def online_sessions() -> QuerySet[Occurrence]:
    """Public, open times of published online offerings."""
    return Occurrence.objects.filter(
        is_public=True,
        status__in=OPEN_STATUSES,
        offering__status=OfferingStatus.PUBLISHED,
        offering__format__in=ONLINE_FORMATS,
    ).select_related("offering__organisation__municipality")


def programme(*, now: datetime, municipality: str = "") -> Programme:
    """Sessions still running today and those of the next six days, soonest first.

    `municipality` (a slug) keeps the sessions of that city's providers only.
    """
    sessions = online_sessions().filter(ends_at__gt=now, starts_at__lt=week_end(now))
    if municipality:
        sessions = sessions.filter(offering__organisation__municipality__slug=municipality)
    today_end = local_day_bounds(now.astimezone(LOCAL_ZONE).date()).end
    today: list[Session] = []
    later: list[Session] = []
    for occurrence in sessions.order_by("starts_at", "pk"):
        (today if occurrence.starts_at < today_end else later).append(Session(occurrence))
    return Programme(today=today, this_week=later)


def public_session(occurrence_id: int) -> Occurrence:
    """One session's page: a public time of a published online offering (cancelled ones too,
    so that their page can say so)."""
    occurrence = (
        Occurrence.objects.select_related(
            "offering__organisation__municipality", "offering__venue", "broadcast"
        )
        .filter(
            pk=occurrence_id,
            is_public=True,
            offering__status=OfferingStatus.PUBLISHED,
            offering__format__in=ONLINE_FORMATS,
        )
        .first()
    )
    if occurrence is None:
        raise NotFound()
    return occurrence


def unit_orders_this_week(*, unit: Organisation, now: datetime) -> QuerySet[GroupOrder]:
    """The unit's accepted orders of online sessions still running or starting this week."""
    return (
        GroupOrder.objects.filter(
            unit=unit,
            status=OrderStatus.ACCEPTED,
            occurrence__ends_at__gt=now,
            occurrence__starts_at__lt=week_end(now),
            offering__format__in=ONLINE_FORMATS,
        )
        .select_related("occurrence__offering__organisation", "offering")
        .order_by("occurrence__starts_at", "pk")
    )


def unit_session(*, unit: Organisation, occurrence_id: int) -> Occurrence:
    """A session the unit has an accepted order for; any other is not found."""
    order = (
        GroupOrder.objects.filter(
            unit=unit,
            occurrence_id=occurrence_id,
            status=OrderStatus.ACCEPTED,
            offering__format__in=ONLINE_FORMATS,
        )
        .select_related("occurrence__offering__organisation__municipality", "occurrence__broadcast")
        .first()
    )
    if order is None or order.occurrence is None:
        raise NotFound()
    return order.occurrence
