"""Enrolment, the waiting list and its promotion, through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.offerings.errors import (
    AlreadyEnrolled,
    CancellationTooLate,
    EnrolmentClosed,
    NotEnoughSeats,
)
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OfferingStatus,
)
from lampio.offerings.services import (
    cancel_enrolment,
    change_capacity,
    change_occurrence_status,
    enrol,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def occurrence(make_offering: Callable[..., Offering]) -> Occurrence:
    return make_offering(capacity=5).occurrences.get()


def test_enrol_takes_seats_for_companions(occurrence: Occurrence, resident: User) -> None:
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=2)

    assert enrolment.status == EnrolmentStatus.CONFIRMED
    occurrence.refresh_from_db()
    assert (occurrence.seats_taken, occurrence.seats_left) == (2, 3)


def test_full_occurrence_refuses_without_waitlist(
    occurrence: Occurrence, make_user: Callable[..., User]
) -> None:
    enrol(actor=make_user(), occurrence=occurrence, seats=4)

    with pytest.raises(NotEnoughSeats) as refused:
        enrol(actor=make_user(), occurrence=occurrence, seats=2)

    assert "Jäljellä on vain 1 paikka" in str(refused.value)
    assert not Enrolment.objects.filter(status=EnrolmentStatus.WAITLISTED).exists()


def test_full_occurrence_queues_when_asked(
    occurrence: Occurrence, make_user: Callable[..., User]
) -> None:
    enrol(actor=make_user(), occurrence=occurrence, seats=5)

    queued = enrol(actor=make_user(), occurrence=occurrence, seats=1, waitlist=True)

    assert queued.status == EnrolmentStatus.WAITLISTED
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 5


def test_cancelling_promotes_the_queue_in_order_skipping_parties_that_do_not_fit(
    occurrence: Occurrence,
    make_user: Callable[..., User],
    mailoutbox: list,
    django_capture_on_commit_callbacks: Callable,
) -> None:
    first = make_user()
    holder = enrol(actor=first, occurrence=occurrence, seats=2)
    enrol(actor=make_user(), occurrence=occurrence, seats=3)
    too_big = enrol(actor=make_user(), occurrence=occurrence, seats=3, waitlist=True)
    fits = enrol(actor=make_user(), occurrence=occurrence, seats=2, waitlist=True)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel_enrolment(actor=first, enrolment=holder)

    too_big.refresh_from_db()
    fits.refresh_from_db()
    assert too_big.status == EnrolmentStatus.WAITLISTED
    assert fits.status == EnrolmentStatus.CONFIRMED
    assert fits.promoted_at is not None
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 5
    assert [message.to for message in mailoutbox] == [[fits.person.email]]


def test_one_active_enrolment_per_person(
    occurrence: Occurrence, resident: User, make_user: Callable[..., User]
) -> None:
    enrol(actor=resident, occurrence=occurrence, seats=1)

    with pytest.raises(AlreadyEnrolled):  # seats left: the seats taken again are given back
        enrol(actor=resident, occurrence=occurrence, seats=1)
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 1

    enrol(actor=make_user(), occurrence=occurrence, seats=4)
    for waitlist in (False, True):  # full: told they are enrolled, not that seats ran out
        with pytest.raises(AlreadyEnrolled):
            enrol(actor=resident, occurrence=occurrence, seats=1, waitlist=waitlist)
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == 5
    assert Enrolment.objects.filter(person=resident).count() == 1


@pytest.mark.parametrize("seats", [0, 11])
def test_seat_count_is_checked(occurrence: Occurrence, resident: User, seats: int) -> None:
    with pytest.raises(InvalidInput) as refused:
        enrol(actor=resident, occurrence=occurrence, seats=seats)

    assert refused.value.field == "seats"


def test_enrolment_window_and_status_are_respected(occurrence: Occurrence, resident: User) -> None:
    occurrence.enrolment_closes_at = timezone.now() - timedelta(minutes=1)
    occurrence.save()
    with pytest.raises(EnrolmentClosed):
        enrol(actor=resident, occurrence=occurrence, seats=1)

    occurrence.enrolment_closes_at = None
    occurrence.status = OccurrenceStatus.CANCELLED
    occurrence.save()
    with pytest.raises(EnrolmentClosed):
        enrol(actor=resident, occurrence=occurrence, seats=1)


def test_drafts_and_private_occurrences_are_not_found(
    occurrence: Occurrence, resident: User
) -> None:
    Offering.objects.filter(pk=occurrence.offering_id).update(status=OfferingStatus.DRAFT)
    occurrence.refresh_from_db()
    with pytest.raises(NotFound):
        enrol(actor=resident, occurrence=occurrence, seats=1)


def test_unverified_email_cannot_enrol(occurrence: Occurrence, make_user: Callable) -> None:
    person = make_user()
    person.emailaddress_set.update(verified=False)

    with pytest.raises(PermissionDenied):
        enrol(actor=person, occurrence=occurrence, seats=1)


def test_cancellation_deadline(occurrence: Occurrence, resident: User) -> None:
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=1)
    too_late = occurrence.starts_at - timedelta(hours=23)

    with pytest.raises(CancellationTooLate):
        cancel_enrolment(actor=resident, enrolment=enrolment, now=too_late)

    cancel_enrolment(actor=resident, enrolment=enrolment, now=too_late - timedelta(hours=2))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.CANCELLED


def test_someone_else_cannot_cancel(
    occurrence: Occurrence, resident: User, make_user: Callable[..., User]
) -> None:
    enrolment = enrol(actor=resident, occurrence=occurrence, seats=1)

    with pytest.raises(NotFound):
        cancel_enrolment(actor=make_user(), enrolment=enrolment)


def test_more_capacity_promotes_and_less_than_taken_is_refused(
    occurrence: Occurrence, make_user: Callable[..., User], make_member: Callable[..., User]
) -> None:
    provider = make_member(occurrence.offering.organisation, role="provider_editor")
    enrol(actor=make_user(), occurrence=occurrence, seats=5)
    queued = enrol(actor=make_user(), occurrence=occurrence, seats=2, waitlist=True)

    with pytest.raises(InvalidInput):
        change_capacity(actor=provider, occurrence=occurrence, capacity=4)
    change_capacity(actor=provider, occurrence=occurrence, capacity=7)

    queued.refresh_from_db()
    assert queued.status == EnrolmentStatus.CONFIRMED


def test_database_refuses_overselling_whatever_the_code(occurrence: Occurrence) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=F("capacity") + 1)


def test_cancelled_occurrence_tells_everyone_enrolled(
    occurrence: Occurrence,
    make_user: Callable[..., User],
    make_member: Callable[..., User],
    mailoutbox: list,
    django_capture_on_commit_callbacks: Callable,
) -> None:
    provider = make_member(occurrence.offering.organisation, role="provider_editor")
    swedish = make_user(preferred_language="sv")
    enrol(actor=swedish, occurrence=occurrence, seats=1)
    enrol(actor=make_user(), occurrence=occurrence, seats=1)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        change_occurrence_status(
            actor=provider,
            occurrence=occurrence,
            status=OccurrenceStatus.CANCELLED,
            notice=Translated(fi="Esiintyjä sairastui.", sv="Artisten insjuknade."),
        )

    assert len(mailoutbox) == 2
    to_swedish = next(message for message in mailoutbox if message.to == [swedish.email])
    assert "Artisten insjuknade." in to_swedish.body


def test_staff_of_another_organisation_cannot_change_an_occurrence(
    occurrence: Occurrence, make_organisation: Callable, make_member: Callable[..., User]
) -> None:
    outsider = make_member(make_organisation(), role="admin")

    with pytest.raises(NotFound):
        change_capacity(actor=outsider, occurrence=occurrence, capacity=50)
