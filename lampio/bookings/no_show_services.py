"""Staff of the owning organisation mark a confirmed booking that nobody used, or undo it.

Only the count leaves the bookings app (lampio.insights); the mark is a change of the booking
and goes to the audit log with the staff member as its actor."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, PermissionDenied
from lampio.tenancy.permissions import Action, can


def _locked(actor: User, booking: Booking) -> Booking:
    if not can(actor, Action.MANAGE, booking.space):
        raise PermissionDenied()
    return Booking.objects.select_for_update().get(pk=booking.pk)


def mark_no_show(*, actor: User, booking: Booking, now: datetime | None = None) -> Booking:
    """Mark a confirmed booking that has ended as not used."""
    now = now or timezone.now()
    with transaction.atomic(), set_actor(actor):
        locked = _locked(actor, booking)
        if locked.kind != BookingKind.BOOKING or locked.status != BookingStatus.CONFIRMED:
            raise Conflict(_("Only a confirmed booking can be marked as not used."))
        if locked.ends_at > now:
            raise Conflict(_("A booking can be marked as not used only after it has ended."))
        if locked.no_show_at is None:
            locked.no_show_at = now
            locked.save(update_fields=["no_show_at"])
    booking.no_show_at = locked.no_show_at
    return booking


def undo_no_show(*, actor: User, booking: Booking) -> Booking:
    """Take back a mark made by mistake."""
    with transaction.atomic(), set_actor(actor):
        locked = _locked(actor, booking)
        if locked.no_show_at is not None:
            locked.no_show_at = None
            locked.save(update_fields=["no_show_at"])
    booking.no_show_at = None
    return booking
