"""Writes on waitlists: join, leave, and the offer that moves down the line.

A freed slot goes to the first person in line as a held booking (status HELD) that expires
after the space's `offer_hold_minutes`. The hold is an ordinary row under the same exclusion
constraint, so nobody else can book the slot meanwhile, and accepting turns it into the
person's booking through the same rules. Whether an offer is open is derived from the hold's
expiry; a lapsed offer passes to the next in line when anyone next touches the slot or when
the scheduler's sweep (`advance_lapsed_offers`) runs, whichever comes first.

Locks, in this order as in the booking services: the person's user row, the space row, then
the entry and its hold. Writers of a space therefore queue on the space, and an acceptance
never races a writer that expires the same hold.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import access_services, messages, messages_waitlist, paid, rules, services
from lampio.bookings.errors import (
    AlreadyInLine,
    BookingRuleBroken,
    OfferExpired,
    SlotIsFree,
    SlotTaken,
)
from lampio.bookings.models import (
    Booking,
    BookingKind,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
    blocking,
)
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, DomainError, PermissionDenied
from lampio.core.timeranges import Interval
from lampio.notifications.services import notify
from lampio.spaces.models import Space

# Bookings a person made themselves (not offers), which settle their place in line.
OWN_BOOKING_STATUSES = [
    BookingStatus.REQUESTED,
    BookingStatus.CONFIRMED,
    BookingStatus.CANCELLED,
    BookingStatus.DENIED,
]


def join_waitlist(
    *,
    actor: User,
    space: Space,
    starts_at: datetime,
    ends_at: datetime,
    purpose: str = "",
    attendees: int = 1,
    now: datetime | None = None,
) -> WaitlistEntry:
    """Get in line for a taken slot; a free slot is refused with a pointer to booking it."""
    now = now or timezone.now()
    starts_at, ends_at = rules.normalised(starts_at, ends_at)
    rules.check_may_book(actor, space)
    rules.check_times(space, starts_at, ends_at, now=now)
    rules.check_attendees(space, attendees)
    purpose = purpose.strip() or _("Waitlist booking")
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
            raise Conflict(_("You have already booked this time."), field="starts_at")
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
                raise AlreadyInLine(field="starts_at") from error
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


def _settled_without_offer(entry: WaitlistEntry, space: Space) -> bool:
    """Whether the person should no longer be offered the slot: gone, no longer allowed to
    book the space, or they booked (and perhaps cancelled) the time themselves after joining."""
    person = entry.person
    if not person.is_active or person.deleted_at is not None:
        return True
    try:
        rules.check_may_book(person, space)
    except DomainError:
        return True
    return Booking.objects.filter(
        space=space,
        booker=person,
        kind=BookingKind.BOOKING,
        status__in=OWN_BOOKING_STATUSES,
        starts_at__lt=entry.ends_at,
        ends_at__gt=entry.starts_at,
        created_at__gte=entry.created_at,
    ).exists()


def _offer(entry: WaitlistEntry, *, space: Space, now: datetime) -> bool:
    if _settled_without_offer(entry, space):
        entry.status = WaitlistStatus.WITHDRAWN
        entry.save(update_fields=["status"])
        return False
    blocked = services.blocked_range(space, entry.starts_at, entry.ends_at)
    held_until = now + timedelta(minutes=space.offer_hold_minutes)
    hold = Booking(
        space=space,
        booker=entry.person,
        created_by=entry.person,
        status=BookingStatus.HELD,
        hold_expires_at=held_until,
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
    notify(
        recipient=entry.person,
        key="waitlist.offer",
        context=messages_waitlist.offer_context(
            recipient=entry.person,
            space=space,
            slot=Interval(entry.starts_at, entry.ends_at),
            held_until=held_until,
            entry_id=entry.pk,
        ),
        organisation_id=space.venue.organisation_id,
        dedupe_key=f"waitlist-offer:{entry.pk}:{hold.pk}",
    )
    return True


def _check_limit(actor: User, space: Space, hold: Booking, now: datetime) -> None:
    """The per-person limit of upcoming bookings holds for an accepted offer too."""
    upcoming = (
        Booking.objects.filter(blocking(now), booker=actor, space=space, ends_at__gt=now)
        .exclude(pk=hold.pk)
        .exclude(status=BookingStatus.HELD)
        .count()
    )
    if upcoming >= space.max_active_bookings:
        raise BookingRuleBroken(
            _("You already have %(count)d upcoming bookings of this space, the most allowed.")
            % {"count": upcoming}
        )


def accept_offer(*, actor: User, entry: WaitlistEntry, now: datetime | None = None) -> Booking:
    """Turn the held slot into the person's booking while the offer is open.

    Idempotent for the same person: a second tap (another device) gets the same booking. A
    lapsed offer is passed on to the next in line (committed) before OfferExpired is raised.
    """
    now = now or timezone.now()
    if entry.person_id != actor.pk:
        raise PermissionDenied()
    lapsed = False
    with transaction.atomic(), set_actor(actor):
        User.objects.select_for_update().filter(pk=actor.pk).first()
        services.lock_space(entry.space_id)
        entry = WaitlistEntry.objects.select_for_update().get(pk=entry.pk)
        if entry.status == WaitlistStatus.ACCEPTED and entry.offer_id is not None:
            return _booking(entry.offer_id)
        if entry.status == WaitlistStatus.WAITING:
            raise Conflict(_("The time has not been offered to you yet."))
        if entry.status in (WaitlistStatus.DECLINED, WaitlistStatus.WITHDRAWN):
            raise Conflict(_("You have left the waitlist for this time."))
        if entry.status != WaitlistStatus.OFFERED or entry.offer_id is None:
            raise OfferExpired()
        hold = Booking.objects.select_for_update().get(pk=entry.offer_id)
        if hold.status != BookingStatus.HELD or not hold.is_blocking(now):
            slot = Interval(hold.blocked_from, hold.blocked_until)
            services.expire_lapsed_holds(space_id=entry.space_id, within=slot, now=now)
            # A hold cancelled from the bookings page leaves the entry to settle here.
            WaitlistEntry.objects.filter(pk=entry.pk, status=WaitlistStatus.OFFERED).update(
                status=WaitlistStatus.LAPSED
            )
            services.slot_freed(hold.space, Interval(entry.starts_at, entry.ends_at), now=now)
            lapsed = True
        elif hold.space.is_paid and paid.handler() is not None:
            # The offer stays open until it is paid (confirm_hold accepts it then); if the
            # payment never comes, the offer lapses to the next in line as any other would.
            _check_limit(actor, hold.space, hold, now)
            paid.adopt(hold)
        else:
            space = hold.space
            _check_limit(actor, space, hold, now)
            hold.status = (
                BookingStatus.REQUESTED if space.requires_handling else BookingStatus.CONFIRMED
            )
            hold.hold_expires_at = None
            hold.save(update_fields=["status", "hold_expires_at"])
            entry.status = WaitlistStatus.ACCEPTED
            entry.save(update_fields=["status"])
            if hold.status == BookingStatus.CONFIRMED:
                access_services.grant_access(hold)
            messages.booking_message(hold, "created")
    if lapsed:
        raise OfferExpired()
    return _booking(hold.pk)


def _booking(booking_id: int) -> Booking:
    return Booking.objects.select_related("space__venue__organisation__municipality").get(
        pk=booking_id
    )


def leave_waitlist(*, actor: User, entry: WaitlistEntry, now: datetime | None = None) -> None:
    """Leave the line, or decline an open offer, which passes the slot to the next in line."""
    now = now or timezone.now()
    if entry.person_id != actor.pk:
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        services.lock_space(entry.space_id)
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
    # A hold its holder cancelled from the bookings page was passed on by that cancellation;
    # only its entry is left to settle.
    WaitlistEntry.objects.filter(
        status=WaitlistStatus.OFFERED,
        offer__status__in=[BookingStatus.CANCELLED, BookingStatus.EXPIRED],
    ).update(status=WaitlistStatus.LAPSED)
    lapsed = WaitlistEntry.objects.filter(
        status=WaitlistStatus.OFFERED,
        offer__status=BookingStatus.HELD,
        offer__hold_expires_at__lte=now,
    ).select_related("space__venue__organisation")
    passed = 0
    for entry in lapsed:
        with transaction.atomic():
            freed = Interval(entry.starts_at, entry.ends_at)
            services.lock_space(entry.space_id)
            within = services.blocked_range(entry.space, entry.starts_at, entry.ends_at)
            services.expire_lapsed_holds(space_id=entry.space_id, within=within, now=now)
            services.slot_freed(entry.space, freed, now=now)
            passed += 1
    return passed


def offer_stranded_slots(*, now: datetime | None = None, limit: int = 500) -> int:
    """Offer slots that are free while people wait for them and nobody holds an offer.

    Releases normally make their offer at once; this catches the rest (an account deletion
    that cancelled bookings in bulk, a lapsed hold expired by a writer that then gave up), so
    the line never stalls. Safe to repeat: an offer is an insert under the space's lock.
    """
    now = now or timezone.now()
    waiting = (
        WaitlistEntry.objects.filter(status=WaitlistStatus.WAITING, starts_at__gt=now)
        .exclude(
            Exists(
                WaitlistEntry.objects.filter(
                    space_id=OuterRef("space_id"),
                    status=WaitlistStatus.OFFERED,
                    starts_at__lt=OuterRef("ends_at"),
                    ends_at__gt=OuterRef("starts_at"),
                )
            )
        )
        .exclude(
            Exists(
                Booking.objects.filter(
                    blocking(now),
                    space_id=OuterRef("space_id"),
                    blocked_from__lt=OuterRef("ends_at"),
                    blocked_until__gt=OuterRef("starts_at"),
                )
            )
        )
        .select_related("space__venue")
        .order_by("created_at")[:limit]
    )
    offered = 0
    for entry in waiting:
        with transaction.atomic():
            services.lock_space(entry.space_id)
            offered += len(
                offer_freed_slot(
                    space=entry.space, freed=Interval(entry.starts_at, entry.ends_at), now=now
                )
            )
    return offered
