"""A resident finds a free gym in another city, books it, gets the .ics, and cancels it.

Locators use ids, classes and data that do not depend on the UI language, so these journeys keep
working as the Finnish and Swedish translations of the new strings arrive.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.bookings.models import Booking, BookingStatus
from lampio.bookings.services import book_space
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import SpaceType
from tests.browser.conftest import assert_accessible


@pytest.fixture
def cities(make_municipality, make_organisation):
    return {
        "oulu": make_organisation(municipality=make_municipality(slug="oulu", name="Oulu")),
        "jyvaskyla": make_organisation(
            municipality=make_municipality(slug="jyvaskyla", name="Jyväskylä")
        ),
    }


@pytest.fixture
def day():
    return timezone.localdate() + timedelta(days=4)


@pytest.fixture
def gym(cities, make_space, make_user, day):
    """Jyväskylä's free gym, among spaces the search must leave out."""
    make_space(organisation=cities["oulu"], name_fi="Raksilan sali", name_sv="Raksila sal")
    make_space(organisation=cities["oulu"], name_fi="Toppilan sali", name_sv="Toppila sal")
    make_space(
        organisation=cities["jyvaskyla"],
        name_fi="Kokoushuone Kajaus",
        name_sv="Mötesrum Kajaus",
        space_type=SpaceType.MEETING_ROOM,
    )
    busy = make_space(organisation=cities["jyvaskyla"], name_fi="Hipposhalli", name_sv="Hippos")
    book_space(
        actor=make_user(),
        space=busy,
        starts_at=local_datetime(day, time(10)),
        ends_at=local_datetime(day, time(11)),
        purpose="Koripallo",
        attendees=10,
    )
    return make_space(
        organisation=cities["jyvaskyla"],
        name_fi="Kortepohjan liikuntasali",
        name_sv="Kortepohja gymnastiksal",
        terms_fi="Sisäkengät pakolliset.",
    )


