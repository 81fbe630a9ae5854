"""Which visits are invited to the survey, and the invitation each one gets.

A visit is invited once it has ended and only if it took place: a confirmed booking not marked
as unused, a confirmed enrolment or an accepted group order of a time that was not cancelled, a
digital session the person could watch. The pages that show the invitation have already checked
that the person may see the booking, enrolment or order; a session page is open to anyone, so
who could watch it is checked here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    OrderStatus,
)
from lampio.surveys.invitations import (
    Invitation,
    anonymous_key,
    last_day_after,
    visit_key,
)
from lampio.surveys.models import Context


def _invited(
    *, organisation_id: int, venue_id: int | None, context: str, key: str, ended_at: datetime
) -> Invitation:
    return Invitation(organisation_id, venue_id, context, key, last_day_after(ended_at))


def _for_booking(booking: Booking, now: datetime) -> Invitation | None:
    if (
        booking.kind != BookingKind.BOOKING
        or booking.status != BookingStatus.CONFIRMED
        or booking.no_show_at is not None
        or booking.ends_at > now
    ):
        return None
    venue = booking.space.venue
    return _invited(
        organisation_id=venue.organisation_id,
        venue_id=venue.pk,
        context=Context.BOOKING,
        key=visit_key("booking", booking.pk),
        ended_at=booking.ends_at,
    )


def _took_place(occurrence: Occurrence | None, now: datetime) -> bool:
    return (
        occurrence is not None
        and occurrence.status != OccurrenceStatus.CANCELLED
        and occurrence.ends_at <= now
    )


def _for_enrolment(enrolment: Enrolment, now: datetime) -> Invitation | None:
    occurrence = enrolment.occurrence
    if enrolment.status != EnrolmentStatus.CONFIRMED or not _took_place(occurrence, now):
        return None
    offering = occurrence.offering
    return _invited(
        organisation_id=offering.organisation_id,
        venue_id=offering.venue_id,
        context=Context.ENROLMENT,
        key=visit_key("enrolment", enrolment.pk),
        ended_at=occurrence.ends_at,
    )


def _for_order(order: GroupOrder, now: datetime) -> Invitation | None:
    occurrence = order.occurrence
    if order.status != OrderStatus.ACCEPTED or occurrence is None:
        return None
    if not _took_place(occurrence, now):
        return None
    return _invited(
        organisation_id=order.offering.organisation_id,
        venue_id=order.offering.venue_id,
        context=Context.ORDER,
        key=visit_key("order", order.pk),
        ended_at=occurrence.ends_at,
    )


def _for_session(occurrence: Occurrence, actor: Any, now: datetime) -> Invitation | None:
    # Imported here: digital sits above offerings, and only session pages need it.
    from lampio.digital.audience import may_watch
    from lampio.digital.phase import Phase, session_phase

    if occurrence.status == OccurrenceStatus.CANCELLED:
        return None
    if session_phase(occurrence, now) != Phase.ENDED or not may_watch(actor, occurrence):
        return None
    signed_in = actor is not None and actor.is_authenticated
    key = visit_key("session", occurrence.pk, actor.pk) if signed_in else anonymous_key()
    offering = occurrence.offering
    return _invited(
        organisation_id=offering.organisation_id,
        venue_id=offering.venue_id,
        context=Context.SESSION,
        key=key,
        ended_at=occurrence.ends_at,
    )


def invitation_for(visit: Any, *, actor: Any, now: datetime) -> Invitation | None:
    """The invitation for a booking, enrolment, group order or session; None if not invited."""
    if isinstance(visit, Booking):
        return _for_booking(visit, now)
    if isinstance(visit, Enrolment):
        return _for_enrolment(visit, now)
    if isinstance(visit, GroupOrder):
        return _for_order(visit, now)
    if isinstance(visit, Occurrence):
        return _for_session(visit, actor, now)
    return None
