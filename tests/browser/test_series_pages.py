"""Recurring series in the browser: a resident books one, hits a taken date, skips it and sees
the series; axe-core over the form, the collision page, the series page and the staff pages in
Finnish, Swedish and English."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.bookings import series_services, services
from lampio.bookings.models import BookingSeries, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import OrganisationKind, Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]


def wednesday(weeks_ahead: int) -> date:
    today = timezone.localdate()
    return today + timedelta(days=(3 - today.isoweekday()) % 7 + 7 * weeks_ahead)


FIRST, LAST = wednesday(1), wednesday(4)
TAKEN = wednesday(2)


@pytest.fixture
def space(make_space, make_user) -> Any:
    """A code-access hall that lets residents book series; someone has one of its Wednesdays."""
    hall = make_space(
        allows_recurring=True,
        access_method=AccessMethod.CODE,
        door_id="main",
        name_fi="Kuorosali",
        terms_fi="Jätä sali siistiksi.",
    )
    services.book_space(
        actor=make_user(),
        space=hall,
        starts_at=local_datetime(TAKEN, time(18)),
        ends_at=local_datetime(TAKEN, time(19)),
        purpose="Sähly",
        attendees=4,
    )
    return hall


def fill_series_form(page: Page) -> None:
    page.locator("input[name=weekdays][value='3']").check()
    page.locator("#id_interval_weeks").select_option("1")
    page.locator("#id_first_date").fill(FIRST.isoformat())
    page.locator("#id_last_date").fill(LAST.isoformat())
    page.locator("#id_starts_time").fill("18:00")
    page.locator("#id_ends_time").fill("20:00")
    page.locator("#id_purpose").fill("Kuoroharjoitus")
    page.locator("#id_attendees").fill("15")


def test_a_resident_books_a_series_skips_the_taken_date_and_sees_it(page, log_in, resident, space):
    log_in(page, resident)
    page.goto(f"/en/spaces/{space.pk}/")
    page.locator(f"a[href='/en/bookings/series/new/{space.pk}/']").click()
    expect(page.locator("h1")).to_contain_text("Book a recurring time")
    fill_series_form(page)
    page.locator("#id_accept_terms").check()
    page.locator("main form.series-form button[type=submit]").click()

    collisions = page.locator(".collision-list li")
    expect(collisions).to_have_count(1)
    expect(collisions.first).to_contain_text(f"{TAKEN.day}.{TAKEN.month}.{TAKEN.year}")
    expect(collisions.first).to_contain_text("already booked")
    # Everything typed is still there.
    expect(page.locator("#id_purpose")).to_have_value("Kuoroharjoitus")
    assert page.locator("input[name=weekdays][value='3']").is_checked()
    assert BookingSeries.objects.count() == 0

    page.locator("button[name=skip_collisions]").click()
    expect(page.locator("h1")).to_contain_text("Recurring time")
    made = BookingSeries.objects.get()
    expect(page.locator("table.series-dates tbody tr")).to_have_count(3)
    expect(page.locator(".access-code")).to_have_text(made.access_code)
    expect(page.locator("main")).to_contain_text("Dates left out")

    # Cancel the rest from the second date on; the first date stays.
    page.locator("#cancel-rest-from_date").fill((FIRST + timedelta(weeks=1)).isoformat())
    page.locator("section[aria-labelledby=cancel-rest-heading] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("2")
    assert made.occurrences.filter(status=BookingStatus.CONFIRMED).count() == 1

    page.goto("/en/bookings/")
    expect(page.locator(f"a[href='/en/bookings/series/{made.pk}/']")).to_have_count(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_series_pages_have_no_axe_violations(
    page, log_in, language, settings, resident, space, make_member, make_organisation
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    problems: list[str] = []

    def sweep(label: str) -> None:
        expect(page.locator("h1"), f"one h1 on {label}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{label}:\n{describe(violations)}")

    log_in(page, resident)
    page.goto(f"/{language}/bookings/series/new/{space.pk}/")
    sweep("series form")
    page.locator("main form.series-form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_attached()
    sweep("series form with errors")
    fill_series_form(page)
    page.locator("#id_accept_terms").check()
    page.locator("main form.series-form button[type=submit]").click()
    expect(page.locator(".collision-list li")).to_have_count(1)
    sweep("collision page")
    page.locator("button[name=skip_collisions]").click()
    expect(page.locator("table.series-dates")).to_be_visible()
    sweep("series page")
    page.goto(f"/{language}/bookings/")
    sweep("my bookings with series")

    # Staff: a requested series waits for approval on its page.
    owner = space.venue.organisation
    make_organisation(municipality=owner.municipality, kind=OrganisationKind.ASSOCIATION)
    space.requires_handling = True
    space.save()
    requested = series_services.create_series(
        actor=resident,
        space=space,
        weekdays=[5],
        interval_weeks=2,
        first_date=FIRST,
        last_date=LAST + timedelta(weeks=4),
        starts_time=time(10),
        ends_time=time(12),
        purpose="Lukupiiri",
        attendees=6,
    )
    log_in(page, make_member(owner, role=Role.ADMIN))
    base = f"/{language}/staff/{owner.municipality.slug}/{owner.slug}/series/"
    page.goto(base)
    sweep("staff series list")
    page.goto(f"{base}{requested.pk}/")
    sweep("staff series page with the decision")
    page.locator("button[name=decision][value=deny]").click()
    expect(page.locator(".errorlist").first).to_be_attached()
    sweep("staff decision with errors")
    page.goto(f"{base}new/")
    sweep("staff series form")
    page.locator("#id_space").select_option(str(space.pk))
    fill_series_form(page)
    page.locator("#id_email").fill(resident.email)
    page.locator("main form.series-form button[type=submit]").click()
    expect(page.locator(".collision-list li").first).to_be_attached()
    sweep("staff collision page")
    assert not problems, "\n".join(problems)
