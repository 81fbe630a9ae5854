"""Holds become bookings: a slot held while the person pays (or answers a waitlist offer)
is confirmed here, under the same locks and overlap rules as any booking (see services)."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.bookings import access_services, messages
from lampio.bookings.errors import SlotTaken
from lampio.bookings.models import (
    Booking,
    BookingStatus,
    WaitlistEntry,
    WaitlistStatus,
    blocking,
)
from lampio.bookings.services import (
    expire_lapsed_holds,
    lock_booking,
    lock_space,
    settled_status,
)
from lampio.core.errors import Conflict
from lampio.core.timeranges import Interval
from lampio.tenancy.permissions import Action, can


def confirm_hold(*, booking_id: int, now: datetime | None = None) -> Booking:
    """Turn a held booking into a confirmed one (or a request, where staff approve).

    Idempotent: a booking already settled is returned as it is. A hold that lapsed is revived
    if its slot is still free, since the person did pay; if someone else has taken the slot,
    SlotTaken is raised and the caller refunds.
    """
    now = now or timezone.now()
    with transaction.atomic():
        booking = lock_booking(Booking(pk=booking_id))
        if booking.status in (BookingStatus.CONFIRMED, BookingStatus.REQUESTED):
            return booking
        if booking.status not in (BookingStatus.HELD, BookingStatus.EXPIRED):
            raise Conflict(_("This booking is no longer active."))
        space = booking.space
        lock_space(space.pk)
        if not booking.is_blocking(now):
            blocked = Interval(booking.blocked_from, booking.blocked_until)
            expire_lapsed_holds(space_id=space.pk, within=blocked, now=now)
            taken = Booking.objects.filter(
                blocking(now),
                space_id=space.pk,
                blocked_from__lt=blocked.end,
                blocked_until__gt=blocked.start,
            ).exclude(pk=booking.pk)
            if taken.exists():
                Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.EXPIRED)
                raise SlotTaken(field="starts_at")
        owner_staff = booking.booker is not None and can(booking.booker, Action.MANAGE, space)
        booking.status = settled_status(space, owner_staff)
        booking.hold_expires_at = None
        try:
            with transaction.atomic():
                booking.save(update_fields=["status", "hold_expires_at"])
        except IntegrityError as error:
            if "booking_no_overlap_in_space" in str(error):
                raise SlotTaken(field="starts_at") from error
            raise
        # A paid waitlist offer is accepted only now that it is paid.
        WaitlistEntry.objects.filter(offer_id=booking.pk, status=WaitlistStatus.OFFERED).update(
            status=WaitlistStatus.ACCEPTED
        )
        if booking.status == BookingStatus.CONFIRMED:
            access_services.grant_access(booking)
        messages.booking_message(booking, "created")
    return booking
