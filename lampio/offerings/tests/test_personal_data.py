"""Enrolments and orders are exported with the account and erased with it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lampio.accounts.models import User
from lampio.accounts.selectors import personal_data_export
from lampio.accounts.services import delete_account
from lampio.offerings.models import Enrolment, EnrolmentStatus, GroupOrder, Offering
from lampio.offerings.services import OrderDetails, enrol, place_order
from lampio.tenancy.models import OrganisationKind

pytestmark = pytest.mark.django_db


def test_export_lists_enrolments_and_orders(
    make_offering: Callable[..., Offering],
    make_organisation: Callable,
    make_member: Callable[..., User],
) -> None:
    offering = make_offering()
    occurrence = offering.occurrences.get()
    unit = make_organisation(kind=OrganisationKind.CARE_UNIT)
    carer = make_member(unit, role="care_staff")
    enrol(actor=carer, occurrence=occurrence, seats=2)
    place_order(
        actor=carer,
        unit=unit,
        offering=offering,
        details=OrderDetails(group_size=6, special_needs="Kuulosilmukka", occurrence=occurrence),
    )

    sections = personal_data_export(user=carer)["sections"]

    assert sections["enrolments"][0]["seats"] == 2
    assert sections["group_orders"][0]["special_needs"] == "Kuulosilmukka"


def test_deleting_the_account_gives_seats_to_the_queue_and_keeps_the_unit_order(
    make_offering: Callable[..., Offering],
    make_user: Callable[..., User],
    make_organisation: Callable,
    make_member: Callable[..., User],
) -> None:
    offering = make_offering(capacity=2)
    occurrence = offering.occurrences.get()
    leaving = make_user()
    enrol(actor=leaving, occurrence=occurrence, seats=2)
    queued = enrol(actor=make_user(), occurrence=occurrence, seats=1, waitlist=True)
    unit = make_organisation(kind=OrganisationKind.SCHOOL)
    teacher = make_member(unit, role="care_staff")
    order = place_order(
        actor=teacher,
        unit=unit,
        offering=offering,
        details=OrderDetails(group_size=20, occurrence=occurrence),
    )

    delete_account(actor=leaving, user=leaving)
    delete_account(actor=teacher, user=teacher)

    queued.refresh_from_db()
    assert queued.status == EnrolmentStatus.CONFIRMED
    assert not Enrolment.objects.filter(person=leaving).exists()
    assert GroupOrder.objects.get(pk=order.pk).ordered_by is None
