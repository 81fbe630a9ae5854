"""Enrolment: seats for a person and their companions, a waiting list, and its promotion.

Seats are taken by one conditional UPDATE (`seats_taken + n <= capacity`), checked again by the
`occurrence_never_oversold` constraint, so simultaneous enrolments cannot oversell on either
database. Giving seats back locks the occurrence row first, so two cancellations promote the
waiting list one after the other and never promote the same person twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lampio.accounts.models import User
from lampio.accounts.selectors import has_verified_contact
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.core.locking import lock_rows
from lampio.offerings import tasks
from lampio.offerings.errors import (
    AlreadyEnrolled,
    CancellationTooLate,
    EnrolmentClosed,
    NotEnoughSeats,
)
from lampio.offerings.models import (
    ACTIVE_ENROLMENT,
    OPEN_STATUSES,
    Enrolment,
    EnrolmentStatus,
    Occurrence,
    OfferingStatus,
)
from lampio.offerings.signals import participation_confirmed, participation_released

MAX_SEATS_PER_ENROLMENT = 10


def take_seats(occurrence_id: int, seats: int) -> bool:
    """Take `seats` if they are free, in one statement; False when they are not."""
    return bool(
        Occurrence.objects.filter(
            pk=occurrence_id,
            status__in=OPEN_STATUSES,
            seats_taken__lte=F("capacity") - seats,
        ).update(seats_taken=F("seats_taken") + seats)
    )


def give_back_seats(occurrence_id: int, seats: int) -> None:
    Occurrence.objects.filter(pk=occurrence_id, seats_taken__gte=seats).update(
        seats_taken=F("seats_taken") - seats
    )


def check_enrolment_open(occurrence: Occurrence, now: datetime) -> None:
    offering = occurrence.offering
    if offering.status != OfferingStatus.PUBLISHED or not occurrence.is_public:
        raise NotFound()
    if not offering.allows_enrolment:
        raise EnrolmentClosed(
            _("This offering is ordered by groups; it has no individual enrolment.")
        )
    if not occurrence.is_open:
        raise EnrolmentClosed(_("This occurrence has been cancelled or postponed."))
    if occurrence.enrolment_opens_at and now < occurrence.enrolment_opens_at:
        raise EnrolmentClosed(_("Enrolment has not opened yet."))
    closes_at = occurrence.enrolment_closes_at or occurrence.starts_at
    if now >= closes_at:
        raise EnrolmentClosed(_("Enrolment has closed."))


def _check_seats(seats: int) -> None:
    if not 1 <= seats <= MAX_SEATS_PER_ENROLMENT:
        raise InvalidInput(
            ngettext(
                "You can enrol at most %(count)d person at a time.",
                "You can enrol at most %(count)d people at a time.",
                MAX_SEATS_PER_ENROLMENT,
            )
            % {"count": MAX_SEATS_PER_ENROLMENT},
            field="seats",
        )


def enrol(
    *,
    actor: User,
    occurrence: Occurrence,
    seats: int,
    waitlist: bool = False,
    now: datetime | None = None,
) -> Enrolment:
    """Enrol `actor` and companions: confirmed if the seats are free, else queued if asked.

    Without `waitlist`, a full occurrence is refused with NotEnoughSeats (HTTP 409).
    """
    now = now or timezone.now()
    _check_seats(seats)
    check_enrolment_open(occurrence, now)
    if not has_verified_contact(actor):
        raise PermissionDenied(_("Verify your email address before you enrol."))
    with transaction.atomic(), set_actor(actor):
        if take_seats(occurrence.pk, seats):
            status = EnrolmentStatus.CONFIRMED
        else:
            # Someone already enrolled hears so rather than that the seats ran out.
            if Enrolment.objects.filter(
                occurrence=occurrence, person=actor, status__in=ACTIVE_ENROLMENT
            ).exists():
                raise AlreadyEnrolled()
            if not waitlist:
                raise _not_enough_seats(occurrence.pk)
            status = EnrolmentStatus.WAITLISTED
        try:
            enrolment = Enrolment.objects.create(
                occurrence=occurrence, person=actor, seats=seats, status=status
            )
        except IntegrityError as error:
            # Enrolled already (one active enrolment per person and time): the error ends the
            # transaction, and the seats just taken go back with its rollback.
            raise AlreadyEnrolled() from error
        if status == EnrolmentStatus.CONFIRMED:
            participation_confirmed.send(
                sender=Enrolment, enrolment=enrolment, group_order=None, new=True
            )
        notify_enrolment(enrolment.pk, status)
    return enrolment


def _not_enough_seats(occurrence_id: int) -> NotEnoughSeats:
    capacity, taken = Occurrence.objects.values_list("capacity", "seats_taken").get(
        pk=occurrence_id
    )
    left = max(capacity - taken, 0)
    return NotEnoughSeats(
        ngettext(
            "Only %(count)d seat is left. You can join the waiting list.",
            "Only %(count)d seats are left. You can join the waiting list.",
            left,
        )
        % {"count": left},
        field="seats",
    )


def cancellation_deadline(enrolment: Enrolment) -> datetime:
    hours = enrolment.occurrence.offering.cancellation_hours
    return enrolment.occurrence.starts_at - timedelta(hours=hours)


def cancel_enrolment(*, actor: User, enrolment: Enrolment, now: datetime | None = None) -> None:
    """The person cancels: seats go back and the waiting list moves up.

    A place in the queue can be given up any time; confirmed seats only before the deadline,
    unless the occurrence itself was cancelled or postponed.
    """
    now = now or timezone.now()
    if enrolment.person_id != actor.pk:
        raise NotFound()
    if (
        enrolment.status == EnrolmentStatus.CONFIRMED
        and enrolment.occurrence.is_open
        and now >= cancellation_deadline(enrolment)
    ):
        raise CancellationTooLate(
            _("Enrolments can be cancelled until %(hours)d hours before the start.")
            % {"hours": enrolment.occurrence.offering.cancellation_hours}
        )
    with transaction.atomic(), set_actor(actor):
        _cancel(enrolment, now)


def cancel_enrolment_for_erasure(enrolment: Enrolment) -> None:
    """Account deletion cancels without deadline: the person is gone either way."""
    _cancel(enrolment, timezone.now())


def _cancel(enrolment: Enrolment, now: datetime) -> None:
    lock_rows(Occurrence.objects.filter(pk=enrolment.occurrence_id))
    current = Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
    if current is None or current.status not in ACTIVE_ENROLMENT:
        return
    if current.status == EnrolmentStatus.CONFIRMED:
        give_back_seats(current.occurrence_id, current.seats)
        participation_released.send(sender=Enrolment, enrolment=current, group_order=None)
    current.status, current.cancelled_at = EnrolmentStatus.CANCELLED, now
    current.save(update_fields=["status", "cancelled_at"])
    enrolment.status, enrolment.cancelled_at = current.status, current.cancelled_at
    promote_waiting_list(current.occurrence_id, now)


def notify_enrolment(enrolment_id: int, event: str) -> None:
    """Email the person once the transaction that changed the enrolment has committed."""
    transaction.on_commit(lambda: tasks.send_enrolment_message.enqueue(enrolment_id, event))


def promote_waiting_list(occurrence_id: int, now: datetime | None = None) -> list[Enrolment]:
    """Move queued people up, oldest first, while their seats fit; each promoted one is told.

    A party that does not fit does not block a smaller one behind it: empty seats help nobody.
    Call inside a transaction that holds the occurrence row lock.
    """
    now = now or timezone.now()
    occurrence = Occurrence.objects.filter(pk=occurrence_id).first()
    if occurrence is None or not occurrence.is_open or occurrence.starts_at <= now:
        return []
    promoted: list[Enrolment] = []
    free = occurrence.capacity - occurrence.seats_taken
    queue = Enrolment.objects.filter(
        occurrence_id=occurrence_id, status=EnrolmentStatus.WAITLISTED, seats__lte=max(free, 0)
    ).order_by("created_at", "pk")
    for waiting in queue:
        if waiting.seats > free or not take_seats(occurrence_id, waiting.seats):
            continue
        free -= waiting.seats
        waiting.status, waiting.promoted_at = EnrolmentStatus.CONFIRMED, now
        waiting.save(update_fields=["status", "promoted_at"])
        participation_confirmed.send(sender=Enrolment, enrolment=waiting, group_order=None)
        promoted.append(waiting)
        notify_enrolment(waiting.pk, "promoted")
    return promoted
