"""The reminder sweep (a day before) and the feedback-request sweep (after a booking)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from lampio.bookings.models import Booking, BookingKind, BookingReview, BookingStatus
from lampio.bookings.reminder_services import ask_for_feedback, send_due_reminders
from lampio.core import sms
from lampio.notifications.models import Channel, Delivery, Preference
from lampio.spaces.models import AccessMethod

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture(autouse=True)
def _sms_and_site(settings):
    settings.LAMPIO_SMS_BACKEND = "locmem"
    settings.LAMPIO_SITE_URL = "https://lampio.example.fi"
    sms.outbox.clear()


@pytest.fixture
def person(make_user):
    return make_user(first_name="Aino", phone="+358401234567", preferred_language="en")


@pytest.fixture
def space(make_space):
    return make_space()


def booking(
    space, person, *, starts_in: timedelta, made_before: timedelta, **fields: Any
) -> Booking:
    starts = NOW + starts_in
    ends = starts + timedelta(hours=2)
    made = Booking.objects.create(
        space=space,
        booker=person,
        kind=fields.pop("kind", BookingKind.BOOKING),
        status=fields.pop("status", BookingStatus.CONFIRMED),
        starts_at=starts,
        ends_at=ends,
        blocked_from=starts,
        blocked_until=ends,
        purpose="Kuoroharjoitus",
        **fields,
    )
    Booking.objects.filter(pk=made.pk).update(created_at=starts - made_before)
    return made


def reminders() -> list[Delivery]:
    return list(Delivery.objects.filter(key="bookings.reminder").order_by("pk"))


def test_due_booking_is_reminded_by_email_and_sms_with_its_door_code(space, person):
    space.access_method = AccessMethod.CODE
    space.save()
    due = booking(
        space,
        person,
        starts_in=timedelta(hours=10),
        made_before=timedelta(days=3),
        access_code="12345678",
    )
    assert send_due_reminders(NOW) == 1
    sent = reminders()
    assert {delivery.channel for delivery in sent} == {Channel.EMAIL, Channel.SMS}
    email = next(delivery for delivery in sent if delivery.channel == Channel.EMAIL)
    assert email.dedupe_key == f"reminder:{due.pk}:{due.starts_at.isoformat()}"
    assert "Your door code: 12345678" in email.body
    assert f"https://lampio.example.fi/en/bookings/{due.pk}/" in email.body
    assert "12345678" in next(d for d in sent if d.channel == Channel.SMS).body


def test_reminder_is_sent_after_commit(space, person, django_capture_on_commit_callbacks):
    booking(space, person, starts_in=timedelta(hours=20), made_before=timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(NOW) == 1
    assert len(mail.outbox) == 1 and "Reminder" in mail.outbox[0].subject
    assert len(sms.outbox) == 1


@pytest.mark.parametrize(
    ("starts_in", "made_before", "fields"),
    [
        (timedelta(hours=30), timedelta(days=3), {}),  # not within a day yet
        (timedelta(hours=-1), timedelta(days=3), {}),  # already started
        (timedelta(hours=10), timedelta(hours=2), {}),  # booked just before: no reminder
        (timedelta(hours=10), timedelta(days=3), {"status": BookingStatus.CANCELLED}),
        (timedelta(hours=10), timedelta(days=3), {"status": BookingStatus.REQUESTED}),
    ],
)
def test_bookings_not_due(space, person, starts_in, made_before, fields):
    booking(space, person, starts_in=starts_in, made_before=made_before, **fields)
    assert send_due_reminders(NOW) == 0
    assert reminders() == []


def test_repeated_sweep_sends_nothing_new_and_a_moved_booking_is_reminded_again(space, person):
    due = booking(space, person, starts_in=timedelta(hours=10), made_before=timedelta(days=3))
    assert send_due_reminders(NOW) == 1
    assert send_due_reminders(NOW + timedelta(minutes=5)) == 0
    count = len(reminders())
    moved = due.starts_at + timedelta(hours=3)
    Booking.objects.filter(pk=due.pk).update(
        starts_at=moved,
        ends_at=moved + timedelta(hours=2),
        blocked_from=moved,
        blocked_until=moved + timedelta(hours=2),
    )
    assert send_due_reminders(NOW + timedelta(minutes=10)) == 1
    assert len(reminders()) == count * 2
    assert send_due_reminders(NOW + timedelta(minutes=15)) == 0


def test_unsubscribed_person_gets_no_reminder(space, person):
    Preference.objects.create(person=person, non_essential=False)
    booking(space, person, starts_in=timedelta(hours=10), made_before=timedelta(days=3))
    assert send_due_reminders(NOW) == 0
    assert reminders() == []


def requests() -> list[Delivery]:
    return list(Delivery.objects.filter(key="bookings.feedback_request"))


def test_ended_booking_is_asked_for_feedback_once(space, person):
    ended = booking(space, person, starts_in=timedelta(hours=-3), made_before=timedelta(days=1))
    assert ask_for_feedback(NOW) == 1
    sent = requests()
    assert [delivery.channel for delivery in sent] == [Channel.EMAIL]  # no text message
    assert sent[0].dedupe_key == f"review-ask:{ended.pk}"
    assert f"https://lampio.example.fi/en/bookings/feedback/{ended.feed_token}/" in sent[0].body
    assert ask_for_feedback(NOW + timedelta(minutes=5)) == 0
    assert len(requests()) == 1


@pytest.mark.parametrize("ended_ago", [timedelta(hours=-1), timedelta(days=3)])
def test_no_feedback_request_before_the_end_or_long_after(space, person, ended_ago):
    booking(space, person, starts_in=-ended_ago - timedelta(hours=2), made_before=timedelta(days=1))
    assert ask_for_feedback(NOW) == 0


def test_no_feedback_request_once_reviewed_blocked_or_unsubscribed(space, person, make_user):
    reviewed = booking(space, person, starts_in=timedelta(hours=-3), made_before=timedelta(days=1))
    BookingReview.objects.create(booking=reviewed, rating=5)
    later = NOW + timedelta(hours=5)
    booking(
        space,
        None,
        starts_in=timedelta(hours=1),
        made_before=timedelta(days=1),
        kind=BookingKind.BLOCK,
    )
    quiet = make_user()
    Preference.objects.create(person=quiet, non_essential=False)
    booking(space, quiet, starts_in=timedelta(hours=-6), made_before=timedelta(days=1))
    assert ask_for_feedback(NOW) == 0
    assert ask_for_feedback(later) == 0


def test_no_feedback_request_for_a_booking_recorded_after_it_ended(space, person):
    # Entered afterwards (as the demo loader and staff back-filling do): made 1 h after the end.
    booking(space, person, starts_in=timedelta(hours=-3), made_before=timedelta(hours=-3))
    assert ask_for_feedback(NOW) == 0
