"""The assistant's staff pages in the browser: every page axe-clean in Finnish (forms also sent
back with errors), and a "bot whisperer" who edits an answer, adds a paraphrase and previews.

Locators use ids, names and data attributes, not UI texts, so they keep working as the
translations arrive.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from lampio.assistant.models import (
    ConversationMessage,
    KnowledgeEntry,
    Paraphrase,
    ParaphraseSource,
    Sender,
)
from lampio.assistant.tests.staff_world import (
    World,
    make_conversation,
    make_exchange,
    make_world,
)
from tests.browser.conftest import axe_violations, describe


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    return make_world(make_municipality, make_organisation, make_member)


def test_assistant_staff_pages_have_no_axe_violations(page: Any, log_in: Any, world: World) -> None:
    exchange = make_exchange(world.city, "Koodi ei toimi ovella")
    make_exchange(None, "Saako salissa syödä?", candidates=[])
    conversation = make_conversation(world.desk, language="fi")
    log_in(page, world.staff)
    base = world.base()
    paths = [
        f"{base}/",
        f"{base}/?q=koodi&published=yes",
        f"{base}/knowledge/new/",
        f"{base}/knowledge/access-code/",
        f"{base}/knowledge/access-code/answer/",
        f"{base}/knowledge/access-code/preview/",
        f"{base}/knowledge/access-code/preview/?question=Mist%C3%A4+saan+koodin%3F&language=fi",
        f"{base}/knowledge/sauna/preview/?question=sauna",
        f"{base}/review/",
        f"{base}/chats/",
        f"{base}/chats/{conversation.pk}/",
    ]
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1"), f"one h1 on {path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{path}:\n{describe(violations)}")
    # Forms sent back with errors: a taken identifier, a duplicate paraphrase, a question
    # another entry already has, an empty chat answer.
    page.goto(f"{base}/knowledge/new/")
    page.locator("#id_key").fill("access-code")
    page.locator("#id_topic").fill("spaces")
    page.locator("#id_title_fi").fill("Kopio")
    page.locator("#id_answer_fi").fill("Kopio")
    page.locator("#entry-form button[type=submit]").click()
    expect(page.locator("#entry-form .error-summary")).to_have_count(1)
    assert page.locator("#id_title_fi").input_value() == "Kopio"
    if violations := axe_violations(page):
        problems.append(f"entry_new with errors:\n{describe(violations)}")
    page.goto(f"{base}/knowledge/access-code/")
    page.locator("#id_fi-text").fill("Mistä saan ovikoodin?")
    page.locator("#add-fi button[type=submit]").click()
    expect(page.locator("#add-fi .error-summary")).to_have_count(1)
    assert page.locator("#id_fi-text").input_value() == "Mistä saan ovikoodin?"
    if violations := axe_violations(page):
        problems.append(f"paraphrase_add with errors:\n{describe(violations)}")
    page.goto(f"{base}/review/")
    row = page.locator(f"tr[data-exchange='{exchange.pk}']")
    row.locator("select").select_option("book-space")
    Paraphrase.objects.create(
        entry=world.access_code,
        language="fi",
        text="Koodi ei toimi ovella",
        source=ParaphraseSource.STAFF,
    )
    row.locator("form[action$='/teach/'] button[type=submit]").click()
    expect(page.locator("#review-errors")).to_have_count(1)
    if violations := axe_violations(page):
        problems.append(f"review with errors:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_staff_edit_an_answer_add_a_paraphrase_and_preview(
    page: Any, log_in: Any, world: World
) -> None:
    log_in(page, world.staff)
    page.goto("/fi/staff/oulu/palaute/")
    page.locator("a[href$='/staff/oulu/palaute/assistant/']").click()
    page.locator("#id_q").fill("ovikoodi")
    page.locator("#entry-filter button[type=submit]").click()
    rows = page.locator("#entry-table tbody tr")
    # The filter may swap the table in place (htmx): wait for the answer, do not sample it.
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-entry", "access-code")
    rows.first.locator("a").first.click()
    # Edit the Swedish answer in its own fieldset.
    swedish = page.locator("#fieldset-sv #id_answer_sv")
    swedish.fill("Koden står i bokningsbekräftelsen och på sidan Mina bokningar.")
    page.locator("#entry-form button[type=submit]").click()
    expect(page.locator(".message--success")).to_have_count(1)
    entry = KnowledgeEntry.objects.get(key="access-code")
    assert entry.answer_sv.startswith("Koden står i bokningsbekräftelsen")
    assert entry.updated_by == world.staff
    # Teach a new Swedish way of asking.
    page.locator("#id_sv-text").fill("Hur  får jag   passerkoden?")
    page.locator("#add-sv button[type=submit]").click()
    swedish_list = page.locator("section[data-language='sv'] li")
    expect(swedish_list).to_have_count(2)
    assert Paraphrase.objects.filter(
        entry=entry, language="sv", text="Hur får jag passerkoden?"
    ).exists()
    # Preview: the Swedish answer as residents see it, and how a test question ranks.
    page.locator("#preview-link").click()
    assert "bokningsbekräftelsen" in page.locator("#answer-sv").locator("..").inner_text()
    page.locator("#id_question").fill("Hur får jag passerkoden?")
    page.locator("#id_language").select_option("sv")
    page.locator("#preview-form button[type=submit]").click()
    assert page.locator("#ranking tbody tr").first.get_attribute("data-entry") == "access-code"
    expect(page.locator("#preview-result [data-outcome]")).to_have_count(1)


def test_staff_take_and_answer_a_chat_as_new_messages_arrive(
    page: Any, log_in: Any, world: World
) -> None:
    conversation = make_conversation(world.desk)
    log_in(page, world.staff)
    page.goto(f"{world.base()}/chats/")
    page.locator("#duty-form button[value=start]").click()
    assert page.locator("#duty-status").get_attribute("data-on-duty") == "true"
    page.locator(f"#waiting-list [data-conversation='{conversation.pk}'] a").click()
    expect(page.locator("#chat-log [data-sender=assistant]")).to_have_count(1)
    page.locator("#take-form button[type=submit]").click()
    # htmx polls the transcript: a message the resident sends now appears without a reload.
    ConversationMessage.objects.create(
        conversation=conversation, sender=Sender.RESIDENT, text="Hallå, är det någon där?"
    )
    page.locator("#chat-log [data-sender=resident]").nth(1).wait_for()
    assert "Hallå" in page.locator("#chat-log").inner_text()
    page.locator("#id_text").fill("Hej! Koden finns i bokningsbekräftelsen.")
    page.locator("#reply-form button[type=submit]").click()
    expect(page.locator("#chat-log [data-sender=staff]")).to_have_count(1)
    page.locator("#close-form button[type=submit]").click()
    conversation.refresh_from_db()
    assert conversation.state == "closed" and conversation.taken_by == world.staff
