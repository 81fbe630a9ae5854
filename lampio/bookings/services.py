"""Writes on bookings. Each use case is one transaction; overlaps are refused by the database.

Locking, always in this order: the booker's user row (so one person's concurrent requests
cannot pass the per-person limit together), then the space row (so writers of one space queue
instead of deadlocking in the exclusion constraint check). PostgreSQL's exclusion constraint
refuses any overlapping row regardless; on SQLite every transaction is BEGIN IMMEDIATE, which
serialises the check and the insert.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import access_services, messages, rules, slot_sql, waitlist_tasks
from lampio.bookings.errors import BookingRuleBroken, CancellationTooLate, SlotTaken
from lampio.bookings.models import (
    Booking,
    BookingKind,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from lampio.bookings.signals import booking_released
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.timeranges import Interval
from lampio.spaces.models import Space, Visibility
from lampio.tenancy.permissions import Action, can


def blocked_range(space: Space, starts_at: datetime, ends_at: datetime) -> Interval:
    return Interval(starts_at - space.buffer_before, ends_at + space.buffer_after)


def lock_space(space_id: int) -> None:
    """Writers of one space queue here (PostgreSQL); SQLite's IMMEDIATE transactions already do."""
    slot_sql.lock_space(space_id)


def expire_lapsed_holds(*, space_id: int, within: Interval, now: datetime) -> None:
    """Turn holds that have lapsed into EXPIRED rows so the exclusion constraint lets go.

    Readers already treat them as free (`blocking`); this is the writers' half. Their waitlist
    offers lapse with them. Call with the space locked.
    """
    lapsed = Booking.objects.select_for_update().filter(
        space_id=space_id,
        status=BookingStatus.HELD,
        hold_expires_at__lte=now,
        blocked_from__lt=within.end,
        blocked_until__gt=within.start,
    )
    # Locked, and re-checked in the update, so a hold accepted meanwhile is never expired.
    _expire_holds(list(lapsed.values_list("pk", flat=True)))


def _expire_holds(booking_ids: list[int]) -> None:
    if booking_ids:
        Booking.objects.filter(pk__in=booking_ids, status=BookingStatus.HELD).update(
            status=BookingStatus.EXPIRED
        )
        WaitlistEntry.objects.filter(
            offer_id__in=booking_ids, status=WaitlistStatus.OFFERED
        ).update(status=WaitlistStatus.LAPSED)


def claim_slot(
    *, space_id: int, within: Interval, now: datetime, moving: int | None = None
) -> None:
    """Lock the space and clear `within` for this writer, or raise SlotTaken.

    Holds that have lapsed there are expired; any other active booking (but `moving`, the one
    being moved) keeps the slot taken. One locking read finds both kinds, so a free slot, the
    usual case, costs the space lock and that read.
    """
    lock_space(space_id)
    found = slot_sql.overlapping(space_id=space_id, within=within, now=now, moving=moving)
    if not all(lapsed for _pk, lapsed in found):
        raise SlotTaken(field="starts_at")
    _expire_holds([pk for pk, _lapsed in found])


def _insert(booking: Booking, *, now: datetime | None = None) -> Booking:
    """Insert, turning an overlap into SlotTaken whichever way the database reports it.

    Writers of one space queue on its row lock (PostgreSQL), so `claim_slot` sees every
    committed booking. Without the queue, concurrent inserts checking the exclusion constraint
    can deadlock each other; the constraint stays as the last line of defence. Every caller
    holds a transaction that a SlotTaken ends (or its own savepoint, to go on), so the insert
    needs none of its own.
    """
    claim_slot(
        space_id=booking.space_id,
        within=Interval(booking.blocked_from, booking.blocked_until),
        now=now or timezone.now(),
    )
    try:
        booking.save()
    except IntegrityError as error:
        if "booking_no_overlap_in_space" in str(error):
            raise SlotTaken(field="starts_at") from error
        raise
    return booking


