"""Reads on recurring series: a person's own, one with its dates, and an organisation's.

A series is seen by its booker, by members of the organisation it is for, and by staff of the
space's owner; anyone else gets NotFound, so its existence is not revealed either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingSeries, BookingStatus
from lampio.core.errors import NotFound
from lampio.core.timeranges import LOCAL_ZONE
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can, roles_of

RELATED = ("space__venue__organisation__municipality", "booker", "for_organisation")


def _with_counts(series: QuerySet[BookingSeries], now: datetime) -> QuerySet[BookingSeries]:
    ahead = Q(occurrences__status__in=ACTIVE_STATUSES, occurrences__ends_at__gt=now)
    return series.annotate(
        upcoming_count=Count("occurrences", filter=ahead),
        next_starts_at=Min("occurrences__starts_at", filter=ahead),
        requested_count=Count("occurrences", filter=Q(occurrences__status=BookingStatus.REQUESTED)),
    )


def series_of(*, actor: User, now: datetime | None = None) -> QuerySet[BookingSeries]:
    """The person's own series and those for organisations they are a member of."""
    mine = Q(booker=actor) | Q(for_organisation_id__in=list(roles_of(actor)))
    return _with_counts(
        BookingSeries.objects.filter(mine).select_related(*RELATED), now or timezone.now()
    ).order_by("-first_date", "pk")


def series_detail(*, actor: User, series_id: int) -> BookingSeries:
    series = BookingSeries.objects.select_related(*RELATED).filter(pk=series_id).first()
    if series is None or not may_see(actor, series):
        raise NotFound()
    return series


def may_see(actor: User, series: BookingSeries) -> bool:
    if series.booker_id is not None and series.booker_id == actor.pk:
        return True
    if series.for_organisation_id is not None and series.for_organisation_id in roles_of(actor):
        return True
    return can(actor, Action.MANAGE, series.space)


@dataclass(frozen=True)
class OccurrenceRow:
    booking: Booking
    day: date
    is_future: bool
    may_cancel: bool  # the viewer may cancel it now
    past_deadline: bool  # active and ahead, but only staff may cancel it any more


def occurrences(
    *, actor: User, series: BookingSeries, now: datetime | None = None
) -> list[OccurrenceRow]:
    """Every date of the series with its status, and what the viewer may still do with it."""
    now = now or timezone.now()
    staff = can(actor, Action.MANAGE, series.space)
    own = series.booker_id is not None and series.booker_id == actor.pk
    deadline = timedelta(hours=series.space.cancellation_hours)
    rows = []
    for booking in series.occurrences.order_by("starts_at"):
        booking.space = series.space  # one space for all; spares a query per row
        ahead = booking.status in ACTIVE_STATUSES and booking.starts_at > now
        past_deadline = ahead and now > booking.starts_at - deadline
        rows.append(
            OccurrenceRow(
                booking=booking,
                day=booking.starts_at.astimezone(LOCAL_ZONE).date(),
                is_future=booking.starts_at > now,
                may_cancel=ahead and (staff or (own and not past_deadline)),
                past_deadline=past_deadline,
            )
        )
    return rows


def skipped_dates(series: BookingSeries) -> list[tuple[date, str]]:
    """The dates left out: (date, reason) with reason "exception", "closed" or "taken"."""
    return [(date.fromisoformat(item["date"]), item["reason"]) for item in series.skipped_dates]


def organisation_series(
    *, actor: User, organisation: Organisation, now: datetime | None = None
) -> QuerySet[BookingSeries]:
    """Series of the organisation's spaces, newest first; none unless the actor manages it."""
    if not can(actor, Action.MANAGE, organisation):
        return BookingSeries.objects.none()
    found = BookingSeries.objects.filter(space__venue__organisation=organisation).select_related(
        *RELATED
    )
    return _with_counts(found, now or timezone.now()).order_by("-created_at", "-pk")


def managed_series(*, actor: User, organisation: Organisation, series_id: int) -> BookingSeries:
    series = (
        organisation_series(actor=actor, organisation=organisation).filter(pk=series_id).first()
    )
    if series is None:
        raise NotFound()
    return series


def person_by_email(email: str) -> User | None:
    """The active account with this address, for staff who book on a person's behalf."""
    return User.objects.filter(
        email__iexact=email.strip(), is_active=True, deleted_at__isnull=True
    ).first()
