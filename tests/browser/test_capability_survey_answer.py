"""The capability survey "Digitalisation in my work" in the browser: a staff member answers
their organisation's round in Finnish (the follow-up question appears only after "yes"), and
the Swedish page sent empty shows its errors; axe over the page, the errors and the thanks in
Finnish and Swedish.

Locators use ids, names and values, not UI texts, so they keep working as translations arrive.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from lampio.surveys.models import Answer, RoundParticipant, Submission
from lampio.surveys.tests.round_answer_helpers import SKILL_ROWS, make_participant
from tests.browser.conftest import assert_accessible


@pytest.fixture
def participant(make_municipality, make_organisation) -> RoundParticipant:
    city = make_municipality(slug="oulu", name="Oulu")
    return make_participant(make_organisation(municipality=city, slug="kirjasto"))


def test_answering_in_finnish_with_the_follow_up_question(
    page: Page, participant: RoundParticipant
) -> None:
    page.goto(f"/fi/survey/r/{participant.token}/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    follow_up = page.locator("#question-training-usefulness")
    expect(follow_up).to_be_hidden()  # JavaScript hides it until "yes"
    assert_accessible(page)
    page.locator("label[for=id_work-area_0]").click()  # the words choose the answer
    expect(page.locator("#id_work-area_0")).to_be_checked()
    page.locator("input[name=work-role][value=collections]").check()
    for row in SKILL_ROWS:
        page.locator(f"input[name='skills__{row}'][value='4']").check()
    page.locator("input[name=tools-used][value=video-meetings]").check()
    page.locator("input[name=tools-used][value=shared-documents]").check()
    page.locator("input[name=tools-adequate][value='2']").check()
    page.locator("input[name=training-needs][value=ai]").check()
    page.locator("input[name=training-taken][value=yes]").check()
    expect(follow_up).to_be_visible()
    page.locator("input[name=training-taken][value=no]").check()
    expect(follow_up).to_be_hidden()
    page.locator("input[name=training-taken][value=yes]").check()
    expect(follow_up).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=training-usefulness][value='5']").check()
    page.locator("input[name='maturity__data-use'][value='3']").check()
    page.locator("#id_free-text").fill("Lisää aikaa opetteluun.")
    page.locator("button.survey-send").click()
    expect(page.locator("#round-thanks")).to_be_visible()
    assert_accessible(page)
    submission = Submission.objects.get()
    assert (submission.organisation_id, submission.language) == (
        participant.organisation_id,
        "fi",
    )
    values = set(Answer.objects.values_list("question__key", "row_key", "value"))
    assert {("training-usefulness", "", "5"), ("maturity", "data-use", "3")} <= values
    assert ("tools-used", "", "shared-documents") in values


def test_the_swedish_page_shows_its_errors_and_keeps_the_answers(
    page: Page, participant: RoundParticipant
) -> None:
    page.goto(f"/sv/survey/r/{participant.token}/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h1")).to_have_text("Digitaliseringen i mitt arbete")
    assert_accessible(page)
    page.locator("input[name=training-taken][value=yes]").check()
    page.locator("input[name=tools-adequate][value='5']").check()
    page.locator("button.survey-send").click()
    errors = page.locator("#round-errors")
    expect(errors).to_be_focused()  # read out first
    expect(errors.locator("a[href='#id_work-area']")).to_be_visible()
    expect(errors.locator("a[href='#id_training-usefulness']")).to_be_visible()
    expect(page.locator("input[name=tools-adequate][value='5']")).to_be_checked()
    expect(page.locator("#question-training-usefulness")).to_be_visible()
    assert_accessible(page)
    assert not Submission.objects.exists()