def book_space(
    *,
    actor: User,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    attendees: int,
    show_to_colleagues: bool = False,
    hold_until: datetime | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book `space` for `actor`: confirmed at once, or a request when the space needs approval.

    `show_to_colleagues` matters only in members-only spaces (desks, team rooms), where the
    person may let colleagues see that they are in; elsewhere it is never stored. With
    `hold_until` the slot is only held (while the person pays): `confirm_hold` finishes it.
    """
    now = now or timezone.now()
    starts_at, ends_at = rules.normalised(starts_at, ends_at)
    rules.check_may_book(actor, space)
    rules.check_times(space, starts_at, ends_at, now=now)
    rules.check_attendees(space, attendees)
    purpose = purpose.strip()
    if not purpose:
        raise InvalidInput(_("Tell briefly what the booking is for."), field="purpose")
    owner_staff = can(actor, Action.MANAGE, space)
    blocked = blocked_range(space, starts_at, ends_at)
    with transaction.atomic(), set_actor(actor):
        slot_sql.lock_person(actor.pk)
        upcoming = slot_sql.upcoming_count(booker_id=actor.pk, space_id=space.pk, now=now)
        if upcoming >= space.max_active_bookings and not owner_staff:
            raise BookingRuleBroken(
                _("You already have %(count)d upcoming bookings of this space, the most allowed.")
                % {"count": upcoming}
            )
        booking = _insert(
            Booking(
                space=space,
                booker=actor,
                created_by=actor,
                status=settled_status(space, owner_staff)
                if hold_until is None
                else BookingStatus.HELD,
                hold_expires_at=hold_until,
                starts_at=starts_at,
                ends_at=ends_at,
                blocked_from=blocked.start,
                blocked_until=blocked.end,
                purpose=purpose[:200],
                attendees=attendees,
                show_to_colleagues=show_to_colleagues and space.visibility == Visibility.MEMBERS,
            ),
            now=now,
        )
        if booking.status == BookingStatus.CONFIRMED:
            access_services.grant_access(booking)
        if booking.status != BookingStatus.HELD:
            messages.booking_message(booking, "created", new=True)
    return booking


def settled_status(space: Space, owner_staff: bool) -> BookingStatus:
    if space.requires_handling and not owner_staff:
        return BookingStatus.REQUESTED
    return BookingStatus.CONFIRMED


def block_time(
    *, actor: User, space: Space, starts_at: datetime, ends_at: datetime, reason: str
) -> Booking:
    """Staff take a space out of use (maintenance, events); no booking rules apply."""
    if not can(actor, Action.MANAGE, space):
        raise PermissionDenied()
    starts_at, ends_at = rules.normalised(starts_at, ends_at)
    if ends_at <= starts_at:
        raise InvalidInput(_("The booking must end after it starts."), field="ends_at")
    with transaction.atomic(), set_actor(actor):
        return _insert(
            Booking(
                space=space,
                kind=BookingKind.BLOCK,
                created_by=actor,
                status=BookingStatus.CONFIRMED,
                starts_at=starts_at,
                ends_at=ends_at,
                blocked_from=starts_at,
                blocked_until=ends_at,
                purpose=reason.strip()[:200] or _("Not available"),
            )
        )


def lock_booking(booking: Booking) -> Booking:
    return Booking.objects.select_for_update().select_related("space__venue").get(pk=booking.pk)


def cancel_booking(*, actor: User, booking: Booking, now: datetime | None = None) -> Booking:
    """The booker cancels before the deadline; the owner's staff may cancel at any time."""
    now = now or timezone.now()
    staff = can(actor, Action.MANAGE, booking.space)
    if booking.booker_id != actor.pk and not staff:
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        booking = lock_booking(booking)
        if not booking.is_active:
            raise Conflict(_("This booking is no longer active."))
        deadline = booking.starts_at - timedelta(hours=booking.space.cancellation_hours)
        if now > deadline and not staff:
            raise CancellationTooLate(
                _("Bookings of this space can be cancelled until %(hours)d hours before the start.")
                % {"hours": booking.space.cancellation_hours}
            )
        booking.status = BookingStatus.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        access_services.revoke_access(booking)
        booking_released.send(sender=Booking, booking=booking, actor=actor)
        messages.booking_message(booking, "cancelled")
        slot_freed(booking.space, Interval(booking.starts_at, booking.ends_at), now=now)
    return booking


def slot_freed(space: Space, freed: Interval, *, now: datetime) -> None:
    """A slot was let go: offer it to its waitlist now, tell the space's watchers after commit.

    The offer is made in the same transaction as the cancellation, so no job has to run for
    the first in line to get it.
    """
    if freed.end <= now:
        return
    from lampio.bookings import waitlist_services  # it books through this module

    waitlist_services.offer_freed_slot(space=space, freed=freed, now=now)
    start, end = freed.start.isoformat(), freed.end.isoformat()
    transaction.on_commit(lambda: waitlist_tasks.alert_watchers.enqueue(space.pk, start, end))


def move_booking(
    *,
    actor: User,
    booking: Booking,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime | None = None,
) -> Booking:
    """Move a booking to other times in the same space; its access code's validity moves too.

    The booker moves under the resident rules and only before the cancellation deadline; the
    owner's staff may move any active booking within opening hours.
    """
    now = now or timezone.now()
    space = booking.space
    staff = can(actor, Action.MANAGE, space)
    if booking.booker_id != actor.pk and not staff:
        raise PermissionDenied()
    starts_at, ends_at = rules.normalised(starts_at, ends_at)
    if staff:
        if ends_at <= starts_at:
            raise BookingRuleBroken(_("The booking must end after it starts."), field="ends_at")
        rules.check_within_opening_hours(space, Interval(starts_at, ends_at))
    else:
        rules.check_times(space, starts_at, ends_at, now=now)
    with transaction.atomic(), set_actor(actor):
        booking = lock_booking(booking)
        if booking.status not in (BookingStatus.REQUESTED, BookingStatus.CONFIRMED):
            raise Conflict(_("This booking is no longer active."))
        deadline = booking.starts_at - timedelta(hours=space.cancellation_hours)
        if now > deadline and not staff:
            raise CancellationTooLate(
                _("Bookings of this space can be changed until %(hours)d hours before the start.")
                % {"hours": space.cancellation_hours}
            )
        old = Interval(booking.starts_at, booking.ends_at)
        blocked = blocked_range(space, starts_at, ends_at)
        claim_slot(space_id=space.pk, within=blocked, now=now, moving=booking.pk)
        booking.starts_at, booking.ends_at = starts_at, ends_at
        booking.blocked_from, booking.blocked_until = blocked.start, blocked.end
        try:
            with transaction.atomic():
                booking.save(
                    update_fields=["starts_at", "ends_at", "blocked_from", "blocked_until"]
                )
        except IntegrityError as error:
            if "booking_no_overlap_in_space" in str(error):
                raise SlotTaken(field="starts_at") from error
            raise
        access_services.access_moved(booking)
        messages.booking_message(booking, "moved")
        slot_freed(space, old, now=now)
    return booking


def decide_request(*, actor: User, booking: Booking, approve: bool, reason: str = "") -> Booking:
    """Staff of the owner approve a request, or deny it with a reason the resident will read."""
    if not can(actor, Action.MANAGE, booking.space):
        raise PermissionDenied()
    if not approve and not reason.strip():
        raise InvalidInput(_("Tell the resident why the request was denied."), field="reason")
    with transaction.atomic(), set_actor(actor):
        booking = lock_booking(booking)
        if booking.status != BookingStatus.REQUESTED:
            raise Conflict(_("This request has already been handled."))
        booking.status = BookingStatus.CONFIRMED if approve else BookingStatus.DENIED
        booking.decision_reason = reason.strip()
        booking.decided_by = actor
        booking.save(update_fields=["status", "decision_reason", "decided_by"])
        if approve:
            access_services.grant_access(booking)
            messages.booking_message(booking, "approved")
        else:
            booking_released.send(sender=Booking, booking=booking, actor=actor)
            messages.booking_message(booking, "denied")
            slot_freed(
                booking.space, Interval(booking.starts_at, booking.ends_at), now=timezone.now()
            )
    return booking


def book_on_behalf(
    *,
    actor: User,
    space: Space,
    booker_email: str,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    attendees: int,
) -> Booking:
    """Staff of the owner book for a person (who phoned or came to the desk): confirmed at once.

    The resident-facing rules (booking window, slot grid, durations, per-person limit) are
    skipped, since staff may arrange exceptions; opening hours, capacity and overlaps still hold.
    """
    if not can(actor, Action.MANAGE, space):
        raise PermissionDenied()
    starts_at, ends_at = rules.normalised(starts_at, ends_at)
    if ends_at <= starts_at:
        raise BookingRuleBroken(_("The booking must end after it starts."), field="ends_at")
    rules.check_within_opening_hours(space, Interval(starts_at, ends_at))
    rules.check_attendees(space, attendees)
    purpose = purpose.strip()
    if not purpose:
        raise InvalidInput(_("Tell briefly what the booking is for."), field="purpose")
    booker = User.objects.filter(
        email__iexact=booker_email.strip(), is_active=True, deleted_at__isnull=True
    ).first()
    if booker is None:
        raise InvalidInput(
            _("No account uses this email address. Ask the person to sign up first."),
            field="email",
        )
    blocked = blocked_range(space, starts_at, ends_at)
    with transaction.atomic(), set_actor(actor):
        booking = _insert(
            Booking(
                space=space,
                booker=booker,
                created_by=actor,
                status=BookingStatus.CONFIRMED,
                starts_at=starts_at,
                ends_at=ends_at,
                blocked_from=blocked.start,
                blocked_until=blocked.end,
                purpose=purpose[:200],
                attendees=attendees,
            )
        )
        access_services.grant_access(booking)
        messages.booking_message(booking, "created", new=True)
    return booking
