"""The assistant's word pages in the browser: axe-clean in Finnish (a form also sent back with
errors), and a "bot whisperer" who tests a question, teaches a new term and sees it hit.

Locators use ids, names and data attributes, not UI texts."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from lampio.assistant.models import Concept, ConceptKind
from lampio.assistant.tests.staff_world import World, make_world
from tests.browser.conftest import axe_violations, describe


@pytest.fixture
def world(settings: Any, make_municipality: Any, make_organisation: Any, make_member: Any) -> World:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    world = make_world(make_municipality, make_organisation, make_member)
    Concept.objects.create(key="code", terms_fi="koodi\nkulkukoodi", terms_sv="kod", note="Koodit")
    Concept.objects.create(key="health", kind=ConceptKind.OUT_OF_SCOPE, terms_fi="lääkär")
    return world


def test_word_pages_have_no_axe_violations(page: Any, log_in: Any, world: World) -> None:
    log_in(page, world.staff)
    words = f"{world.base()}/words"
    paths = [
        f"{words}/",
        f"{words}/?q=koodi",
        f"{words}/?question=Mist%C3%A4+saan+ovikoodin+l%C3%A4%C3%A4k%C3%A4rille%3F",
        f"{words}/new/",
        f"{words}/code/edit/",
    ]
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        expect(page.locator("h1"), f"one h1 on {path}").to_have_count(1)
        if violations := axe_violations(page):
            problems.append(f"{path}:\n{describe(violations)}")
    page.goto(f"{words}/new/")
    page.locator("#id_key").fill("door")
    page.locator("#id_terms_fi").fill("ovi, kulkukoodi")
    page.locator("#concept-form button[type=submit]").click()
    expect(page.locator("#concept-form .error-summary")).to_have_count(1)
    assert page.locator("#id_terms_fi").input_value() == "ovi, kulkukoodi"
    if violations := axe_violations(page):
        problems.append(f"concept_new with errors:\n{describe(violations)}")
    assert not problems, "\n".join(problems)


def test_staff_teach_a_term_and_test_a_question(page: Any, log_in: Any, world: World) -> None:
    log_in(page, world.staff)
    page.goto(f"{world.base()}/")
    page.locator("a[href$='/assistant/words/']").first.click()
    page.locator("#id_question").fill("Missä on sauna?")
    page.locator("#lexicon-test button[type=submit]").click()
    finnish = page.locator("#lexicon-hits tr[data-language='fi']")
    assert "sauna" not in finnish.locator("[data-hits='concepts']").inner_text()
    page.locator("tr[data-concept='code'] a").click()
    page.locator("#id_terms_fi").fill("koodi\nkulkukoodi\nsauna")
    page.locator("#concept-form button[type=submit]").click()
    expect(page.locator(".message--success")).to_have_count(1)
    assert Concept.objects.get(key="code").terms("fi") == ["koodi", "kulkukoodi", "sauna"]
    page.locator("#id_question").fill("Missä on sauna?")
    page.locator("#lexicon-test button[type=submit]").click()
    finnish = page.locator("#lexicon-hits tr[data-language='fi']")
    assert finnish.locator("[data-hits='concepts']").inner_text() == "code"
