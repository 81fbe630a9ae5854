"""Writes on waitlists: join, leave, and the offer that moves down the line.

A freed slot goes to the first person in line as a held booking (status HELD) that expires
after the space's `offer_hold_minutes`. The hold is an ordinary row under the same exclusion
constraint, so nobody else can book the slot meanwhile, and accepting turns it into the
person's booking through the same rules. Whether an offer is open is derived from the hold's
expiry; a lapsed offer passes to the next in line when anyone next touches the slot or when
the scheduler's sweep (`advance_lapsed_offers`) runs, whichever comes first.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import access_services, rules, services, tasks
from lampio.bookings.errors import AlreadyInLine, OfferExpired, SlotIsFree, SlotTaken
from lampio.bookings.models import (
    Booking,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
    blocking,
)
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.timeranges import Interval
from lampio.spaces.models import Space


def join_waitlist(
    *,
    actor: User,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str,
    attendees: int,
    now: datetime | None = None,
) -> WaitlistEntry:
    """Get in line for a taken slot; a free slot is refused with a pointer to booking it."""
    now = now or timezone.now()
    starts_at, ends_at = rules.normalised(starts_at, ends_at)
    rules.check_may_book(actor, space)
    rules.check_times(space, starts_at, ends_at, now=now)
    rules.check_attendees(space, attendees)
    purpose = purpose.strip()
    if not purpose:
        raise InvalidInput(_("Tell briefly what the booking is for."), field="purpose")
    blocked = services.blocked_range(space, starts_at, ends_at)
    with transaction.atomic(), set_actor(actor):
        services.lock_space(space.pk)
        services.expire_lapsed_holds(space_id=space.pk, within=blocked, now=now)
        taken = Booking.objects.filter(
            blocking(now),
            space=space,
            blocked_from__lt=blocked.end,
            blocked_until__gt=blocked.start,
        )
        if not taken.exists():
            raise SlotIsFree(field="starts_at")
        if taken.filter(booker=actor).exists():
            raise Conflict(_("You have already booked this time."))
        try:
            with transaction.atomic():
                return WaitlistEntry.objects.create(
                    space=space,
                    person=actor,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    purpose=purpose[:200],
                    attendees=attendees,
                )
        except IntegrityError as error:
            if "waitlist_one_open_entry_per_slot" in str(error) or "UNIQUE" in str(error):
                raise AlreadyInLine() from error
            raise


def position_in_line(entry: WaitlistEntry) -> int:
    """1 for the first in line among those still waiting for the same slot."""
    return (
        WaitlistEntry.objects.filter(
            space_id=entry.space_id,
            starts_at=entry.starts_at,
            ends_at=entry.ends_at,
            status=WaitlistStatus.WAITING,
        )
        .filter(created_at__lt=entry.created_at)
        .count()
        + 1
    )


def offer_freed_slot(*, space: Space, freed: Interval, now: datetime) -> list[WaitlistEntry]:
    """Offer every waited-for slot inside `freed` that is now free to its first in line.

    Runs inside the caller's transaction. A slot that is still taken (by another booking, a
    buffer, or a hold) is skipped; its line waits for the next release.
    """
    candidates = WaitlistEntry.objects.filter(
        space=space,
        status=WaitlistStatus.WAITING,
        starts_at__lt=freed.end,
        ends_at__gt=freed.start,
        starts_at__gt=now,
    ).select_related("person")
    offered: list[WaitlistEntry] = []
    for entry in candidates.order_by("created_at", "pk"):
        if any(
            other.starts_at < entry.ends_at and entry.starts_at < other.ends_at for other in offered
        ):
            continue  # this slot overlaps one just offered to someone earlier in line
        if _offer(entry, space=space, now=now):
            offered.append(entry)
    return offered


def _offer(entry: WaitlistEntry, *, space: Space, now: datetime) -> bool:
    person = entry.person
    if not person.is_active or person.deleted_at is not None:
        entry.status = WaitlistStatus.WITHDRAWN
        entry.save(update_fields=["status"])
        return False
    blocked = services.blocked_range(space, entry.starts_at, entry.ends_at)
    hold = Booking(
        space=space,
        booker=person,
        created_by=person,
        status=BookingStatus.HELD,
        hold_expires_at=now + timedelta(minutes=space.offer_hold_minutes),
        starts_at=entry.starts_at,
        ends_at=entry.ends_at,
        blocked_from=blocked.start,
        blocked_until=blocked.end,
        purpose=entry.purpose,
        attendees=entry.attendees,
    )
    try:
        with transaction.atomic():
            services._insert(hold, now=now)
    except SlotTaken:
        return False
    entry.status = WaitlistStatus.OFFERED
    entry.offer = hold
    entry.offered_at = now
    entry.save(update_fields=["status", "offer", "offered_at"])
    # STUB (waitlist helper): notify(recipient=entry.person, key="waitlist.offer", ...)
    return True


def accept_offer(*, actor: User, entry: WaitlistEntry, now: datetime | None = None) -> Booking:
    """Turn the held slot into the person's booking while the offer is open.

    Idempotent for the same person: a second tap (another device) gets the same booking.
    """
    now = now or timezone.now()
    if entry.person_id != actor.pk:
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        entry = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.status == WaitlistStatus.ACCEPTED and entry.offer is not None:
            return entry.offer
        if entry.status != WaitlistStatus.OFFERED or entry.offer_id is None:
            raise OfferExpired()
        hold = (
            Booking.objects.select_for_update()
            .select_related("space__venue")
            .get(pk=entry.offer_id)
        )
        if not hold.is_blocking(now) or hold.status != BookingStatus.HELD:
            raise OfferExpired()
        space = hold.space
        hold.status = (
            BookingStatus.REQUESTED if space.requires_handling else BookingStatus.CONFIRMED
        )
        hold.hold_expires_at = None
        hold.save(update_fields=["status", "hold_expires_at"])
        entry.status = WaitlistStatus.ACCEPTED
        entry.save(update_fields=["status"])
        if hold.status == BookingStatus.CONFIRMED:
            access_services.grant_access(hold)
        hold_id = hold.pk
        transaction.on_commit(lambda: tasks.send_booking_message.enqueue(hold_id, "created"))
    return hold


def leave_waitlist(*, actor: User, entry: WaitlistEntry, now: datetime | None = None) -> None:
    """Leave the line, or decline an open offer, which passes the slot to the next in line."""
    now = now or timezone.now()
    if entry.person_id != actor.pk:
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        entry = WaitlistEntry.objects.select_for_update().select_related("space").get(pk=entry.pk)
        if entry.status == WaitlistStatus.WAITING:
            entry.status = WaitlistStatus.WITHDRAWN
            entry.save(update_fields=["status"])
            return
        if entry.status != WaitlistStatus.OFFERED or entry.offer_id is None:
            raise Conflict(_("This waitlist entry has already been settled."))
        hold = Booking.objects.select_for_update().get(pk=entry.offer_id)
        entry.status = WaitlistStatus.DECLINED
        entry.save(update_fields=["status"])
        if hold.status == BookingStatus.HELD:
            hold.status = BookingStatus.EXPIRED
            hold.save(update_fields=["status"])
        services.slot_freed(entry.space, Interval(entry.starts_at, entry.ends_at), now=now)


def advance_lapsed_offers(*, now: datetime | None = None) -> int:
    """Pass every lapsed offer to the next in line. Run by the scheduler; safe to repeat."""
    now = now or timezone.now()
    lapsed = WaitlistEntry.objects.filter(
        status=WaitlistStatus.OFFERED,
        offer__status=BookingStatus.HELD,
        offer__hold_expires_at__lte=now,
    ).select_related("space")
    passed = 0
    for entry in lapsed:
        with transaction.atomic():
            freed = Interval(entry.starts_at, entry.ends_at)
            services.lock_space(entry.space_id)
            services.expire_lapsed_holds(space_id=entry.space_id, within=freed, now=now)
            services.slot_freed(entry.space, freed, now=now)
            passed += 1
    return passed
