"""The invitation on booking, enrolment, order and session pages: only after a visit that took
place, once per visit, and "answered" once it was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.bookings.models import Booking, BookingStatus
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    Format,
    GroupOrder,
    Occurrence,
    OccurrenceStatus,
    Offering,
    OrderStatus,
)
from lampio.surveys.eligibility import invitation_for
from lampio.surveys.invitations import invitation_from_token, visit_key
from lampio.surveys.services import Answers, answer_survey
from lampio.tenancy.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db
INVITED = 'id="survey-invitation-heading"'


def _ended(offering: Offering) -> Occurrence:
    occurrence = offering.occurrences.get()
    occurrence.starts_at = timezone.now() - timedelta(hours=3)
    occurrence.ends_at = timezone.now() - timedelta(hours=1)
    occurrence.save()
    return occurrence


def _survey_link(page: str) -> str:
    start = page.index('href="/fi/survey/') + len('href="')
    return page[start : page.index('"', start)]


def test_the_booking_page_invites_after_the_visit(client: Any, past_booking: Booking) -> None:
    client.force_login(past_booking.booker)
    page = client.get(reverse("bookings:detail", kwargs={"booking_id": past_booking.pk}))
    html = page.content.decode()
    assert INVITED in html
    link = _survey_link(html)
    token = link.removeprefix("/fi/survey/").rstrip("/")
    invitation = invitation_from_token(token)
    assert (invitation.context, invitation.venue_id) == ("booking", past_booking.space.venue_id)
    assert invitation.key == visit_key("booking", past_booking.pk)  # opaque, not the number
    assert client.post(link, {"overall": "4"}).status_code == 302
    with translation.override("en"):
        again = client.get(reverse("bookings:detail", kwargs={"booking_id": past_booking.pk}))
    assert "You have answered the visitor survey" in again.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        {"status": BookingStatus.CANCELLED},
        {"no_show_at": "now"},
        {"ends_at": "future"},
    ],
)
def test_no_invitation_for_a_booking_that_did_not_take_place(
    past_booking: Booking, change: dict[str, Any]
) -> None:
    now = timezone.now()
    for field, value in change.items():
        if value == "now":
            value = now
        elif value == "future":
            value = now + timedelta(hours=1)
        setattr(past_booking, field, value)
    assert invitation_for(past_booking, actor=past_booking.booker, now=now) is None


def test_no_invitation_after_the_time_to_answer(past_booking: Booking) -> None:
    later = timezone.now() + timedelta(days=40)
    invitation = invitation_for(past_booking, actor=None, now=later)
    assert invitation is not None and invitation.expired(timezone.localdate(later))


def test_the_enrolment_page_invites_after_the_time(
    client: Any, resident: Any, make_offering: Callable[..., Offering]
) -> None:
    occurrence = _ended(make_offering())
    enrolment = Enrolment.objects.create(
        occurrence=occurrence, person=resident, seats=2, status=EnrolmentStatus.CONFIRMED
    )
    client.force_login(resident)
    url = reverse("offerings:enrolment", kwargs={"enrolment_id": enrolment.pk})
    assert INVITED in client.get(url).content.decode()
    Occurrence.objects.filter(pk=occurrence.pk).update(status=OccurrenceStatus.CANCELLED)
    assert INVITED not in client.get(url).content.decode()


def test_waitlisted_people_are_not_invited(
    resident: Any, make_offering: Callable[..., Offering]
) -> None:
    enrolment = Enrolment.objects.create(
        occurrence=_ended(make_offering()),
        person=resident,
        seats=1,
        status=EnrolmentStatus.WAITLISTED,
    )
    assert invitation_for(enrolment, actor=resident, now=timezone.now()) is None


def test_an_accepted_group_order_is_invited_once(
    make_offering: Callable[..., Offering], make_organisation: Callable[..., Organisation]
) -> None:
    offering = make_offering()
    order = GroupOrder.objects.create(
        offering=offering,
        occurrence=_ended(offering),
        unit=make_organisation(kind=OrganisationKind.CARE_UNIT),
        group_size=12,
        status=OrderStatus.ACCEPTED,
    )
    invitation = invitation_for(order, actor=None, now=timezone.now())
    assert invitation is not None and invitation.context == "order"
    answer_survey(
        invitation=invitation, answers=Answers(overall=5), language="fi", today=timezone.localdate()
    )
    again = invitation_for(order, actor=None, now=timezone.now())
    assert again is not None and again.key == invitation.key  # the same order, the same key
    order.status = OrderStatus.DECLINED
    assert invitation_for(order, actor=None, now=timezone.now()) is None


def test_the_session_page_invites_those_who_could_watch(
    client: Any,
    resident: Any,
    make_user: Callable[..., Any],
    make_offering: Callable[..., Offering],
) -> None:
    offering = make_offering(format=Format.LIVE_STREAM, allows_group_orders=False)
    occurrence = _ended(offering)
    Enrolment.objects.create(
        occurrence=occurrence, person=resident, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    url = reverse("digital:session", kwargs={"occurrence_id": occurrence.pk})
    client.force_login(resident)
    assert INVITED in client.get(url).content.decode()
    client.force_login(make_user())
    assert INVITED not in client.get(url).content.decode()
    assert invitation_for(occurrence, actor=resident, now=occurrence.starts_at) is None


def test_a_drop_in_session_invites_anyone_with_a_fresh_key(
    make_offering: Callable[..., Offering],
) -> None:
    offering = make_offering(
        format=Format.LIVE_STREAM, allows_group_orders=False, allows_enrolment=False
    )
    occurrence = _ended(offering)
    first = invitation_for(occurrence, actor=None, now=timezone.now())
    second = invitation_for(occurrence, actor=None, now=timezone.now())
    assert first is not None and second is not None and first.key != second.key
