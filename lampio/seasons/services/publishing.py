"""Publishing a round: every allocation becomes a booking series, and every applicant is told.

All or nothing: the series are created in one transaction under the round's lock through the
bookings service (so the same rules and the same exclusion constraint hold), and if any one
cannot be created the whole publish rolls back with an error naming that allocation, so staff
can move it and try again. Dates the space is closed or already booked are left out of a
series and listed on it. The applicants' messages are queued in the same transaction and sent
after commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.bookings.models import BookingSeries
from lampio.bookings.series_services import create_series
from lampio.core.audit_context import set_actor
from lampio.core.errors import DomainError
from lampio.seasons import messages
from lampio.seasons.errors import PublishFailed, RoundPublished
from lampio.seasons.models import Allocation, Application, ApplicationRound, ApplicationStatus
from lampio.seasons.selectors import weekday_name
from lampio.seasons.services.allocation import check_allocating
from lampio.seasons.services.rounds import check_may_manage, lock_round


@dataclass
class PublishResult:
    series: list[BookingSeries] = field(default_factory=list)
    # Allocation id → the dates its series leaves out (closed or already booked then).
    skipped: dict[int, list[date]] = field(default_factory=dict)
    notified: int = 0


def first_date(application_round: ApplicationRound, now: datetime) -> date:
    """The season's first day, or tomorrow when the season has already begun (a slot today
    may have started already)."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return max(application_round.season_starts, tomorrow)


def _failed(allocation: Allocation, error: DomainError) -> PublishFailed:
    return PublishFailed(
        _(
            "The slot of “%(activity)s” (%(space)s, %(weekday)s %(start)s–%(end)s) could not be "
            "booked: %(reason)s Move or remove it, then publish again."
        )
        % {
            "activity": allocation.wish.application.activity,
            "space": allocation.space.name,
            "weekday": weekday_name(allocation.weekday),
            "start": f"{allocation.starts_time:%H:%M}",
            "end": f"{allocation.ends_time:%H:%M}",
            "reason": error.message,
        }
    )


def publish_round(
    *, actor: User, application_round: ApplicationRound, now: datetime | None = None
) -> PublishResult:
    """Book every allocation of the round as a weekly series and tell the applicants. Once."""
    now = now or timezone.now()
    check_may_manage(actor, application_round)
    result = PublishResult()
    with transaction.atomic(), set_actor(actor):
        locked = lock_round(application_round.pk)
        if locked.published_at is not None:
            raise RoundPublished(_("The round has already been published."))
        check_allocating(locked, now)
        first = first_date(locked, now)
        if first > locked.season_ends:
            raise PublishFailed(_("The season has already ended: there is nothing to book."))
        allocations = (
            Allocation.objects.filter(
                application_round=locked,
                wish__application__status=ApplicationStatus.SUBMITTED,
            )
            .select_related(
                "space__venue",
                "wish__application__applicant",
                "wish__application__for_organisation",
            )
            .order_by("space_id", "weekday", "starts_time", "pk")
        )
        for allocation in allocations:
            application = allocation.wish.application
            try:
                series = create_series(
                    actor=actor,
                    space=allocation.space,
                    weekdays=[allocation.weekday],
                    interval_weeks=1,
                    first_date=first,
                    last_date=locked.season_ends,
                    starts_time=allocation.starts_time,
                    ends_time=allocation.ends_time,
                    purpose=application.activity,
                    attendees=allocation.wish.attendees,
                    booker=application.applicant,
                    for_organisation=application.for_organisation,
                    skip_collisions=True,
                    notify=False,
                    now=now,
                )
            except DomainError as error:
                raise _failed(allocation, error) from error
            allocation.series = series
            allocation.save(update_fields=["series", "updated_at"])
            result.series.append(series)
            result.skipped[allocation.pk] = [
                date.fromisoformat(item["date"]) for item in series.skipped_dates
            ]
        locked.published_at = now
        locked.save(update_fields=["published_at"])
        applications = list(
            Application.objects.filter(application_round=locked, status=ApplicationStatus.SUBMITTED)
            .select_related("applicant")
            .prefetch_related("wishes__allocation__series", "wishes__allocation__space__venue")
        )
        result.notified = messages.round_published(locked, applications)
    application_round.published_at = now
    return result
