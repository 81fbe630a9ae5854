"""The journey issue #5 asks for, in two browsers with axe-core on every page.

Resident A books a code-access school gym; resident B finds the slot taken and joins its
waitlist; A cancels; B reads the offer in the demo outbox, follows its link, accepts, and sees
the personal door code with the window it works in. Locators avoid UI text, so the journey
holds in every language.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.bookings.doors import LocalDoorSystem
from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from tests.browser.conftest import _context, assert_accessible


@pytest.fixture
def day() -> Any:
    return timezone.localdate() + timedelta(days=5)


@pytest.fixture
def gym(make_space: Any) -> Any:
    return make_space(
        name_fi="Karttulan koulun liikuntasali",
        access_method=AccessMethod.CODE,
        door_id="karttula-sali-ovi-B",
        terms_fi="Sisäkengät pakolliset.",
        access_instructions_fi="Pihan puoleinen ovi B, näppäimistö oven oikealla puolella.",
    )


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_freed_slot_goes_to_the_waitlist_and_its_code_to_the_new_booker(
    browser, live_server, page, log_in, make_user, gym, day, settings, language
):
    settings.LAMPIO_DEMO = True  # the demo outbox shows what the system "sent"
    settings.LAMPIO_SITE_URL = live_server.url  # messages carry absolute links
    aino, bertta = make_user(first_name="Aino"), make_user(first_name="Bertta")
    space_url = f"/{language}/spaces/{gym.pk}/?date={day.isoformat()}&view=day"

    # A books 18–19 from the day view.
    log_in(page, aino)
    page.goto(space_url)
    assert_accessible(page)
    page.locator(".slot--free a[data-start='18:00']").click()
    page.locator("#id_ends_at").fill("19:00")
    page.locator("#id_purpose").fill("Sählyvuoro")
    page.locator("#id_attendees").fill("8")
    page.locator("#id_accept_terms").check()
    assert_accessible(page)
    page.locator("main form.form button[type=submit]").click()
    booking = Booking.objects.get(booker=aino)
    expect(page).to_have_url(re.compile(rf"/{language}/bookings/{booking.pk}/$"))
    expect(page.locator("#access-code")).to_have_text(booking.access_code)
    assert_accessible(page)

    # B, in another browser, finds 18:00 taken and joins its waitlist.
    other = _context(browser, live_server)
    b_page = other.new_page()
    log_in(b_page, bertta)
    b_page.goto(space_url)
    b_page.locator("a.slot__waitlist[href*='T18:00']").click()
    assert_accessible(b_page)
    expect(b_page.locator("#id_starts_at")).to_have_value("18:00")
    b_page.locator("#id_ends_at").fill("19:00")
    b_page.locator("#id_attendees").fill("6")
    b_page.locator("#id_accept_terms").check()
    b_page.locator("main form.form button[type=submit]").click()
    expect(b_page).to_have_url(re.compile(rf"/{language}/waitlist/$"))
    entry = WaitlistEntry.objects.get(person=bertta)
    assert entry.status == WaitlistStatus.WAITING
    assert_accessible(b_page)

    # A cancels on "My bookings".
    page.goto(f"/{language}/bookings/")
    row = page.locator(f".booking-row[data-booking='{booking.pk}']")
    row.locator("form.cancel-form button").click()
    expect(row.locator(".booking-status--cancelled")).to_be_visible()
    assert_accessible(page)

    # B's offer is in the demo outbox, in B's language, with a link to the offer.
    b_page.goto(f"/{language}/messages/demo-outbox/")
    offer = b_page.locator("#outbox li[data-key='waitlist.offer']").first
    expect(offer).to_contain_text(bertta.email)
    assert_accessible(b_page)
    offer.locator(f"a[href*='/waitlist/{entry.pk}/']").click()
    expect(b_page).to_have_url(re.compile(rf"/waitlist/{entry.pk}/$"))
    assert_accessible(b_page)

    # B accepts and sees the personal code and the window it works in.
    b_page.locator(f"form[action$='/waitlist/{entry.pk}/accept/'] button").click()
    new_booking = Booking.objects.get(booker=bertta)
    assert new_booking.status == BookingStatus.CONFIRMED
    assert new_booking.access_code and new_booking.access_code != booking.access_code
    expect(b_page).to_have_url(re.compile(rf"/bookings/{new_booking.pk}/$"))
    expect(b_page.locator("#access-code")).to_have_text(new_booking.access_code)
    # The code works from 15 minutes before the start: 17.45–19.00 on the day.
    expect(b_page.locator(".access-window")).to_contain_text("17.45")
    expect(b_page.locator(".access-window")).to_contain_text("19.00")
    assert_accessible(b_page)
    other.close()

    # And A's old code no longer opens the door, while B's does from 17.45.
    doors = LocalDoorSystem(gym.venue.organisation_id)
    at = local_datetime(day, time(17, 50))
    assert not doors.would_open("karttula-sali-ovi-B", booking.access_code, at)
    assert doors.would_open("karttula-sali-ovi-B", new_booking.access_code, at)
