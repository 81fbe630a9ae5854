"""Group orders of care units and schools, and the provider's answers, through the services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from lampio.accounts.models import User
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.core.timeranges import Interval
from lampio.offerings.errors import NotEnoughSeats, OrderNotPossible
from lampio.offerings.models import (
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OrderStatus,
)
from lampio.offerings.services import (
    OrderDetails,
    accept_order,
    accept_proposed_time,
    cancel_order,
    decline_order,
    enrol,
    place_order,
    propose_other_time,
)
from lampio.tenancy.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db

SOON = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)


@pytest.fixture
def care_unit(make_organisation: Callable[..., Organisation]) -> Organisation:
    return make_organisation(kind=OrganisationKind.CARE_UNIT)


@pytest.fixture
def carer(care_unit: Organisation, make_member: Callable[..., User]) -> User:
    return make_member(care_unit, role="care_staff")


@pytest.fixture
def on_request(make_offering: Callable[..., Offering]) -> Offering:
    return make_offering(occurrences=0, on_request=True, allows_enrolment=False)


def provider_of(offering: Offering, make_member: Callable[..., User]) -> User:
    return make_member(offering.organisation, role="provider_editor")


def test_order_for_an_occurrence_holds_seats_only_when_accepted(
    make_offering: Callable[..., Offering],
    care_unit: Organisation,
    carer: User,
    make_member: Callable[..., User],
) -> None:
    offering = make_offering(capacity=20)
    occurrence = offering.occurrences.get()
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(group_size=8, accompanying_staff=2, occurrence=occurrence),
    )
    occurrence.refresh_from_db()
    assert (order.status, occurrence.seats_taken) == (OrderStatus.PENDING, 0)

    accept_order(actor=provider_of(offering, make_member), order=order)

    occurrence.refresh_from_db()
    order.refresh_from_db()
    assert (order.status, occurrence.seats_taken) == (OrderStatus.ACCEPTED, 10)


def test_auto_accept_takes_seats_at_once_or_refuses_when_full(
    make_offering: Callable[..., Offering], care_unit: Organisation, carer: User
) -> None:
    offering = make_offering(capacity=10, auto_accept_orders=True)
    occurrence = offering.occurrences.get()

    first = place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(group_size=6, occurrence=occurrence),
    )
    with pytest.raises(NotEnoughSeats):
        place_order(
            actor=carer,
            unit=care_unit,
            offering=offering,
            details=OrderDetails(group_size=6, occurrence=occurrence),
        )

    assert first.status == OrderStatus.ACCEPTED
    assert GroupOrder.objects.count() == 1


def test_on_request_order_proposed_time_then_accepted_by_the_unit(
    on_request: Offering,
    care_unit: Organisation,
    carer: User,
    make_member: Callable[..., User],
    mailoutbox: list,
    django_capture_on_commit_callbacks: Callable,
) -> None:
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=on_request,
        details=OrderDetails(
            group_size=12,
            accompanying_staff=3,
            special_needs="Kaksi pyörätuolia",
            proposed_times=[Interval(SOON, SOON + timedelta(hours=1))],
        ),
    )
    provider = provider_of(on_request, make_member)
    other = SOON + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        propose_other_time(
            actor=provider,
            order=order,
            starts_at=other,
            ends_at=other + timedelta(hours=1),
            message="Tiistai sopisi paremmin.",
        )

    accepted = accept_proposed_time(actor=carer, order=order)

    occurrence = accepted.occurrence
    assert accepted.status == OrderStatus.ACCEPTED
    assert occurrence is not None
    assert (occurrence.starts_at, occurrence.is_public) == (other, False)
    assert occurrence.seats_taken == occurrence.capacity == 15
    assert mailoutbox[-1].to == [carer.email]


def test_provider_accepts_one_of_the_proposed_times(
    on_request: Offering, care_unit: Organisation, carer: User, make_member: Callable
) -> None:
    times = [
        Interval(SOON + timedelta(days=day), SOON + timedelta(days=day, hours=1)) for day in (1, 3)
    ]
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=on_request,
        details=OrderDetails(group_size=5, proposed_times=times),
    )
    chosen = order.proposed_times.order_by("starts_at").last()

    accepted = accept_order(
        actor=provider_of(on_request, make_member), order=order, proposed_time=chosen
    )

    assert accepted.occurrence is not None
    assert accepted.occurrence.starts_at == times[1].start


def test_on_request_needs_a_proposed_time_in_the_future(
    on_request: Offering, care_unit: Organisation, carer: User
) -> None:
    past = datetime.now(UTC) - timedelta(days=1)
    for times in ([], [Interval(past, past + timedelta(hours=1))]):
        with pytest.raises(InvalidInput):
            place_order(
                actor=carer,
                unit=care_unit,
                offering=on_request,
                details=OrderDetails(group_size=5, proposed_times=times),
            )


def test_only_care_unit_or_school_staff_may_order(
    make_offering: Callable[..., Offering],
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., User],
    care_unit: Organisation,
    resident: User,
) -> None:
    offering = make_offering()
    details = OrderDetails(group_size=5, occurrence=offering.occurrences.get())
    museum = make_organisation()
    museum_staff = make_member(museum, role="staff")

    with pytest.raises(PermissionDenied):
        place_order(actor=museum_staff, unit=museum, offering=offering, details=details)
    with pytest.raises(PermissionDenied):
        place_order(actor=resident, unit=care_unit, offering=offering, details=details)


def test_group_size_limits(
    make_offering: Callable[..., Offering], care_unit: Organisation, carer: User
) -> None:
    offering = make_offering(min_group_size=5, max_group_size=25)
    occurrence = offering.occurrences.get()
    for size in (4, 26):
        with pytest.raises(InvalidInput):
            place_order(
                actor=carer,
                unit=care_unit,
                offering=offering,
                details=OrderDetails(group_size=size, occurrence=occurrence),
            )


def test_declining_needs_a_reason_and_a_handled_order_cannot_be_handled_again(
    make_offering: Callable[..., Offering],
    care_unit: Organisation,
    carer: User,
    make_member: Callable[..., User],
) -> None:
    offering = make_offering()
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(group_size=5, occurrence=offering.occurrences.get()),
    )
    provider = provider_of(offering, make_member)

    with pytest.raises(InvalidInput):
        decline_order(actor=provider, order=order, message=" ")
    decline_order(actor=provider, order=order, message="Esiintyjä on varattu.")
    with pytest.raises(Conflict):
        accept_order(actor=provider, order=order)


def test_another_provider_cannot_answer_and_another_unit_cannot_cancel(
    make_offering: Callable[..., Offering],
    make_organisation: Callable[..., Organisation],
    care_unit: Organisation,
    carer: User,
    make_member: Callable[..., User],
) -> None:
    offering = make_offering()
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(group_size=5, occurrence=offering.occurrences.get()),
    )
    other_provider = make_member(make_organisation(), role="admin")
    other_carer = make_member(make_organisation(kind=OrganisationKind.CARE_UNIT), role="care_staff")

    with pytest.raises(NotFound):
        accept_order(actor=other_provider, order=order)
    with pytest.raises(NotFound):
        cancel_order(actor=other_carer, order=order)


def test_cancelling_an_accepted_order_frees_seats_for_the_waiting_list(
    make_offering: Callable[..., Offering],
    care_unit: Organisation,
    carer: User,
    make_member: Callable[..., User],
    resident: User,
) -> None:
    offering = make_offering(capacity=10)
    occurrence = offering.occurrences.get()
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=offering,
        details=OrderDetails(group_size=10, occurrence=occurrence),
    )
    accept_order(actor=provider_of(offering, make_member), order=order)
    queued = enrol(actor=resident, occurrence=occurrence, seats=2, waitlist=True)

    cancel_order(actor=carer, order=order)

    queued.refresh_from_db()
    occurrence.refresh_from_db()
    assert queued.status == "confirmed"
    assert occurrence.seats_taken == 2


def test_cancelling_an_on_request_order_cancels_its_private_session(
    on_request: Offering, care_unit: Organisation, carer: User, make_member: Callable
) -> None:
    order = place_order(
        actor=carer,
        unit=care_unit,
        offering=on_request,
        details=OrderDetails(
            group_size=5, proposed_times=[Interval(SOON, SOON + timedelta(hours=1))]
        ),
    )
    accepted = accept_order(
        actor=provider_of(on_request, make_member),
        order=order,
        proposed_time=order.proposed_times.get(),
    )

    cancel_order(actor=carer, order=accepted)

    occurrence = Occurrence.objects.get(pk=accepted.occurrence_id)
    assert (occurrence.status, occurrence.seats_taken) == (OccurrenceStatus.CANCELLED, 0)


def test_order_for_an_offering_without_group_orders_is_refused(
    make_offering: Callable[..., Offering], care_unit: Organisation, carer: User
) -> None:
    offering = make_offering(allows_group_orders=False)

    with pytest.raises(OrderNotPossible):
        place_order(
            actor=carer,
            unit=care_unit,
            offering=offering,
            details=OrderDetails(group_size=5, occurrence=offering.occurrences.get()),
        )
