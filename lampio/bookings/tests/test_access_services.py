"""Personal door codes: issued on confirmation, valid by the booking's times, moved and
cancelled with it, shown only to whom may see them, and sent by email and SMS."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core import mail

from lampio.bookings import services
from lampio.bookings.access import access_for, code_opens, code_window, may_see_code
from lampio.bookings.doors import LocalDoorSystem
from lampio.bookings.models import Booking, BookingStatus
from lampio.core import sms
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Role

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def at(hour: int, minute: int = 0, day: date = DAY):
    return local_datetime(day, time(hour, minute))


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.LAMPIO_SMS_BACKEND = "locmem"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def code_space(make_space):
    return make_space(
        access_method=AccessMethod.CODE,
        door_id="main",
        access_instructions_fi="Näppäimistö on pääoven oikealla puolella.",
        access_instructions_en="The keypad is to the right of the main door.",
    )


def book(space, person, start=None, end=None):
    return services.book_space(
        actor=person,
        space=space,
        starts_at=start or at(18),
        ends_at=end or at(20),
        purpose="Kuoroharjoitus",
        attendees=5,
        now=NOW,
    )


def test_a_confirmed_booking_gets_a_code_valid_from_15_minutes_before_until_the_end(
    code_space, resident
):
    booking = book(code_space, resident)
    assert booking.access_code.isdigit() and len(booking.access_code) == 8
    window = code_window(booking)
    assert (window.start, window.end) == (at(17, 45), at(20))
    assert not code_opens(booking, at(17, 44))
    assert code_opens(booking, at(17, 45)) and code_opens(booking, at(19, 59))
    assert not code_opens(booking, at(20))
    door = LocalDoorSystem(code_space.organisation_id)
    assert door.would_open("main", booking.access_code, at(18))
    assert not door.would_open("side", booking.access_code, at(18))
    assert not door.would_open("main", "00000000", at(18))


def test_the_window_follows_the_space_settings(make_space, resident):
    space = make_space(
        access_method=AccessMethod.CODE,
        door_id="d1",
        code_valid_before_minutes=30,
        code_valid_after_minutes=10,
    )
    window = code_window(book(space, resident))
    assert (window.start, window.end) == (at(17, 30), at(20, 10))


def test_spaces_without_codes_and_requests_get_no_code_until_approved(
    make_space, code_space, resident, make_member
):
    assert book(make_space(), resident).access_code == ""
    code_space.requires_handling = True
    code_space.save()
    request = book(code_space, resident)
    assert request.status == BookingStatus.REQUESTED and request.access_code == ""
    assert access_for(request, viewer=resident).code is None
    staff = make_member(code_space.venue.organisation)
    approved = services.decide_request(actor=staff, booking=request, approve=True)
    assert len(approved.access_code) == 8
    assert access_for(approved, viewer=resident).code == approved.access_code


def test_moving_a_booking_moves_the_window_and_keeps_the_code(code_space, resident):
    booking = book(code_space, resident)
    code = booking.access_code
    moved = services.move_booking(
        actor=resident, booking=booking, starts_at=at(10), ends_at=at(11), now=NOW
    )
    assert moved.access_code == code
    door = LocalDoorSystem(code_space.organisation_id)
    assert door.would_open("main", code, at(9, 50))
    assert not door.would_open("main", code, at(18))


def test_a_cancelled_booking_s_code_stops_at_once(code_space, resident):
    booking = book(code_space, resident)
    door = LocalDoorSystem(code_space.organisation_id)
    assert door.would_open("main", booking.access_code, at(18))
    services.cancel_booking(actor=resident, booking=booking, now=NOW)
    booking.refresh_from_db()
    assert not door.would_open("main", booking.access_code, at(18))
    assert access_for(booking, viewer=resident).code is None


def test_a_held_booking_shows_no_code(code_space, resident):
    held = Booking.objects.create(
        space=code_space,
        booker=resident,
        status=BookingStatus.HELD,
        hold_expires_at=NOW + timedelta(minutes=30),
        starts_at=at(18),
        ends_at=at(20),
        blocked_from=at(18),
        blocked_until=at(20),
        purpose="Odotuslistalta",
        access_code="12345678",
    )
    assert access_for(held, viewer=resident).code is None
    assert not LocalDoorSystem(code_space.organisation_id).would_open("main", "12345678", at(18))


def test_only_the_booker_and_the_owner_s_staff_see_the_code(
    code_space, resident, make_member, make_organisation, make_user
):
    booking = book(code_space, resident)
    owner_staff = make_member(code_space.venue.organisation, role=Role.STAFF)
    viewer_only = make_member(code_space.venue.organisation, role=Role.VIEWER)
    other_admin = make_member(make_organisation(), role=Role.ADMIN)
    assert may_see_code(resident, booking) and may_see_code(owner_staff, booking)
    assert not may_see_code(viewer_only, booking)
    assert not may_see_code(other_admin, booking)
    assert access_for(booking, viewer=other_admin).code is None
    assert access_for(booking, viewer=make_user()).code is None


def test_the_confirmation_email_carries_the_code_its_window_and_the_calendar_file(
    code_space, make_user, django_capture_on_commit_callbacks
):
    person = make_user(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(code_space, person)
    message = mail.outbox[-1]
    assert message.to == [person.email]
    assert "Booking confirmed" in message.subject
    assert booking.access_code in message.body
    assert "17.45" in message.body and "20.00" in message.body
    assert "The keypad is to the right of the main door." in message.body
    assert "Kirkkokatu 1" in message.body and "Kuoroharjoitus" in message.body
    assert message.attachments[0][0] == "booking.ics"


def test_a_code_is_texted_to_a_finnish_mobile(
    code_space, make_user, django_capture_on_commit_callbacks, sms_outbox
):
    person = make_user(phone="+358401234567", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(code_space, person)
    assert [text.to for text in sms_outbox] == ["+358401234567"]
    assert booking.access_code in sms_outbox[0].text and "17.45" in sms_outbox[0].text


@pytest.mark.parametrize("phone", ["+3584012", "+35891234567", "+46701234567"])
def test_no_text_to_an_invalid_landline_or_foreign_number(
    code_space, make_user, django_capture_on_commit_callbacks, sms_outbox, phone
):
    person = make_user(phone=phone)
    with django_capture_on_commit_callbacks(execute=True):
        book(code_space, person)
    assert sms_outbox == []
    assert len(mail.outbox) == 1  # the email still goes


def test_no_text_without_a_code(make_space, make_user, django_capture_on_commit_callbacks):
    person = make_user(phone="+358401234567")
    with django_capture_on_commit_callbacks(execute=True):
        book(make_space(), person)
    assert sms.outbox == []


def test_cancelling_and_moving_tell_the_booker(
    code_space, make_user, django_capture_on_commit_callbacks
):
    person = make_user(preferred_language="en")
    booking = book(code_space, person)
    with django_capture_on_commit_callbacks(execute=True):
        services.move_booking(
            actor=person, booking=booking, starts_at=at(10), ends_at=at(11), now=NOW
        )
    moved = mail.outbox[-1]
    assert "Booking moved" in moved.subject and "9.45" in moved.body
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=person, booking=booking, now=NOW)
    cancelled = mail.outbox[-1]
    assert "Booking cancelled" in cancelled.subject
    assert booking.access_code not in cancelled.body
