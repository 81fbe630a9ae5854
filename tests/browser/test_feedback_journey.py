"""Issue #10 done: an anonymous resident reports a broken projector in a room they booked, with a
photo; the venue's staff see it, answer and close it; the resident reads the answer through the
tracking link. Two browsers (resident and staff) against one live server, keyboard and clicks
as people use them; axe runs on the pages each person sees."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from lampio.bookings.services import book_space
from lampio.core.timeranges import local_datetime
from lampio.feedback.models import EventKind, Feedback, StateKind
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.tests.conftest import jpeg_bytes
from lampio.spaces.models import Equipment
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

ANSWER = "Kiitos! Projektorin lamppu on vaihdettu, ja sali on taas käytössä."


@pytest.fixture
def booked_room(
    settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any, make_space
):
    """Kuopio's music centre has a classroom with a projector that a resident has booked."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    city = make_municipality(slug="kuopio", name="Kuopio")
    desk = make_organisation(municipality=city, slug="palaute")
    set_up_feedback(municipality=city, fallback_organisation=desk, open311_id="kuopio.fi")
    venue_owner = make_organisation(municipality=city, slug="musiikkikeskus")
    room = make_space(organisation=venue_owner, name_fi="Luokka 2", name_sv="Klassrum 2")
    room.equipment.add(Equipment.objects.create(slug="projector", name_fi="Projektori"))
    resident = make_member(make_organisation(municipality=city), role=Role.VIEWER)
    day = date.today() + timedelta(days=3)
    booking = book_space(
        actor=resident,
        space=room,
        starts_at=local_datetime(day, time(17)),
        ends_at=local_datetime(day, time(19)),
        purpose="Kuoroharjoitus",
        attendees=12,
    )
    venue_staff = make_member(venue_owner, role=Role.STAFF, first_name="Veli", last_name="Virta")
    return {"room": room, "booking": booking, "resident": resident, "staff": venue_staff}


def staff_page(browser: Browser, live_server: Any, log_in: Any, staff: Any) -> Page:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, staff)
    return page


def test_a_broken_projector_is_reported_answered_and_closed(
    page: Page, browser: Browser, live_server: Any, log_in: Any, booked_room: Any, tmp_path: Path
):
    room, booking = booked_room["room"], booked_room["booking"]
    photo = tmp_path / "projektori.jpg"
    photo.write_bytes(jpeg_bytes(gps=(62.8924, 27.6770)))

    # The resident, signed in for their booking, reports anonymously from the booking's page.
    log_in(page, booked_room["resident"])
    page.goto(f"/fi/bookings/{booking.pk}/")
    page.locator(".feedback-link a").click()
    assert_accessible(page)
    expect(page.locator("#anonymous-warning")).to_be_visible()
    page.locator("#id_category").select_option("spaces")
    page.locator("#id_text").fill("Projektori ei käynnisty: lamppu vilkkuu punaisena.")
    page.locator("#id_photos").set_input_files(str(photo))
    page.locator("form.feedback-form button[type=submit]").click()
    tracking_link = page.locator("#tracking-link").input_value()
    assert_accessible(page)

    feedback = Feedback.objects.get()
    # Anonymous: no account, no booking (it would name the booker), but the room and its owner.
    assert feedback.author is None and feedback.booking is None
    assert feedback.space == room and feedback.organisation == room.venue.organisation
    assert feedback.photos.count() == 1 and feedback.latitude is None

    # The venue's staff find it in their inbox, answer it and close it.
    staff = staff_page(browser, live_server, log_in, booked_room["staff"])
    staff.goto("/fi/staff/kuopio/musiikkikeskus/feedback/")
    row = staff.locator(f"#inbox-table tbody tr[data-feedback='{feedback.pk}']")
    expect(row).to_contain_text("Luokka 2")
    row.locator("a").first.click()
    expect(staff.locator("#feedback-text")).to_contain_text("Projektori ei käynnisty")
    assert_accessible(staff)
    staff.locator("#id_reply-text").fill(ANSWER)
    with staff.expect_navigation():
        staff.locator("#id_reply-text").evaluate("el => el.form.requestSubmit()")
    expect(staff.locator("#feedback-state")).to_have_attribute("data-kind", StateKind.ANSWERED)
    staff.locator("form[action$='/close/'] button[type=submit]").click()
    expect(staff.locator("#feedback-state")).to_have_attribute("data-kind", StateKind.CLOSED)
    staff.context.close()

    feedback.refresh_from_db()
    assert feedback.state.kind == StateKind.CLOSED and feedback.closed_at is not None
    assert feedback.events.get(kind=EventKind.REPLY).actor == booked_room["staff"]

    # The resident opens the tracking link (no sign-in needed) and reads the answer.
    page.context.clear_cookies()
    page.goto(tracking_link)
    expect(page.locator(".feedback-state")).to_contain_text("Suljettu")
    expect(page.locator(".feedback-answer")).to_contain_text(ANSWER)
    expect(page.locator(".feedback-photos img")).to_have_count(1)
    assert_accessible(page)
