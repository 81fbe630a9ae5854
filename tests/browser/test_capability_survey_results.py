"""Survey results in the browser: a member of Oulu's library opens the insights, finds the
autumn round, compares it with the spring round and sees the change for their own library,
Lahti as a whole, and Oulu hidden (the museum next door answered only a few times); the list
and the results are axe-clean in Finnish and Swedish.

Answers are made directly (lampio/insights/tests/survey_results_data.py): Oulu's library 10,
museum 2 then 3; Lahti's hall 8 then 9 and theatre 6 then 7.
"""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from lampio.insights.tests.survey_results_data import build_world
from tests.browser.conftest import assert_accessible


def test_oulu_staff_compare_two_rounds_with_a_small_group_hidden(
    page: Page,
    log_in: Any,
    settings: Any,
    make_municipality: Any,
    make_organisation: Any,
    make_member: Any,
    make_user: Any,
) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.LAMPIO_INSIGHTS_THRESHOLD = 5
    world = build_world(make_municipality, make_organisation, make_member, make_user)
    log_in(page, world.librarian)

    page.goto("/fi/staff/insights/")
    page.locator("a[href$='/staff/insights/surveys/']").click()
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    page.get_by_role("link", name="Syksy").click()
    expect(page.locator("h1")).to_have_text("Syksy")

    # The filters: compare with spring, skills only (a GET form, no JavaScript needed).
    page.locator("#id_compare").select_option(str(world.spring.pk))
    page.locator("#id_theme").select_option("skills")
    page.locator("form.insight-filters button[type=submit]").click()
    expect(page).to_have_url(
        re.compile(rf"/fi/staff/insights/surveys/{world.autumn.pk}/\?.*compare=")
    )
    section = page.locator("section.insight", has=page.locator("h3", has_text="confident"))
    expect(section.locator("svg[role=img]")).to_have_count(1)
    table = section.locator("table")
    own = table.locator("tr.insight-table__own")
    expect(own.first.locator("th")).to_contain_text(world.library.name)
    # Mean 3,2 now, 2,0 in spring: the change is shown beside it.
    expect(own.first.locator("td").last).to_have_text("+1,2")
    oulu = table.locator("tbody tr", has=page.locator("th", has_text="Oulu"))
    expect(oulu.locator("td").first).to_contain_text("< 5")
    expect(oulu.locator("td.is-suppressed")).to_have_count(2)  # no count, no figures
    lahti = table.locator("tbody tr", has=page.locator("th", has_text="Lahti"))
    expect(lahti.locator("td").first).to_have_text("16")
    expect(table).not_to_contain_text(world.museum.name)
    expect(table).not_to_contain_text(world.hall.name)
    assert_accessible(page)

    for path in ("staff/insights/surveys/", f"staff/insights/surveys/{world.autumn.pk}/"):
        page.goto(f"/sv/{path}")
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
