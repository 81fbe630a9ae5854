"""Residents' idea pages in the browser: axe over every page in Finnish, Swedish and English
(the form also with errors and with similar ideas shown, as htmx shows them and as the server
renders them without JavaScript); the form and supporting without JavaScript; htmx swaps.

Locators use ids, names and classes, not UI texts, so they keep working as translations arrive.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.ideas import services
from lampio.ideas.defaults import ensure_states_and_categories
from lampio.ideas.models import Audience, Board, Campaign, Idea, IdeaCategory, IdeaState
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

LANGUAGES = ["fi", "sv", "en"]


def seeded() -> None:
    """A transactional test flushes the states and categories the migration seeded."""
    ensure_states_and_categories()


@pytest.fixture
def ideas(make_municipality, make_organisation, make_user, make_member) -> dict[str, Any]:
    return set_up_ideas(make_municipality, make_organisation, make_user, make_member)


def set_up_ideas(
    make_municipality: Any, make_organisation: Any, make_user: Any, make_member: Any
) -> dict[str, Any]:
    """Oulu's library: a public board with an open energy campaign and one idea in it."""
    seeded()
    city = make_municipality(slug="oulu", name="Oulu")
    library = make_organisation(municipality=city, slug="kirjasto")
    board = Board.objects.create(
        organisation=library,
        audience=Audience.PUBLIC,
        slug="kirjaston-ideat",
        title_fi="Kirjaston ideat",
        title_sv="Bibliotekets idéer",
        title_en="Library ideas",
        description_fi="Ideoita kirjaston palveluihin.",
    )
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        board=board,
        slug="energia",
        title_fi="Energiansäästö",
        title_sv="Energisparande",
        title_en="Saving energy",
        theme_fi="Energian säästäminen kulttuuritaloissa",
        theme_sv="Energisparande i kulturhusen",
        theme_en="Saving energy in culture houses",
        description_fi="Miten kirjasto voisi säästää energiaa?",
        opens_on=today - timedelta(days=3),
        closes_on=today + timedelta(days=30),
    )
    author = make_user(first_name="Aino", last_name="Asukas")
    idea = services.post_idea(
        actor=author,
        board=board,
        draft=services.IdeaDraft(
            title="Valot pois tyhjistä saleista",
            body="Liiketunnistimet sammuttaisivat valot tyhjistä saleista ja säästäisivät sähköä.",
            category=IdeaCategory.objects.get(slug="libraries"),
            campaign=campaign,
            show_name=True,
        ),
    )
    other = make_user(first_name="Olli", last_name="Osallistuja")
    services.support_idea(actor=other, idea=idea)
    services.add_comment(actor=other, idea=idea, body="Hyvä ajatus!", show_name=True)
    staff = make_member(library, role=Role.STAFF, first_name="Sanna", last_name="Staff")
    return {
        "board": board,
        "campaign": campaign,
        "idea": idea,
        "author": author,
        "other": other,
        "staff": staff,
    }


