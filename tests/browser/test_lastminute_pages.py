"""Last-minute times, booking feedback and the staff's feedback list in the browser: axe in
Finnish, Swedish and English, and the last-minute filters and feedback form without JavaScript.

Locators use ids, names and classes, not UI texts, so they keep working as translations arrive.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.bookings.models import Booking, BookingReview, BookingStatus
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def hall(make_municipality, make_organisation, make_space):
    city = make_municipality(slug="oulu", name="Oulu")
    return make_space(organisation=make_organisation(municipality=city), name_fi="Juhlasali")


def ended_booking(space: Any, person: Any, hours_ago: int = 1) -> Booking:
    ends = timezone.now() - timedelta(hours=hours_ago)
    starts = ends - timedelta(hours=2)
    return Booking.objects.create(
        space=space,
        booker=person,
        status=BookingStatus.CONFIRMED,
        starts_at=starts,
        ends_at=ends,
        blocked_from=starts,
        blocked_until=ends,
        purpose="Kuoro",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_last_minute_page_has_no_axe_violations(page, language, hall):
    page.goto(f"/{language}/last-minute/")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    page.goto(f"/{language}/last-minute/?municipality=oulu")
    expect(page.locator(".badge").first).to_be_visible()
    assert_accessible(page)
    # An unknown city comes back as a field error.
    page.goto(f"/{language}/last-minute/?municipality=atlantis")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)


def test_last_minute_filters_work_without_javascript(page_without_js, hall):
    page = page_without_js
    page.goto("/en/last-minute/")
    page.locator("#id_municipality").select_option("oulu")
    page.locator("[name=time_of_day][value=evening]").check()
    page.locator("form[role=search] button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"time_of_day=evening"))
    book = page.locator(f"a.button[href*='/en/bookings/new/{hall.pk}/']").first
    expect(book).to_be_visible()
    # Which evening time comes first depends on the clock (after 17 it is later today).
    query = parse_qs(urlsplit(book.get_attribute("href") or "").query)
    assert datetime.fromisoformat(query["start"][0]).hour >= 17


@pytest.mark.parametrize("language", LANGUAGES)
def test_review_form_and_thanks_have_no_axe_violations(page, language, hall, resident):
    booking = ended_booking(hall, resident)
    page.goto(f"/{language}/bookings/feedback/{booking.feed_token}/")
    expect(page.locator("fieldset legend")).to_have_count(1)
    assert_accessible(page)
    page.locator("form.form button[type=submit]").click()  # no grade: an error
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)
    page.locator("[name=rating][value='4']").check()
    page.locator("#id_comment").fill("Hyvä akustiikka.")
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(
        f"{page.url.split('/bookings/')[0]}/bookings/feedback/{booking.feed_token}/thanks/"
    )
    assert_accessible(page)
    assert BookingReview.objects.get(booking=booking).rating == 4


def test_review_form_works_without_javascript(page_without_js, hall, resident):
    booking = ended_booking(hall, resident)
    page = page_without_js
    page.goto(f"/fi/bookings/feedback/{booking.feed_token}/")
    page.locator("[name=rating][value='2']").check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    assert BookingReview.objects.get(booking=booking).rating == 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_review_list_has_no_axe_violations(
    page, settings, log_in, language, hall, resident, make_member
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    BookingReview.objects.create(booking=ended_booking(hall, resident), rating=5, comment="Hieno")
    organisation = hall.venue.organisation
    log_in(page, make_member(organisation, role=Role.ADMIN))
    page.goto(
        f"/{language}/staff/{organisation.municipality.slug}/{organisation.slug}/bookings/feedback/"
    )
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("table.table").first).to_be_visible()
    assert_accessible(page)
