"""The roadmap and the maturity self-assessment in the browser: a network admin creates an
initiative with an indicator, records a value and finds it on the timeline; Oulu's staff fill in
their self-assessment (first sent back for a missing dimension) and see it on the heat map.
Every page on the way is axe-clean in Finnish and Swedish.

Locators use ids, names and data attributes, not UI texts, so they keep working as the
translations arrive.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.capability.defaults import ensure_maturity_dimensions
from lampio.capability.models import Initiative, MaturityDimension, SelfAssessment
from lampio.tenancy.models import Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv"]


def _sweep(page: Page, paths: list[str]) -> list[str]:
    problems = []
    for language in LANGUAGES:
        for path in paths:
            page.goto(f"/{language}/{path}")
            expect(page.locator("h1")).to_have_count(1)
            if violations := axe_violations(page):
                problems.append(f"/{language}/{path}:\n{describe(violations)}")
    return problems


def test_roadmap_and_self_assessment_journeys(
    page: Page, log_in, settings: Any, make_municipality, make_organisation, make_member, make_user
):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    ensure_maturity_dimensions()  # a transactional test flushes the seeded dimensions
    oulu = make_municipality(slug="oulu", name="Oulu")
    services = make_organisation(municipality=oulu, slug="kulttuuripalvelut")
    year = timezone.localdate().year

    # The network admin plans an initiative, gives it an indicator and records a value.
    log_in(page, make_user(is_network_admin=True))
    page.goto("/fi/staff/capability/roadmap/new/")
    page.fill("#id_title_fi", "Yhteinen tilavarausjärjestelmä")
    page.fill("#id_title_sv", "Gemensamt bokningssystem")
    page.fill("#id_owner_name", "Verkoston koordinaattori")
    page.select_option("#id_compass_point", "infrastructure")
    page.select_option("#id_status", "in_progress")
    page.fill("#id_starts_on", f"{year - 1}-03-01")
    page.fill("#id_ends_on", f"{year + 1}-12-31")
    page.check(f"input[name='municipalities'][value='{oulu.pk}']")
    page.locator("#initiative-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Yhteinen tilavarausjärjestelmä")
    initiative = Initiative.objects.get()
    page.locator("#indicator-new").click()
    page.fill("#id_name_fi", "Verkossa varattavat tilat")
    page.fill("#id_unit", "%")
    page.fill("#id_baseline", "35")
    page.fill("#id_target", "90")
    page.locator("#indicator-form button[type=submit]").click()
    page.locator("a[href*='/values/new/']").click()
    page.fill("#id_measured_on", f"{year}-01-31")
    page.fill("#id_value", "62")
    page.locator("#measurement-form button[type=submit]").click()
    expect(page.locator("progress")).to_have_attribute("value", "49")
    expect(page.locator(".cap-values tbody tr")).to_have_count(1)
    page.goto("/fi/staff/capability/roadmap/timeline/")
    expect(page.locator(f"tr[data-initiative='{initiative.pk}']")).to_contain_text(
        "Yhteinen tilavarausjärjestelmä"
    )
    expect(page.locator("#roadmap-timeline .cap-chart__today")).to_have_count(1)
    problems = _sweep(
        page,
        [
            "staff/capability/roadmap/",
            f"staff/capability/roadmap/{initiative.pk}/",
            f"staff/capability/roadmap/{initiative.pk}/edit/",
            f"staff/capability/roadmap/{initiative.pk}/indicators/new/",
            "staff/capability/roadmap/timeline/",
            "staff/capability/roadmap/report/",
        ],
    )

    # Oulu's staff assess themselves: a missing dimension sends the form back, then it goes.
    page.context.clear_cookies()
    log_in(page, make_member(services, role=Role.STAFF))
    page.goto("/fi/staff/capability/maturity/oulu/kulttuuripalvelut/")
    page.locator("#start-assessment").click()
    expect(page.locator("#assessment-form")).to_be_visible()
    keys = list(MaturityDimension.objects.values_list("key", flat=True))
    for key in keys[:-1]:
        page.check(f"input[name='level_{key}'][value='3']")
    page.select_option("#id_target_strategy", "4")
    page.fill("#id_evidence_strategy", "Digitiekartta hyväksyttiin lautakunnassa.")
    page.locator("#submit-assessment").click()
    expect(page.locator("#assessment-errors")).to_be_visible()
    draft = SelfAssessment.objects.get()
    assessment_path = f"staff/capability/maturity/oulu/kulttuuripalvelut/assessments/{draft.pk}/"
    for language in LANGUAGES:  # the form sent back with its error, in both languages
        page.goto(f"/{language}/{assessment_path}")
        page.check(f"input[name='level_{keys[0]}'][value='2']")
        page.locator("#submit-assessment").click()
        expect(page.locator("#assessment-errors")).to_be_visible()
        if violations := axe_violations(page):
            problems.append(f"/{language}/{assessment_path} with errors:\n{describe(violations)}")
    page.check(f"input[name='level_{keys[-1]}'][value='2']")
    page.locator("#submit-assessment").click()
    expect(page.locator(f"#assessment-{draft.pk}")).to_be_visible()
    page.goto("/fi/staff/capability/maturity/")
    expect(page.locator("tr[data-organisation='kulttuuripalvelut'] .heat__level")).to_have_count(
        len(keys)
    )
    problems += _sweep(
        page,
        [
            "staff/capability/",
            "staff/capability/maturity/",
            "staff/capability/maturity/oulu/kulttuuripalvelut/",
            assessment_path,
        ],
    )
    assert not problems, "\n".join(problems)
