"""The resident waitlist pages: joining from a taken slot, my waitlist, the offer, watches."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.bookings import services, waitlist_services
from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus, Watch
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def day():
    return timezone.localdate() + timedelta(days=5)


@pytest.fixture
def world(make_space, make_user, day):
    """A code space whose 18–19 is booked by A; B is logged in wherever a client is used."""
    space = make_space(access_method=AccessMethod.CODE)
    a, b = make_user(), make_user()
    booking = services.book_space(
        actor=a,
        space=space,
        starts_at=local_datetime(day, time(18)),
        ends_at=local_datetime(day, time(19)),
        purpose="Sähly",
        attendees=2,
    )
    return space, booking, a, b


def join_data(day, **extra):
    return {
        "date": day.isoformat(),
        "starts_at": "18:00",
        "ends_at": "19:00",
        "purpose": "",
        "attendees": "3",
        **extra,
    }


def test_a_taken_slot_links_to_its_waitlist_and_the_space_to_a_watch(client, world, day):
    space, _booking, _a, _b = world
    page = client.get(url("spaces:space", space_id=space.pk), {"date": day.isoformat()})
    join_path = url("waitlist:join", space_id=space.pk)
    assert f"{join_path}?start={day.isoformat()}T18:00" in page.content.decode()
    assert "Join the waitlist" in page.content.decode()
    assert f"{url('waitlist:watch_new')}?space={space.pk}" in page.content.decode()
    venue_page = client.get(url("spaces:venue", venue_id=space.venue_id))
    assert f"{url('waitlist:watch_new')}?venue={space.venue_id}" in venue_page.content.decode()


def test_joining_from_the_slot_link(client, world, day):
    space, _booking, _a, b = world
    client.force_login(b)
    join_url = url("waitlist:join", space_id=space.pk)
    form = client.get(join_url, {"start": f"{day.isoformat()}T18:00", "end": f"{day}T19:00"})
    assert form.status_code == 200
    assert 'value="18:00"' in form.content.decode()
    response = client.post(join_url, join_data(day), follow=True)
    assert "You are number 1 in line" in response.content.decode()
    entry = WaitlistEntry.objects.get(person=b)
    assert entry.attendees == 3 and entry.purpose
    again = client.post(join_url, join_data(day))
    assert "already on the waitlist" in again.content.decode()


def test_a_free_slot_points_to_booking_it_and_keeps_the_form(client, world, day):
    space, _booking, _a, b = world
    client.force_login(b)
    response = client.post(
        url("waitlist:join", space_id=space.pk),
        join_data(day, starts_at="20:00", ends_at="21:00", purpose="Kuoro"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "This time is free" in body
    assert f"{url('bookings:new', space_id=space.pk)}?start=" in body
    assert 'value="Kuoro"' in body
    assert not WaitlistEntry.objects.exists()


def test_an_offer_is_shown_held_and_accepting_shows_the_booking_with_its_code(client, world, day):
    space, booking, a, b = world
    entry = waitlist_services.join_waitlist(
        actor=b,
        space=space,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
    )
    services.cancel_booking(actor=a, booking=booking)
    client.force_login(b)
    mine = client.get(url("waitlist:mine")).content.decode()
    assert "Held for you until" in mine and "Accept" in mine
    offer = client.get(url("waitlist:offer", entry_id=entry.pk)).content.decode()
    assert "Accept and book" in offer
    response = client.post(url("waitlist:accept", entry_id=entry.pk), follow=True)
    held = Booking.objects.get(booker=b)
    assert held.status == BookingStatus.CONFIRMED
    assert response.redirect_chain[-1][0] == url("bookings:detail", booking_id=held.pk)
    assert held.access_code in response.content.decode()
    # A second device pressing Accept lands on the same booking.
    second = client.post(url("waitlist:accept", entry_id=entry.pk))
    assert second.url == url("bookings:detail", booking_id=held.pk)
    assert Booking.objects.filter(booker=b).count() == 1


def test_a_lapsed_offer_says_so(client, world):
    space, booking, a, b = world
    entry = waitlist_services.join_waitlist(
        actor=b, space=space, starts_at=booking.starts_at, ends_at=booking.ends_at
    )
    services.cancel_booking(actor=a, booking=booking)
    Booking.objects.filter(booker=b).update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(b)
    response = client.post(url("waitlist:accept", entry_id=entry.pk), follow=True)
    assert "This offer has lapsed" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.LAPSED


def test_declining_and_leaving(client, world):
    space, booking, _a, b = world
    entry = waitlist_services.join_waitlist(
        actor=b, space=space, starts_at=booking.starts_at, ends_at=booking.ends_at
    )
    client.force_login(b)
    response = client.post(url("waitlist:leave", entry_id=entry.pk), follow=True)
    assert "You left the waitlist" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.WITHDRAWN


def test_someone_elses_entry_and_watch_are_not_found(client, world, make_user):
    space, booking, _a, b = world
    entry = waitlist_services.join_waitlist(
        actor=b, space=space, starts_at=booking.starts_at, ends_at=booking.ends_at
    )
    watch = Watch.objects.create(person=b, space=space, weekday=1, starts=time(8), ends=time(9))
    client.force_login(make_user())
    assert client.get(url("waitlist:offer", entry_id=entry.pk)).status_code == 404
    assert client.post(url("waitlist:accept", entry_id=entry.pk)).status_code == 404
    assert client.post(url("waitlist:leave", entry_id=entry.pk)).status_code == 404
    assert client.post(url("waitlist:watch_delete", watch_id=watch.pk)).status_code == 404


def test_adding_and_removing_a_watch(client, world):
    space, _booking, _a, b = world
    client.force_login(b)
    new = f"{url('waitlist:watch_new')}?space={space.pk}"
    assert client.get(new).status_code == 200
    wrong = client.post(new, {"weekday": "1", "starts": "20:00", "ends": "18:00"})
    assert "must end after it starts" in wrong.content.decode()
    assert 'value="20:00"' in wrong.content.decode()
    response = client.post(new, {"weekday": "1", "starts": "18:00", "ends": "20:00"}, follow=True)
    watch = Watch.objects.get(person=b)
    assert (watch.space, watch.weekday, watch.starts) == (space, 1, time(18))
    assert "Tuesday 18:00–20:00" in response.content.decode()
    venue_new = f"{url('waitlist:watch_new')}?venue={space.venue_id}"
    client.post(venue_new, {"weekday": "4", "starts": "10:00", "ends": "12:00"})
    assert Watch.objects.filter(person=b, venue=space.venue).exists()
    client.post(url("waitlist:watch_delete", watch_id=watch.pk))
    assert not Watch.objects.filter(pk=watch.pk).exists()


def test_joining_is_rate_limited(client, world, day):
    space, _booking, _a, b = world
    client.force_login(b)
    join_url = url("waitlist:join", space_id=space.pk)
    codes = [client.post(join_url, join_data(day)).status_code for _ in range(21)]
    assert codes[-1] == 429
