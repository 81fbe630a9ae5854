"""The resident booking pages: the form and its errors, the confirmation, cancelling, calendars."""

from __future__ import annotations

import re
from datetime import time, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from lampio.bookings import services
from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.bookings.selectors import feed_token_for
from lampio.core.timeranges import local_datetime

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def day():
    return timezone.localdate() + timedelta(days=5)


@pytest.fixture
def space(make_space):
    return make_space(terms_fi="Sisäkengät pakolliset.", capacity=20)


def form_data(day, **extra):
    data = {
        "date": day.isoformat(),
        "starts_at": "10:00",
        "ends_at": "11:00",
        "purpose": "Sählyvuoro",
        "attendees": "12",
        "accept_terms": "on",
    }
    data.update(extra)
    return {key: value for key, value in data.items() if value is not None}


def book(space, person, day, start=time(10), end=time(11)):
    return services.book_space(
        actor=person,
        space=space,
        starts_at=local_datetime(day, start),
        ends_at=local_datetime(day, end),
        purpose="Kuoro",
        attendees=5,
    )


def test_anonymous_people_are_sent_to_log_in_and_back(client, space):
    target = url("bookings:new", space_id=space.pk) + "?start=2030-01-01T10:00"
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login"))
    assert "next=" in response["Location"] and "start%3D2030-01-01T10%3A00" in response["Location"]


def test_the_form_is_prefilled_from_the_chosen_slot(client, resident, space, day):
    client.force_login(resident)
    response = client.get(
        url("bookings:new", space_id=space.pk),
        {"start": f"{day.isoformat()}T10:30", "end": f"{day.isoformat()}T11:30"},
    )
    html = response.content.decode()
    assert f'value="{day.isoformat()}"' in html
    assert 'value="10:30"' in html and 'value="11:30"' in html
    assert "Sisäkengät pakolliset." in html
    assert 'name="accept_terms"' in html


def test_a_space_without_terms_asks_no_acceptance(client, resident, make_space):
    client.force_login(resident)
    space = make_space()
    response = client.get(url("bookings:new", space_id=space.pk))
    assert "accept_terms" not in response.context["form"].fields


def test_booking_a_free_time_confirms_it_and_shows_how_to_get_there(client, resident, space, day):
    client.force_login(resident)
    response = client.post(url("bookings:new", space_id=space.pk), form_data(day), follow=True)

    booking = Booking.objects.get(booker=resident)
    assert booking.status == BookingStatus.CONFIRMED
    assert (booking.starts_at, booking.ends_at) == (
        local_datetime(day, time(10)),
        local_datetime(day, time(11)),
    )
    assert (booking.purpose, booking.attendees) == ("Sählyvuoro", 12)
    assert response.redirect_chain == [(url("bookings:detail", booking_id=booking.pk), 302)]
    html = response.content.decode()
    assert "Your booking is confirmed." in html
    assert "Confirmed" in html and "10:00–11:00" in html
    assert "Kirkkokatu 1" in html and "ovi B" in html
    assert url("bookings:ics", booking_id=booking.pk) in html
    assert url("bookings:cancel", booking_id=booking.pk) in html


def test_a_space_that_needs_approval_gets_a_request(client, resident, make_space, day):
    client.force_login(resident)
    space = make_space(requires_handling=True)
    response = client.post(
        url("bookings:new", space_id=space.pk), form_data(day, accept_terms=None), follow=True
    )
    assert Booking.objects.get(booker=resident).status == BookingStatus.REQUESTED
    assert "Waiting for approval" in response.content.decode()


def test_a_slot_taken_meanwhile_is_said_at_the_start_time_and_the_input_is_kept(
    client, resident, make_user, space, day
):
    book(space, make_user(), day, time(10, 30), time(11, 30))
    client.force_login(resident)
    response = client.post(url("bookings:new", space_id=space.pk), form_data(day))

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["starts_at"]
    assert "Someone else has just booked this time" in form.errors["starts_at"][0]
    html = response.content.decode()
    assert 'value="Sählyvuoro"' in html and 'value="12"' in html and 'value="10:00"' in html
    assert re.search(r'<input type="checkbox" name="accept_terms"[^>]*checked', html)
    assert not Booking.objects.filter(booker=resident).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"starts_at": "06:00", "ends_at": "07:00"}, "starts_at", "not open"),
        ({"starts_at": "10:10", "ends_at": "11:10"}, "starts_at", "30-minute slots"),
        ({"ends_at": "18:00"}, "ends_at", "longest booking is 240 minutes"),
        ({"attendees": "21"}, "attendees", "at most 20 people"),
        ({"purpose": "   "}, "purpose", "required"),
        ({"accept_terms": None}, "accept_terms", "Accept the terms"),
        ({"date": "not a date"}, "date", "valid date"),
    ],
)
def test_each_refusal_names_its_field_and_keeps_the_rest(
    client, resident, space, day, changes, field, message
):
    client.force_login(resident)
    data = form_data(day, **changes)
    response = client.post(url("bookings:new", space_id=space.pk), data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0]
    html = response.content.decode()
    for name, value in data.items():
        if name != "accept_terms" and value.strip():
            assert f'value="{value}"' in html, f"{name} was not kept"
    assert f'id="id_{field}_error"' in html  # the error is tied to its input
    assert not Booking.objects.exists()


