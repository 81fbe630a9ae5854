"""Writes on recurring series: create all occurrences at once, decide, cancel one or the rest.

Every occurrence is an ordinary `Booking`, so the exclusion constraint that keeps one-off
bookings apart guards each of them. A series is created in ONE transaction under the space's
lock (see `services` for the lock order): either every remaining date is booked, or nothing is.

Time: each occurrence is the same Helsinki wall-clock time on its date, so a series running
across the October or March change keeps "Tuesdays 18–20" while its UTC instants move.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import access_services, messages_series, rules, series_rules, services
from lampio.bookings.errors import BookingRuleBroken, SeriesCollides, SlotTaken
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingSeries, BookingStatus
from lampio.bookings.series_rules import (
    EXCEPTION,
    MAX_OCCURRENCES,
    MAX_RESIDENT_SERIES_PER_SPACE,
    Occurrence,
    check_pattern,
    check_resident,
    check_resident_times,
    occurrence_dates,
    occurrence_times,
)
from lampio.bookings.signals import booking_released
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.timeranges import LOCAL_ZONE, Interval, local_datetime
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


def create_series(
    *,
    actor: User,
    space: Space,
    weekdays: Sequence[int],
    interval_weeks: int,
    first_date: date,
    last_date: date,
    starts_time: time,
    ends_time: time,
    purpose: str,
    attendees: int,
    booker: User | None = None,
    for_organisation: Organisation | None = None,
    skip_dates: Collection[date] = (),
    skip_collisions: bool = False,
    notify: bool = True,
    now: datetime | None = None,
) -> BookingSeries:
    """Book `space` at the same local time on the chosen weekdays, every `interval_weeks` weeks.

    Staff of the owner book for a person (`booker`) or an organisation (`for_organisation`),
    confirmed at once, with the resident-facing window and limits skipped; opening hours,
    capacity and other bookings still hold. A resident books for themselves where the space
    allows recurring times and costs nothing; on spaces that need approval the dates become
    one request that staff decide as a whole (`decide_series`).

    Dates in `skip_dates` are left out. A date when the space is closed or already booked is a
    collision: all are raised together as `SeriesCollides`, unless `skip_collisions`, when they
    are left out too and recorded on the series. Locks: the booker's row, then the space's.
    """
    now = now or timezone.now()
    staff = can(actor, Action.MANAGE, space)
    check_pattern(weekdays, interval_weeks, first_date, last_date)
    if staff:
        if booker is None and for_organisation is None:
            raise InvalidInput(
                _("Give the email address of the person or choose the organisation."),
                field="email",
            )
    else:
        check_resident(actor, space, booker, for_organisation)
        booker = actor
    rules.check_attendees(space, attendees)
    purpose = purpose.strip()
    if not purpose:
        raise InvalidInput(_("Tell briefly what the booking is for."), field="purpose")
    if starts_time == ends_time:
        raise BookingRuleBroken(_("The booking must end after it starts."), field="ends_at")

    skip = set(skip_dates)
    dates = occurrence_dates(
        weekdays=weekdays, interval_weeks=interval_weeks, first_date=first_date, last_date=last_date
    )
    left_out = [{"date": day.isoformat(), "reason": EXCEPTION} for day in dates if day in skip]
    wanted = [
        occurrence_times(space, day, starts_time, ends_time) for day in dates if day not in skip
    ]
    if not wanted:
        raise InvalidInput(
            _("No date of the series is left to book. Check the weekdays and the dates."),
            field="weekdays",
        )
    if len(wanted) > MAX_OCCURRENCES:
        raise BookingRuleBroken(
            _("A recurring time can have at most %(count)d dates. Choose a shorter period.")
            % {"count": MAX_OCCURRENCES},
            field="last_date",
        )
    if not staff:
        check_resident_times(space, wanted[0], len(wanted), first_date, last_date, now)
    elif wanted[0].times.start < now:
        raise BookingRuleBroken(_("The first date has already passed."), field="first_date")
    for earlier, later in pairwise(wanted):
        if earlier.blocked.overlaps(later.blocked):
            raise BookingRuleBroken(
                _("The dates of the series would overlap each other. Shorten the time."),
                field="ends_at",
            )
    status = services.settled_status(space, staff)

    with transaction.atomic(), set_actor(actor):
        if not staff:
            User.objects.select_for_update().filter(pk=actor.pk).first()
            running = BookingSeries.objects.filter(
                booker=actor,
                space=space,
                occurrences__status__in=ACTIVE_STATUSES,
                occurrences__ends_at__gt=now,
            ).distinct()
            if running.count() >= MAX_RESIDENT_SERIES_PER_SPACE:
                raise BookingRuleBroken(
                    _("You already have %(count)d recurring times in this space, the most allowed.")
                    % {"count": MAX_RESIDENT_SERIES_PER_SPACE}
                )
        services.lock_space(space.pk)
        span = Interval(wanted[0].blocked.start, wanted[-1].blocked.end)
        services.expire_lapsed_holds(space_id=space.pk, within=span, now=now)
        collisions = series_rules.collisions(space, wanted, now=now)
        if collisions and not skip_collisions:
            raise SeriesCollides(collisions)
        colliding = dict(collisions)
        booked = [occurrence for occurrence in wanted if occurrence.day not in colliding]
        if not booked:
            raise SeriesCollides(
                collisions, _("None of the dates of the series is free. Choose another time.")
            )
        left_out += [{"date": day.isoformat(), "reason": why} for day, why in collisions]
        series = BookingSeries.objects.create(
            space=space,
            booker=booker,
            for_organisation=for_organisation,
            created_by=actor,
            purpose=purpose[:200],
            attendees=attendees,
            weekdays=sorted(set(weekdays)),
            interval_weeks=interval_weeks,
            first_date=first_date,
            last_date=last_date,
            starts_time=starts_time,
            ends_time=ends_time,
            skipped_dates=sorted(left_out, key=lambda item: item["date"]),
        )
        occurrences = _insert_all(series, booked, status=status, actor=actor, booker=booker)
        if status == BookingStatus.CONFIRMED:
            access_services.grant_series_access(series, occurrences)
        if notify:
            messages_series.series_message(
                series,
                "series_created",
                dates=[occurrence.day for occurrence in booked],
                requested=status == BookingStatus.REQUESTED,
            )
    return series


def _insert_all(
    series: BookingSeries,
    booked: list[Occurrence],
    *,
    status: str,
    actor: User,
    booker: User | None,
) -> list[Booking]:
    """One INSERT for every occurrence; the exclusion constraint checks each row of it.

    Overlaps were checked above under the space's lock, so the constraint refusing a row means
    a writer that skipped the lock; the whole series then rolls back with the transaction.
    (The series row carries the audit entry of the creation: occurrences are derived from it.)
    """
    rows = [
        Booking(
            space=series.space,
            series=series,
            booker=booker,
            created_by=actor,
            status=status,
            starts_at=occurrence.times.start,
            ends_at=occurrence.times.end,
            blocked_from=occurrence.blocked.start,
            blocked_until=occurrence.blocked.end,
            purpose=series.purpose,
            attendees=series.attendees,
        )
        for occurrence in booked
    ]
    try:
        with transaction.atomic():
            return Booking.objects.bulk_create(rows)
    except IntegrityError as error:
        if "booking_no_overlap_in_space" in str(error):
            raise SlotTaken(
                _("Someone else has just booked one of these times. Please try again.")
            ) from error
        raise


def _lock_series(series: BookingSeries) -> BookingSeries:
    return (
        BookingSeries.objects.select_for_update().select_related("space__venue").get(pk=series.pk)
    )


def _active_occurrences(series: BookingSeries) -> list[Booking]:
    return list(
        Booking.objects.select_for_update()
        .filter(series=series, status__in=ACTIVE_STATUSES)
        .select_related("space__venue")
        .order_by("pk")  # a fixed order, so two writers never deadlock
    )


def decide_series(
    *, actor: User, series: BookingSeries, approve: bool, reason: str = ""
) -> BookingSeries:
    """Staff of the owner approve every requested date of a series together, or deny them."""
    if not can(actor, Action.MANAGE, series.space):
        raise PermissionDenied()
    if not approve and not reason.strip():
        raise InvalidInput(_("Tell the resident why the request was denied."), field="reason")
    now = timezone.now()
    with transaction.atomic(), set_actor(actor):
        series = _lock_series(series)
        requested = [
            booking
            for booking in _active_occurrences(series)
            if booking.status == BookingStatus.REQUESTED
        ]
        if not requested:
            raise Conflict(_("This request has already been handled."))
        for booking in requested:
            booking.status = BookingStatus.CONFIRMED if approve else BookingStatus.DENIED
            booking.decision_reason = reason.strip()
            booking.decided_by = actor
            booking.save(update_fields=["status", "decision_reason", "decided_by"])
        dates = [booking.starts_at.astimezone(LOCAL_ZONE).date() for booking in requested]
        if approve:
            access_services.grant_series_access(series, requested)
            messages_series.series_message(series, "series_approved", dates=dates)
        else:
            series.cancelled_at = now
            series.save(update_fields=["cancelled_at"])
            for booking in requested:
                booking_released.send(sender=Booking, booking=booking, actor=actor)
                services.slot_freed(
                    series.space, Interval(booking.starts_at, booking.ends_at), now=now
                )
            messages_series.series_message(
                series, "series_denied", dates=dates, reason=reason.strip()
            )
    return series


def cancel_occurrence(*, actor: User, booking: Booking, now: datetime | None = None) -> Booking:
    """One date of a series, under the same rules as any booking (`services.cancel_booking`)."""
    if booking.series_id is None:
        raise InvalidInput(_("This booking is not part of a recurring time."))
    return services.cancel_booking(actor=actor, booking=booking, now=now)


def cancel_series_rest(
    *,
    actor: User,
    series: BookingSeries,
    from_date: date | None = None,
    now: datetime | None = None,
) -> int:
    """Cancel every active date of the series from `from_date` on (default: today) at once.

    The booker cancels dates still before the space's cancellation deadline; dates already past
    it stay booked (the series page says so). Staff of the owner cancel any future date. Slots
    are freed to waitlists and watchers as with single cancellations; one message in all.
    Returns how many dates were cancelled.
    """
    now = now or timezone.now()
    staff = can(actor, Action.MANAGE, series.space)
    if series.booker_id != actor.pk and not staff:
        raise PermissionDenied()
    from_date = from_date or now.astimezone(LOCAL_ZONE).date()
    starts_from = max(local_datetime(from_date, time()), now)
    with transaction.atomic(), set_actor(actor):
        series = _lock_series(series)
        space = series.space
        deadline = timedelta(hours=space.cancellation_hours)
        cancelled: list[Booking] = []
        for booking in _active_occurrences(series):
            if booking.starts_at < starts_from:
                continue
            if not staff and now > booking.starts_at - deadline:
                continue  # past the deadline: only staff may cancel it now
            booking.status = BookingStatus.CANCELLED
            booking.cancelled_at = now
            booking.save(update_fields=["status", "cancelled_at"])
            access_services.revoke_access(booking)
            booking_released.send(sender=Booking, booking=booking, actor=actor)
            cancelled.append(booking)
        for booking in cancelled:
            services.slot_freed(space, Interval(booking.starts_at, booking.ends_at), now=now)
        still_ahead = Booking.objects.filter(
            series=series, status__in=ACTIVE_STATUSES, ends_at__gt=now
        ).exists()
        if cancelled and not still_ahead:
            series.cancelled_at = now
            series.save(update_fields=["cancelled_at"])
        if cancelled:
            messages_series.series_message(
                series,
                "series_cancelled",
                dates=[booking.starts_at.astimezone(LOCAL_ZONE).date() for booking in cancelled],
            )
    return len(cancelled)