def choose_city(page, language, name):
    page.goto(f"/{language}/city/")
    page.get_by_role("button", name=name).click()
    expect(page).to_have_url(re.compile(rf"/{language}/$"))


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_resident_books_a_gym_in_another_city_then_cancels_it(
    page, log_in, resident, gym, day, language
):
    log_in(page, resident)
    choose_city(page, language, "Oulu")

    # The search starts in the city the resident chose.
    page.locator(f"nav.main-nav a[href='/{language}/spaces/']").click()
    expect(page.locator("#id_municipality")).to_have_value("oulu")
    expect(page.locator(".result")).to_have_count(2)
    expect(page.locator("#result-count")).to_have_text(re.compile(r"\b2\b"))
    assert_accessible(page)

    # A gym in Jyväskylä that is free 10–11 on the day (htmx swaps the results in place).
    page.locator("#id_municipality").select_option("jyvaskyla")
    page.locator("#id_space_type").select_option("gym")
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_from_time").fill("10:00")
    page.locator("#id_to_time").fill("11:00")
    page.locator("form.space-search button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"municipality=jyvaskyla"))
    results = page.locator(".result h3 a")
    expect(results).to_have_count(1)
    expect(results).to_have_text(gym.name_sv if language == "sv" else gym.name_fi)
    # The live region stayed in place and now counts the new results.
    expect(page.locator("#result-count")).to_have_text(re.compile(r"\b1\b"))
    assert_accessible(page)

    # The space opens on the wanted day; the 10:00 slot is free.
    results.click()
    expect(page).to_have_url(re.compile(rf"/{language}/spaces/{gym.pk}/\?date={day.isoformat()}"))
    assert_accessible(page)
    page.locator(".slot--free a[data-start='10:00']").click()

    # The booking form comes prefilled from the slot.
    expect(page.locator("#id_date")).to_have_value(day.isoformat())
    expect(page.locator("#id_starts_at")).to_have_value("10:00")
    page.locator("#id_ends_at").fill("11:00")
    page.locator("#id_purpose").fill("Sählyvuoro")
    page.locator("#id_attendees").fill("12")
    page.locator("#id_accept_terms").check()
    assert_accessible(page)
    page.locator("main form.form button[type=submit]").click()

    # The confirmation tells the status, time and address.
    booking = Booking.objects.get(booker=resident)
    expect(page).to_have_url(re.compile(rf"/{language}/bookings/{booking.pk}/$"))
    expect(page.locator(".booking-status--confirmed")).to_be_visible()
    expect(page.locator("main")).to_contain_text("10:00–11:00")
    expect(page.locator("main")).to_contain_text("Kirkkokatu 1")
    assert_accessible(page)

    # The .ics file downloads with the booking in it.
    ics_link = page.locator(f"a[href='/{language}/bookings/{booking.pk}/booking.ics']")
    with page.expect_download() as download_info:
        ics_link.click()
    download = download_info.value
    assert download.suggested_filename == f"booking-{booking.pk}.ics"
    content = Path(download.path()).read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in content and "Sählyvuoro" in content
    response = page.request.get(ics_link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"

    # My bookings lists it; cancelling it there is confirmed on the same page.
    page.locator(f"nav.main-nav a[href='/{language}/bookings/']").click()
    row = page.locator(f".booking-row[data-booking='{booking.pk}']")
    expect(row).to_have_count(1)
    assert_accessible(page)
    row.locator("form.cancel-form button").click()
    expect(page).to_have_url(re.compile(rf"/{language}/bookings/$"))
    expect(row.locator(".booking-status--cancelled")).to_be_visible()
    expect(page.locator(".message--success")).to_be_visible()
    assert_accessible(page)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_search_and_booking_work_without_javascript(page_without_js, log_in, resident, gym, day):
    page = page_without_js
    log_in(page, resident)
    page.goto("/fi/spaces/")
    page.locator("#id_municipality").select_option("jyvaskyla")
    page.locator("#id_space_type").select_option("gym")
    page.locator("#id_date").fill(day.isoformat())
    page.locator("#id_from_time").fill("10:00")
    page.locator("#id_to_time").fill("11:00")
    page.locator("form.space-search button[type=submit]").click()
    page.locator(".result h3 a").click()
    page.locator(".slot--free a[data-start='10:00']").click()

    # A first try without the terms comes back with everything typed kept.
    page.locator("#id_purpose").fill("Sählyvuoro")
    page.locator("#id_attendees").fill("12")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator("#id_accept_terms_error")).to_be_visible()
    expect(page.locator("#id_purpose")).to_have_value("Sählyvuoro")
    expect(page.locator("#id_starts_at")).to_have_value("10:00")
    page.locator("#id_accept_terms").check()
    page.locator("main form.form button[type=submit]").click()

    booking = Booking.objects.get(booker=resident)
    expect(page).to_have_url(re.compile(rf"/fi/bookings/{booking.pk}/$"))
    expect(page.locator(".booking-status--confirmed")).to_be_visible()
    assert booking.space == gym
    assert booking.starts_at == local_datetime(day, time(10))


def test_the_map_shows_venues_when_a_tile_server_is_configured(page, settings, cities, make_space):
    # A same-origin "tile" keeps the test offline; the CSP allows images from 'self'.
    settings.LAMPIO_MAP_TILE_URL = "/static/img/favicon.svg?z={z}&x={x}&y={y}"
    for name, (lat, lon) in {
        "Raksila": ("65.0121", "25.4651"),
        "Toppila": ("65.04", "25.43"),
    }.items():
        space = make_space(organisation=cities["oulu"], name_fi=f"{name}n sali")
        space.venue.name_fi = name
        space.venue.latitude, space.venue.longitude = Decimal(lat), Decimal(lon)
        space.venue.save()

    page.goto("/fi/spaces/?display=map")
    expect(page.locator("[data-space-map].space-map--active")).to_be_visible()
    markers = page.locator("[data-space-map] .leaflet-marker-icon")
    expect(markers).to_have_count(2)
    assert_accessible(page)
    page.locator("[data-space-map] .leaflet-marker-icon[alt='Toppila']").click()
    expect(page.locator(".leaflet-popup-content a")).to_have_text("Toppila")

    # A new search through htmx redraws the map with the new results.
    page.locator("#id_q").fill("Raksila")
    page.locator("form.space-search button[type=submit]").click()
    expect(page.locator(".result")).to_have_count(1)
    expect(markers).to_have_count(1)
    # Going back shows the earlier results and map again.
    page.go_back()
    expect(page.locator(".result")).to_have_count(2)
    expect(markers).to_have_count(2)


def test_search_errors_appear_in_place_and_focus_stays_on_the_button(page, cities, make_space):
    make_space(organisation=cities["oulu"])
    page.goto("/fi/spaces/")
    page.locator("#id_from_time").fill("10:00")
    button = page.locator("form.space-search button[type=submit]")
    button.click()
    # htmx swapped in the fields with their errors, without reloading the page.
    expect(page.locator("#id_date_error")).to_be_visible()
    expect(page.locator("#id_from_time")).to_have_value("10:00")
    expect(page.locator(".result")).to_have_count(0)
    expect(button).to_be_focused()
    assert_accessible(page)