def test_a_refusal_about_the_person_is_shown_above_the_form(client, resident, space, day):
    EmailAddress.objects.filter(user=resident).update(verified=False)
    client.force_login(resident)
    response = client.post(url("bookings:new", space_id=space.pk), form_data(day))
    form = response.context["form"]
    assert form.non_field_errors() == ["Verify your email address before you book."]
    assert 'value="Sählyvuoro"' in response.content.decode()


def test_booking_posts_are_rate_limited(client, resident, space, day):
    client.force_login(resident)
    target = url("bookings:new", space_id=space.pk)
    for _attempt in range(20):
        assert client.post(target, form_data(day, attendees="999")).status_code == 200
    assert client.post(target, form_data(day)).status_code == 429
    assert client.get(target).status_code == 200


def test_my_bookings_lists_upcoming_and_past_with_cancel_buttons(
    client, resident, space, day, make_user
):
    upcoming = book(space, resident, day)
    ended = timezone.now() - timedelta(days=3)
    past = Booking.objects.create(
        space=space,
        booker=resident,
        status=BookingStatus.CONFIRMED,
        starts_at=ended - timedelta(hours=1),
        ends_at=ended,
        blocked_from=ended - timedelta(hours=1),
        blocked_until=ended,
        purpose="Vanha vuoro",
    )
    someone_elses = book(space, make_user(), day, time(14), time(15))
    client.force_login(resident)

    response = client.get(url("bookings:mine"))
    assert list(response.context["upcoming"]) == [upcoming]
    assert list(response.context["past"]) == [past]
    html = response.content.decode()
    assert url("bookings:cancel", booking_id=upcoming.pk) in html
    assert url("bookings:cancel", booking_id=past.pk) not in html
    assert url("bookings:detail", booking_id=someone_elses.pk) not in html
    token = feed_token_for(resident)
    assert f"http://testserver/feeds/bookings/{token}.ics" in html


def test_cancelling_frees_the_booking_and_says_so(client, resident, space, day):
    booking = book(space, resident, day)
    client.force_login(resident)
    response = client.post(
        url("bookings:cancel", booking_id=booking.pk),
        {"next": url("bookings:mine")},
        follow=True,
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert response.redirect_chain == [(url("bookings:mine"), 302)]
    assert "The booking was cancelled." in response.content.decode()
    # A second attempt is refused with the service's reason.
    again = client.post(url("bookings:cancel", booking_id=booking.pk), follow=True)
    assert "This booking is no longer active." in again.content.decode()


def test_a_late_cancellation_is_refused_with_the_reason(client, resident, make_space):
    space = make_space(cancellation_hours=48)
    tomorrow = timezone.localdate() + timedelta(days=1)
    booking = book(space, resident, tomorrow, time(20), time(21))
    client.force_login(resident)
    response = client.post(url("bookings:cancel", booking_id=booking.pk), follow=True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert response.redirect_chain == [(url("bookings:detail", booking_id=booking.pk), 302)]
    assert "can be cancelled until 48 hours before the start" in response.content.decode()


def test_cancel_takes_only_posts(client, resident, space, day):
    booking = book(space, resident, day)
    client.force_login(resident)
    assert client.get(url("bookings:cancel", booking_id=booking.pk)).status_code == 405
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_the_ics_download_describes_the_booking(client, resident, space, day):
    booking = book(space, resident, day)
    client.force_login(resident)
    response = client.get(url("bookings:ics", booking_id=booking.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="booking-{booking.pk}.ics"'
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == local_datetime(day, time(10))
    assert event.decoded("dtend") == local_datetime(day, time(11))
    assert str(event["summary"]) == "Liikuntasali: Kuoro"
    assert "Kirkkokatu 1" in str(event["location"])
    assert str(event["status"]) == "CONFIRMED"


def test_the_feed_needs_only_the_token_and_lists_that_persons_bookings(
    client, resident, space, day, make_user
):
    mine = book(space, resident, day)
    book(space, make_user(), day, time(14), time(15))
    Booking.objects.create(  # staff blocks have no booker and never reach a resident's feed
        space=space,
        kind=BookingKind.BLOCK,
        status=BookingStatus.CONFIRMED,
        starts_at=local_datetime(day, time(16)),
        ends_at=local_datetime(day, time(17)),
        blocked_from=local_datetime(day, time(16)),
        blocked_until=local_datetime(day, time(17)),
        purpose="Huolto",
    )
    response = client.get(f"/feeds/bookings/{feed_token_for(resident)}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["uid"]) for event in events] == [f"booking-{mine.feed_token}@lampio"]


@pytest.mark.parametrize(
    "token",
    ["nonsense", "eyJ1c2VyIjoxfQ:forged-signature", "", "a:b:c"],
)
def test_a_bad_feed_token_is_not_found(client, resident, token):
    assert client.get(f"/feeds/bookings/{token}.ics").status_code == 404


def test_a_feed_token_of_a_deactivated_person_is_not_found(client, resident):
    token = feed_token_for(resident)
    resident.is_active = False
    resident.save()
    assert client.get(f"/feeds/bookings/{token}.ics").status_code == 404


def test_someone_elses_booking_is_not_found_anywhere(client, resident, make_user, space, day):
    booking = book(space, make_user(), day)
    client.force_login(resident)
    assert client.get(url("bookings:detail", booking_id=booking.pk)).status_code == 404
    assert client.get(url("bookings:ics", booking_id=booking.pk)).status_code == 404
    assert client.post(url("bookings:cancel", booking_id=booking.pk)).status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