def new_idea_url(language: str, ideas: dict[str, Any]) -> str:
    return f"/{language}/ideas/new/?board={ideas['board'].slug}&campaign={ideas['campaign'].slug}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_reading_pages_have_no_axe_violations(page: Page, language: str, ideas, log_in):
    idea: Idea = ideas["idea"]
    services.answer_idea(
        actor=ideas["staff"],
        idea=idea,
        answer="Kirjasto asentaa liiketunnistimet syksyllä.",
        state=IdeaState.objects.get(slug="accepted"),
    )
    for path in (
        "/ideas/",
        "/ideas/?q=valot&sort=supported",
        f"/ideas/boards/{ideas['board'].slug}/",
        f"/ideas/boards/{ideas['board'].slug}/campaigns/{ideas['campaign'].slug}/",
        f"/ideas/{idea.pk}/",
    ):
        page.goto(f"/{language}{path}")
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    expect(page.locator("#official-answer")).to_be_visible()
    # Logged in: the participation forms, replies, my ideas, the report form.
    log_in(page, ideas["other"])
    page.goto(f"/{language}/ideas/{idea.pk}/")
    expect(page.locator("#support-button")).to_be_visible()
    page.locator(".idea-reply summary").first.click()
    assert_accessible(page)
    for path in ("/ideas/mine/", f"/ideas/{idea.pk}/report/", "/ideas/new/"):
        page.goto(f"/{language}{path}")
        assert_accessible(page)
    page.goto(f"/{language}/ideas/{idea.pk}/report/")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".errorlist")).to_be_attached()
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_idea_form_with_errors_and_similar_ideas(page: Page, language: str, ideas, log_in):
    log_in(page, ideas["author"])
    page.goto(new_idea_url(language, ideas))
    assert_accessible(page)
    # Sent empty: the error summary, the fields marked.
    page.locator("#send-idea").click()
    expect(page.locator("#idea-errors")).to_be_visible()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    # Typing shows the similar ideas (htmx) in the live region.
    page.locator("#id_title").fill("Valot pois tyhjistä saleista")
    page.locator("#id_body").fill("Liiketunnistimet sammuttavat valot")
    expect(page.locator("#similar-ideas a")).to_have_count(1)
    expect(page.locator("#similar-ideas .similar-support")).to_be_visible()
    assert_accessible(page)
    # "Check for similar ideas" posts the form as it does without JavaScript.
    page.locator("#check-similar").click()
    expect(page.locator(f"#similar-{ideas['idea'].pk}")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value("Liiketunnistimet sammuttavat valot")
    assert_accessible(page)


def test_the_idea_form_without_javascript(page_without_js: Page, ideas, log_in):
    # axe needs JavaScript: the same server-rendered states are checked in the test above.
    page = page_without_js
    log_in(page, ideas["author"])
    page.goto(new_idea_url("fi", ideas))
    page.locator("#id_title").fill("Valot pois tyhjistä saleista")
    page.locator("#id_body").fill("Liiketunnistimet sammuttavat valot")
    page.locator("#check-similar").click()
    expect(page.locator(f"#similar-{ideas['idea'].pk}")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value("Liiketunnistimet sammuttavat valot")
    # Sending with errors keeps the text; then sending for real posts the idea.
    page.locator("#send-idea").click()
    expect(page.locator("#idea-errors")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Valot pois tyhjistä saleista")
    page.locator("#id_category").select_option("libraries")
    page.locator("#send-idea").click()
    expect(page.locator(".idea-supports")).to_be_visible()
    assert Idea.objects.count() == 2


def test_supporting_a_similar_idea_instead_without_javascript(page_without_js: Page, ideas, log_in):
    page = page_without_js
    newcomer = ideas["staff"]  # anyone who may take part
    log_in(page, newcomer)
    page.goto(new_idea_url("fi", ideas))
    page.locator("#id_title").fill("Valot pois tyhjistä saleista")
    page.locator("#check-similar").click()
    page.locator(".similar-support").first.click()
    expect(page.locator("#support-button")).to_be_visible()
    assert ideas["idea"].supports.filter(person=newcomer).exists()
    assert Idea.objects.count() == 1


def test_support_and_follow_swap_in_place_with_htmx(page: Page, ideas, log_in):
    log_in(page, ideas["staff"])
    page.goto(f"/en/ideas/{ideas['idea'].pk}/")
    page.locator("#support-button").click()
    expect(page.locator("#idea-participation .idea-supports strong")).to_have_text("2")
    expect(page.locator("#support-button")).to_be_focused()
    # Supporting follows; the button now stops following, and then offers following again.
    expect(page.locator("#idea-participation form[action$='/unfollow/']")).to_be_visible()
    page.locator("#follow-button").click()
    expect(page.locator("#idea-participation form[action$='/follow/']")).to_be_visible()
    expect(page.locator("#follow-button")).to_be_focused()
    assert not ideas["idea"].follows.filter(person=ideas["staff"]).exists()
    assert_accessible(page)


def test_filters_swap_the_results_with_htmx(page: Page, ideas):
    page.goto("/sv/ideas/")
    page.locator("#filter-q").fill("ingenting sådant")
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator("#idea-results .idea-card")).to_have_count(0)
    page.locator("#filter-q").fill("")
    page.locator("#filter-campaign").select_option(str(ideas["campaign"].pk))
    page.locator("form[role=search] button[type=submit]").click()
    expect(page.locator("#idea-results .idea-card")).to_have_count(1)
    assert "campaign=" in page.url
    assert_accessible(page)
