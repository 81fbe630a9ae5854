"""Survey rounds in the browser (helper B): a city's staff member runs the capability
questionnaire for their organisation, gets its anonymous link and QR code, and the builder's and
round's pages pass axe in Finnish and Swedish (with the new-round form sent back with errors).

Locators use ids, names and values, not UI texts, so they keep working as translations arrive.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from lampio.surveys.models import QuestionnaireVersion, Round
from lampio.surveys.tests.engine_factories import published_questionnaire
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

SEEDED = "digitalisation-in-my-work"


@pytest.fixture
def city_staff(settings, make_municipality, make_organisation, make_member, make_user):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    oulu = make_municipality(slug="oulu", name="Oulu")
    library = make_organisation(municipality=oulu, slug="kirjasto")
    # The seed migration's questionnaire, or (once a transactional test flushed it) our own.
    version = QuestionnaireVersion.objects.filter(
        questionnaire__key=SEEDED, published_at__isnull=False
    ).first() or published_questionnaire(make_user(is_network_admin=True), None, key=SEEDED)
    return {"staff": make_member(library, role=Role.STAFF), "library": library, "version": version}


def test_city_staff_runs_a_round_and_shares_its_link(page: Page, log_in, city_staff) -> None:
    library, version = city_staff["library"], city_staff["version"]
    log_in(page, city_staff["staff"])
    page.goto("/fi/staff/surveys/rounds/new/")
    expect(page.locator("#round-form")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_version").select_option(str(version.pk))
    page.locator("#id_organiser").select_option(str(library.pk))
    page.locator("#id_title_fi").fill("Digitaidot työssä, kevät")
    page.locator("#id_title_sv").fill("Digitala färdigheter i arbetet, våren")
    # Sent without a participating organisation: the form comes back with the input kept.
    page.locator("#round-form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_title_fi")).to_have_value("Digitaidot työssä, kevät")
    assert_accessible(page)
    page.locator(f"#id_organisations_{library.pk}").check()
    page.locator("#round-form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Digitaidot työssä, kevät")
    participant = Round.objects.get().participants.get()
    link = page.locator(f"#link-{participant.pk}")
    expect(link).to_have_value(f"{page.url.split('/fi/')[0]}/fi/survey/r/{participant.token}/")
    expect(page.locator(f"#participant-{participant.pk} svg.qr-code")).to_be_visible()
    assert_accessible(page)
    page.goto(page.url.replace("/fi/", "/sv/"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Digitala färdigheter i arbetet, våren")
    assert_accessible(page)
    # The lists, and the questionnaire's published version as the organisation's staff see it.
    for language in ("fi", "sv"):
        page.goto(f"/{language}/staff/surveys/rounds/")
        expect(page.locator("#round-table")).to_be_visible()
        assert_accessible(page)
        page.goto(f"/{language}/staff/surveys/questionnaires/")
        expect(page.locator("#questionnaire-form")).to_be_visible()
        assert_accessible(page)
        page.goto(f"/{language}/staff/surveys/versions/{version.pk}/")
        expect(page.locator("#question-list")).to_be_visible()
        assert_accessible(page)
        page.goto(f"/{language}/staff/surveys/questionnaires/{version.questionnaire_id}/")
        expect(page.locator("#version-table")).to_be_visible()
        assert_accessible(page)
