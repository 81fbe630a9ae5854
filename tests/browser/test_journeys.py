"""What a person does in the browser: log in, switch language, edit the profile, log out."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from tests.browser.conftest import assert_accessible

PROFILE_HEADING = {"fi": "Oma profiili", "sv": "Min profil", "en": "My profile"}
LOG_OUT = {"fi": "Kirjaudu ulos", "sv": "Logga ut", "en": "Log out"}


@pytest.mark.parametrize(("page_language", "preferred"), [("fi", "sv"), ("sv", "en"), ("en", "fi")])
def test_login_lands_on_the_profile_in_the_preferred_language_then_logout(
    page, make_user, page_language, preferred
):
    person = make_user(preferred_language=preferred, first_name="Elsa")
    page.goto(f"/{page_language}/accounts/login/")
    page.locator("input[name=login]").fill(person.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/{preferred}/profile/$"))
    expect(page.locator("html")).to_have_attribute("lang", preferred)
    expect(page.get_by_role("heading", level=1)).to_have_text(PROFILE_HEADING[preferred])
    assert_accessible(page)

    page.get_by_role("button", name=LOG_OUT[preferred]).click()
    page.goto(f"/{preferred}/profile/")
    expect(page).to_have_url(re.compile(rf"/{preferred}/accounts/login/"))


def test_wrong_password_keeps_the_email_and_says_why_in_the_page_language(page, make_user):
    person = make_user()
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(person.email)
    page.get_by_label("Password").fill("not-the-password")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("not correct")
    expect(page.get_by_label("Email")).to_have_value(person.email)


def test_language_switch_works_without_javascript_and_keeps_the_page(page_without_js, db):
    page = page_without_js
    page.goto("/fi/accessibility/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Saavutettavuusseloste")
    page.get_by_role("button", name="Svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/accessibility/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/accessibility/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")


def test_profile_language_change_without_javascript(page_without_js, log_in, resident):
    page = page_without_js
    log_in(page, resident)
    page.goto("/fi/profile/")
    page.get_by_label("Asiointikieli").select_option("en")
    page.get_by_role("button", name="Tallenna").click()
    # The saved profile is shown in the language just chosen.
    expect(page).to_have_url(re.compile(r"/en/profile/$"))
    expect(page.get_by_role("status")).to_have_text("Your profile was saved.")
    resident.refresh_from_db()
    assert resident.preferred_language == "en"


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page, db):
    page.goto("/fi/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry pääsisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_choosing_a_city_without_javascript(page_without_js, make_organisation, make_municipality):
    page = page_without_js
    city = make_municipality(slug="kuopio", name="Kuopio")
    organisation = make_organisation(municipality=city)
    page.goto("/fi/city/")
    page.get_by_role("button", name="Kuopio").click()
    expect(page).to_have_url(re.compile(r"/fi/$"))
    expect(page.locator("main")).to_contain_text(organisation.name)
    expect(page.get_by_role("navigation", name="Päävalikko")).to_contain_text("Kuopio")


def test_api_docs_render_from_local_files_under_our_csp(page, db):
    page.goto("/api/v1/docs")
    expect(page.get_by_text("/api/v1/auth/token")).to_be_visible()
    # The page fixture fails the test on any console error, CSP refusals included.
