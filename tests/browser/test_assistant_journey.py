"""Issue #12 done: a resident asks in Swedish how to get the door code and gets the right answer
with a link to My bookings; asks something out of scope and is offered a person; a staff member
on duty takes the conversation in the desk's live chat and answers; the resident sees the answer.
Two browsers (resident and staff) against one live server; axe runs on the pages each sees."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from lampio.assistant.models import Conversation, ConversationState, Exchange
from lampio.assistant.tests.resident_setup import load_seed_knowledge, set_up_desk
from lampio.tenancy.models import Role
from tests.browser.conftest import assert_accessible

ANSWER = "Hej! Passet förnyas hos polisen, men jag hjälper gärna med lokalerna."


@pytest.fixture
def desk_city(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any):
    """Vaasa's feedback desk answers the assistant; one of its staff can go on duty."""
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    load_seed_knowledge()
    city = make_municipality(slug="vaasa", name="Vaasa")
    desk = make_organisation(municipality=city, slug="palvelu")
    set_up_desk(city, desk)
    staff = make_member(desk, role=Role.ADMIN, first_name="Stina")
    return {"city": city, "desk": desk, "staff": staff}


def _staff_page(browser: Browser, live_server: Any, log_in: Any, staff: Any) -> Page:
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    log_in(page, staff)
    return page


def _ask(page: Page, question: str) -> None:
    page.locator("#id_question").fill(question)
    page.locator("main form.assistant-form button[type=submit]").click()


def test_a_resident_is_answered_in_swedish_and_then_by_a_person(
    page: Page, browser: Browser, live_server: Any, log_in: Any, desk_city: Any
) -> None:
    chats = "/sv/staff/vaasa/palvelu/assistant/chats/"
    staff = _staff_page(browser, live_server, log_in, desk_city["staff"])
    staff.goto(chats)
    staff.locator("#duty-form button[value=start]").click()
    expect(staff.locator("#duty-status")).to_have_attribute("data-on-duty", "true")

    # The resident asks on the Swedish assistant page: the answer and its link come in place.
    page.goto("/sv/city/")
    page.get_by_role("button", name="Vaasa").click()
    page.goto("/sv/assistant/")
    assert_accessible(page)
    _ask(page, "Var får jag dörrkoden?")
    link = page.locator("#turn-1 .assistant-answer__link")
    expect(link).to_have_attribute("href", "/sv/bookings/")
    expect(page.locator("#turn-1 .assistant-answer__text")).to_contain_text("passerkod")
    expect(page.locator("#id_question")).to_have_value("")
    assert Exchange.objects.get().entry.key == "access-code"  # type: ignore[union-attr]
    assert_accessible(page)

    # Another city service's question: the assistant says so and offers a person.
    _ask(page, "Hur förnyar jag mitt pass?")
    unsure = page.locator("#turn-2 .assistant-answer--unsure")
    expect(unsure).to_be_visible()
    assert_accessible(page)
    unsure.locator("a[href$='/assistant/person/']").click()

    # The hand-off: someone is on duty, so the conversation opens at once.
    assert_accessible(page)
    page.locator("#id_message").fill("Kan någon hjälpa mig med passet?")
    page.locator("main form.form button[type=submit]").click()
    expect(page.locator("#conversation-status")).to_be_visible()
    expect(page.locator("#conversation-log")).to_contain_text("Hur förnyar jag mitt pass?")
    assert_accessible(page)
    conversation = Conversation.objects.get()
    assert conversation.state == ConversationState.WAITING and conversation.language == "sv"

    # The staff member on duty takes it from the queue and answers.
    staff.goto(chats)
    staff.locator(f"#waiting-list li[data-conversation='{conversation.pk}'] a").click()
    expect(staff.locator("#chat-log")).to_contain_text("Kan någon hjälpa mig med passet?")
    staff.locator("#take-form button[type=submit]").click()
    staff.locator("#reply-form textarea").fill(ANSWER)
    staff.locator("#reply-form button[type=submit]").click()
    expect(staff.locator("#chat-log")).to_contain_text(ANSWER)
    staff.context.close()

    # The resident's page shows the answer without reloading (htmx polls every 3 s).
    expect(page.locator("#conversation-log")).to_contain_text(ANSWER)
    expect(page.locator("#conversation-status")).not_to_contain_text("…")
    page.locator("#id_text").fill("Tack!")
    page.locator("#message-form button[type=submit]").click()
    # Sent with htmx: the poller appends it once, never twice.
    expect(page.locator("#conversation-log li", has_text="Tack!")).to_have_count(1)
    page.wait_for_timeout(3500)
    expect(page.locator("#conversation-log li", has_text="Tack!")).to_have_count(1)
    assert_accessible(page)


def test_the_widget_answers_in_place_on_any_resident_page(page: Page, desk_city: Any) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/fi/")
    width_before = page.evaluate("document.documentElement.scrollWidth")
    widget = page.locator(".assistant-widget")
    widget.locator("summary").click()
    page.locator("#assistant-widget-question").fill("Mistä saan ovikoodin?")
    page.locator("#assistant-widget-question").press("Enter")
    answer = page.locator("#assistant-widget-answer")
    expect(answer.locator(".assistant-answer__link")).to_have_attribute("href", "/fi/bookings/")
    # Nothing of the widget spills sideways on a 320 px screen, and it covers no content.
    box = widget.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= max(width_before, 320)
    assert page.evaluate(
        "getComputedStyle(document.querySelector('.assistant-widget')).position"
    ) in {"static", "relative"}
    assert_accessible(page)


def test_the_widget_works_with_the_keyboard(page: Page, desk_city: Any) -> None:
    page.goto("/en/offerings/")
    summary = page.locator(".assistant-widget summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#assistant-widget-question")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.type("How do I renew my passport?")
    page.keyboard.press("Enter")
    expect(page.locator("#assistant-widget-answer .assistant-answer--unsure")).to_be_visible()
    expect(page.locator("#assistant-widget-answer a[href$='/assistant/person/']")).to_be_visible()
    assert_accessible(page)


def test_without_javascript_the_widget_leads_to_the_answer_on_the_full_page(
    page_without_js: Page, desk_city: Any
) -> None:
    page = page_without_js
    page.goto("/sv/spaces/")
    page.locator(".assistant-widget summary").click()
    page.locator("#assistant-widget-question").fill("Var får jag dörrkoden?")
    page.locator(".assistant-widget button[type=submit]").click()
    assert page.url.endswith("/sv/assistant/#turn-1")
    expect(page.locator("#turn-1 .assistant-answer__link")).to_have_attribute(
        "href", "/sv/bookings/"
    )
    # "Not helpful" as a plain form: the thanks come back on the page.
    page.locator("#turn-1 form[action$='/not-helpful/'] button").click()
    expect(page.locator("#turn-1 .assistant-helpful__thanks")).to_be_visible()
    assert Exchange.objects.get().helpful is False
