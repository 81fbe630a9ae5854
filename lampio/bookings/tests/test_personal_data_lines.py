"""Waitlist entries, watches and booking feedback are in the export and gone after deletion."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.utils import timezone

from lampio.accounts.selectors import personal_data_export
from lampio.accounts.services import delete_account
from lampio.bookings.models import BookingReview, WaitlistEntry, Watch
from lampio.bookings.services import book_space
from lampio.bookings.waitlist_services import join_waitlist
from lampio.core.timeranges import local_datetime

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(make_space, make_user, resident):
    space = make_space()
    day = timezone.localdate() + timedelta(days=3)
    book_space(
        actor=make_user(),
        space=space,
        starts_at=local_datetime(day, time(18)),
        ends_at=local_datetime(day, time(19)),
        purpose="Sähly",
        attendees=4,
    )
    join_waitlist(
        actor=resident,
        space=space,
        starts_at=local_datetime(day, time(18)),
        ends_at=local_datetime(day, time(19)),
        purpose="Sulkapallo",
        attendees=2,
    )
    Watch.objects.create(person=resident, space=space, weekday=1, starts=time(18), ends=time(20))
    past = book_space(
        actor=resident,
        space=space,
        starts_at=local_datetime(day, time(10)),
        ends_at=local_datetime(day, time(11)),
        purpose="Jooga",
        attendees=3,
    )
    BookingReview.objects.create(booking=past, rating=4, comment="Sali oli kylmä, Aino")
    return space


def test_the_export_lists_lines_watches_and_feedback(lines, resident):
    section = personal_data_export(user=resident)["sections"]["booking_lines"]
    assert [entry["purpose"] for entry in section["waitlist"]] == ["Sulkapallo"]
    assert section["watches"][0]["from"] == "18:00:00"
    assert section["booking_feedback"][0]["comment"] == "Sali oli kylmä, Aino"


def test_deletion_removes_lines_and_watches_and_the_feedback_words(lines, resident):
    delete_account(actor=resident, user=resident)
    assert not WaitlistEntry.objects.exists()
    assert not Watch.objects.exists()
    review = BookingReview.objects.get()
    assert review.rating == 4 and review.comment == ""
    assert review.booking.booker is None
