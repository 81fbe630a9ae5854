"""Issue #6's applicant journey: an association member applies for two weekly slots (one with
an alternative space), finds the application in "My applications" and changes it; and axe-core
over the applicant pages and the round report in Finnish, Swedish and English.

Locators use names, ids and classes rather than UI text, so the tests hold as translations
arrive.
"""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from lampio.seasons.models import Application
from lampio.seasons.services.applications import submit_application
from lampio.seasons.tests.applicant_factories import allocate, first_class, make_round, wish
from lampio.tenancy.models import OrganisationKind, Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv", "en"]


@pytest.fixture
def season(make_organisation: Any, make_space: Any, make_member: Any) -> dict[str, Any]:
    city = make_organisation()
    hall = make_space(city, capacity=40, name_fi="Iso sali", name_en="Big hall")
    small = make_space(city, capacity=12, name_fi="Pieni sali", name_en="Small hall")
    application_round = make_round(city, [hall, small], created_by=make_member(city))
    club = make_organisation(municipality=city.municipality, kind=OrganisationKind.ASSOCIATION)
    club.name = "Kuoro Kaiku ry"
    club.save()
    return {
        "city": city,
        "round": application_round,
        "hall": hall,
        "small": small,
        "club": club,
        "member": make_member(club, role=Role.VIEWER),
    }


def fill_wish(
    page: Page,
    row: int,
    weekday: str,
    start: str,
    end: str,
    minutes: str,
    people: str,
    *spaces: Any,
) -> None:
    prefix = f"[name=wishes-{row}-"
    page.locator(f"{prefix}weekday]").select_option(weekday)
    page.locator(f"{prefix}earliest_start]").fill(start)
    page.locator(f"{prefix}latest_end]").fill(end)
    page.locator(f"{prefix}duration_minutes]").fill(minutes)
    page.locator(f"{prefix}attendees]").fill(people)
    for number, space in enumerate(spaces, start=1):
        page.locator(f"{prefix}space_{number}]").select_option(str(space.pk))


def test_an_association_applies_for_two_slots_and_changes_the_application(
    page: Page, log_in: Any, season: dict[str, Any]
) -> None:
    log_in(page, season["member"])
    page.goto("/fi/bookings/")
    page.locator("main a[href='/fi/regular-slots/']").click()
    page.locator(f"a[href='/fi/regular-slots/{season['round'].pk}/']").click()
    page.locator(f"a[href='/fi/regular-slots/{season['round'].pk}/apply/']").click()
    expect(page.locator("fieldset.wish-row")).to_have_count(3)

    page.locator(f"[name=for_organisation][value='{season['club'].pk}']").check()
    page.locator("[name=activity]").fill("Kuoroharjoitus")
    page.locator("[name=age_group]").select_option("adults")
    page.locator(f"[name=requested_class][value='{first_class(season['round']).pk}']").check()
    fill_wish(page, 0, "2", "17:00", "21:00", "90", "30", season["hall"])
    fill_wish(page, 1, "4", "18:00", "20:00", "60", "10", season["small"], season["hall"])
    # Another row, without losing what was typed.
    page.locator("button[name=add_row]").click()
    expect(page.locator("fieldset.wish-row")).to_have_count(4)
    expect(page.locator("[name=activity]")).to_have_value("Kuoroharjoitus")
    expect(page.locator("[name=wishes-1-space_2]")).to_have_value(str(season["hall"].pk))
    page.locator("main form button[type=submit]:not([name])").click()

    expect(page.locator("table.application-wishes tbody tr")).to_have_count(2)
    application = Application.objects.get()
    assert application.for_organisation == season["club"]
    second = application.wishes.order_by("position")[1]
    assert [c.space for c in second.space_choices.all()] == [season["small"], season["hall"]]

    page.locator("a[href='/fi/regular-slots/applications/']").first.click()
    expect(page.locator(f"tr[data-application='{application.pk}']")).to_have_count(1)
    page.locator(f"tr[data-application='{application.pk}'] a").click()
    page.locator(f"a[href='/fi/regular-slots/applications/{application.pk}/edit/']").click()
    expect(page.locator("[name=wishes-1-earliest_start]")).to_have_value("18:00")
    page.locator("[name=activity]").fill("Kamarikuoro")
    page.locator("[name=wishes-1-attendees]").fill("14")
    page.locator("main form button[type=submit]:not([name])").click()
    expect(page.locator("h1")).to_contain_text("Kamarikuoro")
    assert application.wishes.order_by("position")[1].attendees == 14


@pytest.mark.parametrize("language", LANGUAGES)
def test_applicant_and_report_pages_have_no_axe_violations(
    page: Page,
    page_problems: Any,
    log_in: Any,
    settings: Any,
    language: str,
    season: dict[str, Any],
    make_member: Any,
) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    application = submit_application(
        actor=season["member"],
        application_round=season["round"],
        for_organisation=season["club"],
        activity="Kuoro",
        age_group="adults",
        requested_class=first_class(season["round"]),
        notes="",
        wishes=[wish(season["hall"]), wish(season["small"], season["hall"], weekday=4)],
    )
    allocate(application.wishes.order_by("position")[0], season["hall"], time(17), time(18, 30))
    problems: list[str] = []

    def sweep(label: str) -> None:
        expect(page.locator("h1"), f"one h1 on {label}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{label}:\n{describe(violations)}")

    log_in(page, season["member"])
    round_pk = season["round"].pk
    for path in (
        "regular-slots/",
        f"regular-slots/{round_pk}/",
        f"regular-slots/{round_pk}/apply/",
        "regular-slots/applications/",
        f"regular-slots/applications/{application.pk}/",
        f"regular-slots/applications/{application.pk}/withdraw/",
    ):
        page.goto(f"/{language}/{path}")
        sweep(f"/{language}/{path}")
    # The form sent back with errors: a half-filled row and a second application of the club.
    page.goto(f"/{language}/regular-slots/{round_pk}/apply/")
    page.locator(f"[name=for_organisation][value='{season['club'].pk}']").check()
    page.locator("[name=activity]").fill("Toinen")
    page.locator("[name=wishes-0-weekday]").select_option("3")
    page.locator("main form button[type=submit]:not([name])").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("[name=activity]")).to_have_value("Toinen")
    sweep("apply form with errors")
    page.locator("[name=age_group]").select_option("adults")
    page.locator(f"[name=requested_class][value='{first_class(season['round']).pk}']").check()
    fill_wish(page, 0, "3", "10:00", "12:00", "60", "5", season["small"])
    page.locator("main form button[type=submit]:not([name])").click()
    expect(page.locator(".error-summary a[href*='/regular-slots/applications/']")).to_be_visible()
    sweep("apply form, already applied")

    log_in(page, make_member(season["city"], role=Role.VIEWER))
    city = season["city"]
    report = f"/{language}/staff/{city.municipality.slug}/{city.slug}/rounds/{round_pk}/report/"
    page.goto(report)
    expect(page.locator("svg.heatmap")).to_be_visible()
    sweep(report)
    assert not problems, "\n".join(problems)
