"""Access codes in the browser: axe over My bookings and the booking page of a code booking in
Finnish, Swedish and English, and over the staff access page with an alert, a new controller
key and a code test. Locators use ids and classes, not UI texts."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lampio.bookings import services
from lampio.bookings.models import DoorSync, DoorSyncAction, DoorSyncStatus
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def code_booking(make_space: Any, resident: Any) -> Any:
    space = make_space(
        access_method=AccessMethod.CODE,
        door_id="main",
        access_instructions_fi="Näppäimistö on pääoven oikealla puolella.",
        access_instructions_en="The keypad is to the right of the main door.",
    )
    day = timezone.localdate() + timedelta(days=7)
    return services.book_space(
        actor=resident,
        space=space,
        starts_at=local_datetime(day, time(18)),
        ends_at=local_datetime(day, time(20)),
        purpose="Kuoroharjoitus",
        attendees=5,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_code_booking_pages_have_no_axe_violations(page, log_in, resident, code_booking, language):
    log_in(page, resident)
    page.goto(f"/{language}/bookings/")
    expect(page.locator(".booking-access code")).to_have_text(code_booking.access_code)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    page.goto(f"/{language}/bookings/{code_booking.pk}/")
    expect(page.locator("#access-code")).to_have_text(code_booking.access_code)
    expect(page.locator(".access-window")).to_contain_text("17.45")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)


def test_staff_access_page_has_no_axe_violations(page, log_in, settings, make_member, code_booking):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation = code_booking.space.venue.organisation
    DoorSync.objects.create(
        booking=code_booking,
        organisation=organisation,
        action=DoorSyncAction.GRANT,
        payload={"id": "lampio-door-1", "door": "main"},
        status=DoorSyncStatus.FAILED,
        attempts=5,
        last_error="timeout",
    )
    log_in(page, make_member(organisation, role=Role.ADMIN))
    base = f"/en/staff/{organisation.municipality.slug}/{organisation.slug}/access/"
    page.goto(base)
    expect(page.locator(".door-alert")).to_have_count(1)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    page.locator("form[action$='controller-key/'] button").click()
    expect(page.locator("#new-controller-key")).to_have_value(re.compile(r"^ldk_\d+_"))
    assert_accessible(page)
    start = code_booking.starts_at.astimezone(timezone.get_current_timezone())
    page.locator("#id_test-door").fill("main")
    page.locator("#id_test-code").fill(code_booking.access_code)
    page.locator("#id_test-date").fill(start.date().isoformat())
    page.locator("#id_test-time").fill("18:30")
    page.locator("form[action$='/test/'] button[type=submit]").click()
    expect(page.locator(".test-result")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}spaces/{code_booking.space_id}/")
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
