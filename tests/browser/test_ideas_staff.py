"""The staff side of ideas in the browser: staff confirm the router's suggestion and give an
official answer that reaches the author, and every staff page is axe-clean in Finnish and
Swedish (forms also sent back with errors).

Locators use ids, names and data attributes, not UI texts, so they keep working as the
translations arrive.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from lampio.ideas import services
from lampio.ideas.defaults import ensure_states_and_categories
from lampio.ideas.models import (
    Audience,
    Board,
    Campaign,
    Idea,
    IdeaCategory,
    RoutingProfile,
    StrategyTheme,
)
from lampio.notifications.models import Delivery
from lampio.tenancy.models import Role
from tests.browser.conftest import axe_violations, describe

LANGUAGES = ["fi", "sv"]


def submit(page: Page, field: str) -> None:
    """Send the form that `field` belongs to (as its own submit button would)."""
    with page.expect_navigation():
        page.locator(field).evaluate("el => el.form.requestSubmit()")


@pytest.fixture
def ideas_desk(settings: Any, make_municipality, make_organisation, make_user, make_member):
    """Oulu's library with a public board, a campaign and an idea the router sent to the museum;
    the author and a supporter follow it."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    ensure_states_and_categories()  # a transactional test flushes the seeded states
    city = make_municipality(slug="oulu", name="Oulu")
    library = make_organisation(municipality=city, slug="kirjasto")
    museum = make_organisation(municipality=city, slug="museo")
    RoutingProfile.objects.create(organisation=library, responsibilities="Kirjastot, lainaus.")
    RoutingProfile.objects.create(organisation=museum, responsibilities="Museot, näyttelyt.")
    theme = StrategyTheme.objects.create(
        municipality=city, slug="kaikille", name_fi="Kulttuuria kaikille", name_sv="Kultur för alla"
    )
    board = Board.objects.create(
        organisation=library,
        audience=Audience.PUBLIC,
        slug="kirjaston-ideat",
        title_fi="Kirjaston ideat",
        title_sv="Bibliotekets idéer",
    )
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        board=board,
        slug="energia",
        title_fi="Energiansäästö",
        title_sv="Energisparande",
        theme_fi="Energian säästäminen",
        opens_on=today - timedelta(days=3),
        closes_on=today + timedelta(days=30),
    )
    author = make_user(first_name="Aino", last_name="Asukas")
    idea = services.post_idea(
        actor=author,
        board=board,
        draft=services.IdeaDraft(
            title="Soittimia lainaan kirjastosta",
            body="Kirjastosta voisi lainata ukuleleja ja kitaroita kotiin.",
            category=IdeaCategory.objects.get(slug="libraries"),
            campaign=campaign,
        ),
    )
    Idea.objects.filter(pk=idea.pk).update(suggested_organisation=museum)
    idea.suggested_themes.set([theme])
    other = make_user(first_name="Olli", last_name="Osallistuja")
    services.support_idea(actor=other, idea=idea)
    comment = services.add_comment(actor=other, idea=idea, body="Hyvä ajatus!")
    services.report_content(actor=author, idea=idea, comment=comment, reason="off_topic")
    staff = make_member(library, role=Role.ADMIN, first_name="Sanna", last_name="Staff")
    return {
        "library": library,
        "museum": museum,
        "theme": theme,
        "campaign": campaign,
        "idea": idea,
        "comment": comment,
        "author": author,
        "staff": staff,
    }


def test_staff_confirm_the_routing_and_answer_the_idea(page, log_in, ideas_desk):
    idea, museum, theme = ideas_desk["idea"], ideas_desk["museum"], ideas_desk["theme"]
    log_in(page, ideas_desk["staff"])
    page.goto("/fi/staff/oulu/kirjasto/ideas/?routing=pending")
    page.locator(f'tr[data-idea="{idea.pk}"] a').first.click()
    # The router's suggestion is chosen already: staff confirm it as it is.
    expect(page.locator("#id_routing-organisation")).to_have_value(str(museum.pk))
    expect(page.locator(f'#routing-form input[value="{theme.pk}"]')).to_be_checked()
    page.locator("#routing-form button[type=submit]").click()
    expect(page.locator("#routing-confirmed")).to_be_visible()
    idea.refresh_from_db()
    assert idea.organisation == museum and idea.routed_at is not None
    # The official answer with a new state.
    page.locator("#id_answer-answer").fill("Kirjasto hankkii ukuleleja lainaan syksyllä.")
    page.locator("#id_answer-state").select_option("accepted")
    page.locator("#answer-form button[type=submit]").click()
    expect(page.locator("#official-answer")).to_contain_text("ukuleleja lainaan syksyllä")
    expect(page.locator("#idea-state")).to_have_attribute("data-state", "accepted")
    told = Delivery.objects.filter(recipient=ideas_desk["author"], key="ideas.answered")
    assert told.exists()
    assert "ukuleleja lainaan syksyllä" in told.first().body


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_idea_pages_have_no_axe_violations(page, log_in, language, ideas_desk):
    idea, campaign = ideas_desk["idea"], ideas_desk["campaign"]
    log_in(page, ideas_desk["staff"])
    base = f"/{language}/staff/oulu/kirjasto/ideas"
    paths = [
        f"{base}/",
        f"{base}/?routing=pending&state=new",
        f"{base}/?state=nonsense",  # the filter form with an error
        f"{base}/{idea.pk}/",
        f"{base}/moderation/",
        f"{base}/campaigns/",
        f"{base}/campaigns/new/",
        f"{base}/campaigns/{campaign.pk}/",
    ]
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1"), f"one h1 on {path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{path}:\n{describe(violations)}")
    # Forms sent back with errors: an empty answer, a merge into an unknown number, hiding a
    # comment without a reason, a campaign without its Finnish title.
    page.goto(f"{base}/{idea.pk}/")
    submit(page, "#id_answer-answer")
    expect(page.locator("#answer-form .error-summary")).to_have_count(1)
    page.locator("#id_merge-into").fill("999999")
    submit(page, "#id_merge-into")
    expect(page.locator("#id_merge-into")).to_have_value("999999")
    if violations := axe_violations(page):
        problems.append(f"{base}/{idea.pk}/ with errors:\n{describe(violations)}")
    comment = ideas_desk["comment"]
    page.locator(f"#comment-{comment.pk} summary").click()
    submit(page, f"#id_comment-{comment.pk}-note")
    expect(page.locator(f"#comment-{comment.pk} .error-summary")).to_have_count(1)
    if violations := axe_violations(page):
        problems.append(f"{base}/{idea.pk}/ comment with errors:\n{describe(violations)}")
    page.goto(f"{base}/campaigns/new/")
    page.locator("#id_theme_fi").fill("Kesä")
    page.locator("#campaign-form button[type=submit]").click()
    expect(page.locator("#id_theme_fi")).to_have_value("Kesä")
    expect(page.locator("#campaign-form .error-summary")).to_have_count(1)
    if violations := axe_violations(page):
        problems.append(f"{base}/campaigns/new/ with errors:\n{describe(violations)}")
    assert not problems, "\n\n".join(problems)


def test_staff_pages_work_without_javascript(page_without_js, log_in, ideas_desk):
    page = page_without_js
    idea = ideas_desk["idea"]
    log_in(page, ideas_desk["staff"])
    page.goto(f"/fi/staff/oulu/kirjasto/ideas/{idea.pk}/")
    page.locator("#id_state-state").select_option("under-review")
    page.locator("#state-form button[type=submit]").click()
    expect(page.locator("#idea-state")).to_have_attribute("data-state", "under-review")
