"""Recurring series after creation: approval as a whole, one code, one message, cancelling
one date or the rest (with the cancellation deadline)."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.core import mail

from lampio.bookings import series_services, services
from lampio.bookings.models import BookingStatus
from lampio.bookings.tests.test_series_services import NOW, days, series
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod, OpeningException
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def recurring(make_space):
    return make_space(allows_recurring=True)


# --- Approval, codes and messages ------------------------------------------------------------


def test_a_residents_series_on_a_space_that_needs_approval_is_one_request(
    make_space, resident, make_member, django_capture_on_commit_callbacks
):
    space = make_space(
        allows_recurring=True, requires_handling=True, access_method=AccessMethod.CODE, door_id="d"
    )
    resident.preferred_language = "en"  # the messages come in the booker's language
    resident.save(update_fields=["preferred_language"])
    made = series(resident, space)
    assert set(made.occurrences.values_list("status", flat=True)) == {BookingStatus.REQUESTED}
    assert made.access_code == ""
    staff = make_member(space.venue.organisation, role=Role.STAFF)
    with pytest.raises(InvalidInput):
        series_services.decide_series(actor=staff, series=made, approve=False)
    with pytest.raises(PermissionDenied):
        series_services.decide_series(actor=resident, series=made, approve=True)
    with django_capture_on_commit_callbacks(execute=True):
        series_services.decide_series(actor=staff, series=made, approve=True)
    made.refresh_from_db()
    assert set(made.occurrences.values_list("status", flat=True)) == {BookingStatus.CONFIRMED}
    assert made.access_code and set(made.occurrences.values_list("access_code", flat=True)) == {
        made.access_code
    }
    assert [message.subject for message in mail.outbox][-1].startswith("Recurring time confirmed")


def test_a_denied_series_frees_all_its_dates(make_space, resident, make_member, make_user):
    space = make_space(allows_recurring=True, requires_handling=True)
    made = series(resident, space)
    staff = make_member(space.venue.organisation, role=Role.STAFF)
    series_services.decide_series(actor=staff, series=made, approve=False, reason="Sali remontissa")
    assert set(made.occurrences.values_list("status", flat=True)) == {BookingStatus.DENIED}
    again = series(make_user(), space)
    assert again.occurrences.count() == 5


def test_one_code_for_every_date_and_one_message(
    make_space, resident, django_capture_on_commit_callbacks
):
    space = make_space(allows_recurring=True, access_method=AccessMethod.CODE, door_id="main")
    OpeningException.objects.create(space=space, date=date(2030, 6, 26), is_closed=True)
    with django_capture_on_commit_callbacks(execute=True):
        made = series(resident, space, skip_collisions=True)
    codes = set(made.occurrences.values_list("access_code", flat=True))
    assert codes == {made.access_code} and len(made.access_code) == 8
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Wed 12.6.2030" in body or "ke 12.6.2030" in body
    assert "26.6.2030" in body  # the date left out, with its reason
    assert made.access_code in body


def test_callers_that_send_their_own_message_pass_notify_false(
    recurring, resident, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        series(resident, recurring, notify=False)
    assert mail.outbox == []


# --- Cancelling ------------------------------------------------------------------------------


def test_cancelling_one_date_leaves_the_others(recurring, resident, make_user):
    made = series(resident, recurring)
    second = made.occurrences.order_by("starts_at")[1]
    series_services.cancel_occurrence(actor=resident, booking=second, now=NOW)
    assert days(made, BookingStatus.CONFIRMED) == [
        date(2030, 6, 12),
        date(2030, 6, 26),
        date(2030, 7, 3),
        date(2030, 7, 10),
    ]
    with pytest.raises(PermissionDenied):
        series_services.cancel_occurrence(
            actor=make_user(), booking=made.occurrences.first(), now=NOW
        )


def test_residents_cancel_the_rest_only_before_each_dates_deadline(
    make_space, resident, make_member, django_capture_on_commit_callbacks
):
    space = make_space(allows_recurring=True, cancellation_hours=48)
    resident.preferred_language = "en"
    resident.save(update_fields=["preferred_language"])
    made = series(resident, space)
    # A day before the second date: it is past its deadline and stays; the first has passed.
    now = local_datetime(date(2030, 6, 18), time(18))
    with django_capture_on_commit_callbacks(execute=True):
        count = series_services.cancel_series_rest(actor=resident, series=made, now=now)
    assert count == 3
    assert days(made, BookingStatus.CONFIRMED) == [date(2030, 6, 12), date(2030, 6, 19)]
    assert len([m for m in mail.outbox if "cancelled" in m.subject]) == 1
    made.refresh_from_db()
    assert made.cancelled_at is None  # one date is still ahead
    staff = make_member(space.venue.organisation, role=Role.STAFF)
    assert series_services.cancel_series_rest(actor=staff, series=made, now=now) == 1
    made.refresh_from_db()
    assert made.cancelled_at == now


def test_cancel_the_rest_from_a_chosen_date_frees_those_slots(recurring, resident, make_user):
    made = series(resident, recurring)
    count = series_services.cancel_series_rest(
        actor=resident, series=made, from_date=date(2030, 7, 1), now=NOW
    )
    assert count == 2
    assert days(made, BookingStatus.CONFIRMED) == [
        date(2030, 6, 12),
        date(2030, 6, 19),
        date(2030, 6, 26),
    ]
    other = services.book_space(
        actor=make_user(),
        space=recurring,
        starts_at=local_datetime(date(2030, 7, 3), time(18)),
        ends_at=local_datetime(date(2030, 7, 3), time(20)),
        purpose="Sähly",
        attendees=4,
        now=NOW,
    )
    assert other.status == BookingStatus.CONFIRMED
    with pytest.raises(PermissionDenied):
        series_services.cancel_series_rest(actor=make_user(), series=made, now=NOW)
