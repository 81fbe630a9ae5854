"""Waitlists in the browser: axe over a space's day with a taken slot, the join page, my
waitlist with an open offer, the offer page and the watch form (English, Finnish and Swedish),
and the journey: A books, B joins the line from the taken slot, A cancels, B finds the offer
(also in the demo outbox), accepts and sees the door code with its validity window. Locators
use ids, names and classes."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.bookings import services, waitlist_services
from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from tests.browser.conftest import assert_accessible


@pytest.fixture
def day() -> Any:
    return timezone.localdate() + timedelta(days=6)


@pytest.fixture
def taken(make_space: Any, make_user: Any, day: Any) -> Any:
    """A code space whose 18–19 is booked by A; B is a resident who wants it."""
    space = make_space(access_method=AccessMethod.CODE, door_id="main")
    a, b = make_user(first_name="Aapo"), make_user(first_name="Bea")
    booking = services.book_space(
        actor=a,
        space=space,
        starts_at=local_datetime(day, time(18)),
        ends_at=local_datetime(day, time(19)),
        purpose="Sähly",
        attendees=4,
    )
    return space, booking, a, b


@pytest.fixture
def offered(taken: Any) -> Any:
    space, booking, a, b = taken
    entry = waitlist_services.join_waitlist(
        actor=b, space=space, starts_at=booking.starts_at, ends_at=booking.ends_at
    )
    services.cancel_booking(actor=a, booking=booking)
    entry.refresh_from_db()
    return entry


@pytest.mark.parametrize("language", ["en", "fi", "sv"])
def test_waitlist_pages_have_no_axe_violations(page, log_in, taken, offered, day, language):
    space, _booking, _a, b = taken
    log_in(page, b)
    start = f"{day.isoformat()}T18:00"
    for path in [
        f"/{language}/spaces/{space.pk}/?date={day.isoformat()}&view=day",
        f"/{language}/waitlist/join/{space.pk}/?start={start}&end={day.isoformat()}T19:00",
        f"/{language}/waitlist/",
        f"/{language}/waitlist/{offered.pk}/",
        f"/{language}/waitlist/watches/new/?space={space.pk}",
        f"/{language}/waitlist/watches/new/?venue={space.venue_id}",
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    # The watch form with an error tied to its field.
    page.locator("#id_starts").fill("20:00")
    page.locator("#id_ends").fill("18:00")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".field--error #id_ends")).to_be_visible()
    assert_accessible(page)


def test_journey_join_cancel_offer_accept_code(page_without_js, log_in, taken, day, settings):
    settings.LAMPIO_DEMO = True
    space, booking, a, b = taken
    page = page_without_js
    log_in(page, b)
    page.goto(f"/en/spaces/{space.pk}/?date={day.isoformat()}&view=day")
    page.locator("a.slot__waitlist[href*='T18:00']").click()
    page.locator("#id_attendees").fill("3")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("h1")).to_have_count(1)
    entry = WaitlistEntry.objects.get(person=b)
    assert entry.attendees == 3

    services.cancel_booking(actor=a, booking=booking)
    page.goto("/en/messages/demo-outbox/")
    expect(page.locator("body")).to_contain_text(f"/waitlist/{entry.pk}/")

    page.goto("/en/waitlist/")
    page.locator(f"form[action$='/waitlist/{entry.pk}/accept/'] button").click()
    held = Booking.objects.get(booker=b)
    assert held.status == BookingStatus.CONFIRMED
    expect(page.locator("#access-code")).to_have_text(held.access_code)
    expect(page.locator(".access-window")).to_be_visible()
