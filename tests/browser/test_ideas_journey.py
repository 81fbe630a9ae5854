"""The ideas journey of issue #11, in Finnish and in Swedish: a resident posts an idea in a
campaign and sees a similar idea before sending; another resident supports and comments; the
staff give an official answer and the author is told. Every page on the way is axe-clean.

The staff's answer goes through the service (the staff pages have their own browser tests).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from lampio.ideas import services
from lampio.ideas.models import Idea, IdeaState
from lampio.notifications.models import Delivery
from tests.browser.conftest import assert_accessible
from tests.browser.test_ideas_pages import set_up_ideas

TEXTS = {
    "fi": (
        "Valot pois tyhjistä saloista",
        "Valot palavat tyhjissä saleissa. Liiketunnistimet säästäisivät sähköä.",
        "Hyvä ajatus, tuen!",
    ),
    "sv": (
        "Släck ljuset i tomma salar",
        "Ljuset lyser i tomma salar. Rörelsesensorer skulle spara el.",
        "Bra idé, jag stöder den!",
    ),
}


@pytest.fixture
def ideas(make_municipality, make_organisation, make_user, make_member) -> dict[str, Any]:
    return set_up_ideas(make_municipality, make_organisation, make_user, make_member)


def other_page(browser: Browser, live_server: Any, log_in: Any, person: Any) -> Page:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, person)
    return page


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_post_support_comment_answer_and_notify(
    page: Page,
    browser: Browser,
    live_server: Any,
    log_in: Any,
    ideas: dict[str, Any],
    make_user: Any,
    language: str,
):
    title, body, comment = TEXTS[language]
    author = make_user(first_name="Essi", last_name="Esittäjä", preferred_language=language)
    log_in(page, author)

    # The campaign page leads to the form for this campaign.
    page.goto(f"/{language}/ideas/")
    assert_accessible(page)
    page.locator(f"a[href$='/campaigns/{ideas['campaign'].slug}/']").first.click()
    assert_accessible(page)
    page.locator(f"a[href*='campaign={ideas['campaign'].slug}']").click()
    expect(page.locator("#id_campaign")).to_have_value(ideas["campaign"].slug)

    # Similar ideas first: the existing idea about lights is listed before sending.
    page.locator("#id_title").fill("Valot pois tyhjistä saleista")
    expect(page.locator(f"#similar-{ideas['idea'].pk}")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_title").fill(title)
    page.locator("#id_body").fill(body)
    page.locator("#id_category").select_option("libraries")
    page.locator("#send-idea").click()
    expect(page.locator("h1")).to_have_text(title)
    assert_accessible(page)
    idea = Idea.objects.get(title=title)
    assert idea.campaign == ideas["campaign"] and idea.author == author

    # Another resident supports and comments.
    supporter = make_user(first_name="Tuula", last_name="Tukija", preferred_language=language)
    other = other_page(browser, live_server, log_in, supporter)
    other.goto(f"/{language}/ideas/{idea.pk}/")
    other.locator("#support-button").click()
    expect(other.locator("#idea-participation .idea-supports strong")).to_have_text("1")
    other.locator("#id_body").fill(comment)
    other.locator(".idea-comment-form button[type=submit]").click()
    expect(other.locator(".idea-comment").last).to_contain_text(comment)
    assert_accessible(other)
    other.context.close()

    # The staff answer officially; the author (and the supporter, who follows) are told.
    mail.outbox.clear()
    answer = "Kirjasto asentaa liiketunnistimet saleihin syksyllä."
    services.answer_idea(
        actor=ideas["staff"], idea=idea, answer=answer, state=IdeaState.objects.get(slug="accepted")
    )
    delivered = Delivery.objects.filter(recipient=author, key="ideas.answered")
    assert delivered.exists()
    assert delivered.first().language == language  # type: ignore[union-attr]
    assert any(author.email in message.to for message in mail.outbox)
    assert Delivery.objects.filter(recipient=supporter, key="ideas.answered").exists()

    # The author sees the answer at the top of the idea.
    page.goto(f"/{language}/ideas/{idea.pk}/")
    expect(page.locator("#official-answer")).to_contain_text(answer)
    expect(page.locator(".idea-supports strong")).to_have_text("1")
    assert_accessible(page)
    page.goto(f"/{language}/ideas/mine/")
    expect(page.locator(f"#idea-{idea.pk}-title")).to_be_visible()
    assert_accessible(page)
