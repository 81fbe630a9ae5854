"""The visitor survey in the browser: a resident opens the invitation on their past booking and
answers in Finnish, another answers a poster's link in Swedish without JavaScript; axe over the
invitation, the survey (also with errors), the thanks, the "already answered" page and the
staff's links and poster, in Finnish and Swedish (English too for the survey itself).

Locators use ids, names and values, not UI texts, so they keep working as translations arrive.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.bookings.models import Booking, BookingStatus
from lampio.surveys.models import VisitorResponse
from lampio.surveys.selectors import visit_link_of
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible


@pytest.fixture
def visit(make_municipality, make_organisation, make_space, make_user) -> dict[str, Any]:
    """Aino's confirmed booking of Oulu's culture centre's hall ended an hour ago."""
    city = make_municipality(slug="oulu", name="Oulu")
    make_municipality(slug="kempele", name="Kempele")
    space = make_space(make_organisation(municipality=city, slug="kulttuuri"))
    aino = make_user(first_name="Aino", last_name="Asukas")
    start = timezone.now() - timedelta(hours=2)
    booking = Booking.objects.create(
        space=space,
        booker=aino,
        status=BookingStatus.CONFIRMED,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        blocked_from=start,
        blocked_until=start + timedelta(hours=1),
        purpose="Kuoroharjoitus",
    )
    return {"booking": booking, "resident": aino, "organisation": space.venue.organisation}


def test_a_resident_answers_the_invitation_in_finnish(page: Page, log_in, visit) -> None:
    log_in(page, visit["resident"])
    page.goto(f"/fi/bookings/{visit['booking'].pk}/")
    expect(page.locator("#survey-invitation-heading")).to_be_visible()
    assert_accessible(page)
    page.locator(".survey-invitation a.button").click()
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    assert_accessible(page)
    # Sent without the one required answer: the summary says so and keeps the other choices.
    page.locator("input[name=ease][value='4']").check()
    page.locator("button.survey-send").click()
    expect(page.locator("#survey-errors")).to_be_visible()
    expect(page.locator("input[name=ease][value='4']")).to_be_checked()
    assert_accessible(page)
    page.locator("#survey-errors a[href='#id_overall']").click()
    # Each answer is a whole row to press: clicking the words chooses the answer.
    page.locator("label[for=id_overall_0]").click()
    expect(page.locator("#id_overall_0")).to_be_checked()
    page.locator("input[name=age_group][value='65-74']").check()
    page.locator("select[name=home_municipality]").select_option("kempele")
    page.locator("button.survey-send").click()
    expect(page.locator("#survey-thanks")).to_be_visible()
    assert_accessible(page)
    answer = VisitorResponse.objects.get()
    assert (answer.overall, answer.ease, answer.age_group, answer.home_municipality) == (
        5,
        4,
        "65-74",
        "kempele",
    )
    assert (answer.context, answer.language) == ("booking", "fi")
    # Back on the booking, the invitation says it was answered; the link answers no more.
    page.goto(f"/fi/bookings/{visit['booking'].pk}/")
    expect(page.locator(".survey-invitation a.button")).to_have_count(0)
    assert_accessible(page)


def test_a_visitor_answers_a_poster_in_swedish_without_javascript(
    page_without_js: Page, visit
) -> None:
    page = page_without_js
    token = visit_link_of(visit["organisation"], visit["booking"].space.venue)
    page.goto(f"/sv/survey/visit/{token}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.locator("label[for=id_overall_1]").click()
    page.locator("label[for=id_return_likelihood_0]").click()
    page.locator("button.survey-send").click()
    expect(page.locator("#survey-thanks")).to_be_visible()
    answer = VisitorResponse.objects.get()
    assert (answer.overall, answer.return_likelihood, answer.language) == (4, 5, "sv")
    assert (answer.context, answer.venue_id) == ("visit", visit["booking"].space.venue_id)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_survey_pages_have_no_axe_violations(page: Page, visit, language: str) -> None:
    token = visit_link_of(visit["organisation"], None)
    page.goto(f"/{language}/survey/visit/{token}/")
    assert_accessible(page)
    page.locator("button.survey-send").click()
    expect(page.locator("#survey-errors")).to_be_visible()
    assert_accessible(page)
    page.goto(f"/{language}/survey/thanks/")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_staff_links_and_poster_have_no_axe_violations(
    page: Page, log_in, visit, make_member, settings, language: str
) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation = visit["organisation"]
    log_in(page, make_member(organisation, role=Role.STAFF))
    base = f"/{language}/staff/oulu/{organisation.slug}/survey/"
    page.goto(base)
    expect(page.locator("#survey-links")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}poster/{visit['booking'].space.venue_id}/")
    expect(page.locator("#survey-poster svg.qr-code")).to_be_visible()
    assert_accessible(page)
