"""The public answer page of a survey round: the form, errors that keep the input, conditions
without JavaScript, closed rounds, unknown links, and that nothing personal is kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import formats, timezone, translation

from lampio.surveys.models import Answer, RoundParticipant, Submission
from lampio.surveys.tests.round_answer_helpers import (
    as_post,
    complete_answers,
    make_participant,
)
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def participant(make_organisation: Callable[..., Organisation]) -> RoundParticipant:
    return make_participant(make_organisation())


def answer_url(participant: RoundParticipant, language: str = "fi") -> str:
    with translation.override(language):
        return reverse("surveys:round_answer", kwargs={"round_token": participant.token})


def test_the_page_shows_the_questions_by_theme_and_the_anonymity_notice(
    client: Any, participant: RoundParticipant
) -> None:
    response = client.get(answer_url(participant, "en"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    assert "<h1>Digitalisation in my work</h1>" in page
    assert "Your answers are anonymous" in page and "at least 5 people" in page
    assert participant.organisation.name_fi in page  # whose link this is (no English name)
    for heading in ("Background", "Skills", "Tools", "Attitudes", "Training needs"):
        assert f'<h2 class="round-theme">{heading}</h2>' in page
    # Without JavaScript the follow-up question is there, with its condition in words.
    assert "Answer only if you answered “Yes” to question 14." in page
    assert 'data-show-if="training-taken" data-show-values="yes"' in page
    assert "surveys/round_answer.js" in page and "<script>" not in page
    assert page.count("<legend>") >= 18 and "Strongly agree" in page
    assert 'name="skills__video-meetings"' in page and 'maxlength="2000"' in page


def test_answering_stores_one_submission_and_thanks(
    client: Any, participant: RoundParticipant
) -> None:
    response = client.post(answer_url(participant, "sv"), as_post(complete_answers()))
    thanks = reverse("surveys:round_thanks", kwargs={"round_token": participant.token})
    assert response.status_code == 302
    assert response["Location"].endswith(thanks.removeprefix("/fi"))
    submission = Submission.objects.get()
    assert (submission.organisation_id, submission.language) == (participant.organisation_id, "sv")
    assert submission.answers.count() == 28
    page = client.get(response["Location"]).content.decode()  # still in Swedish
    assert 'id="round-thanks"' in page
    with translation.override("sv"):
        assert formats.date_format(participant.round.closes_on) in page  # results appear then


def test_errors_keep_the_input_and_link_to_the_questions(
    client: Any, participant: RoundParticipant
) -> None:
    answers = complete_answers()
    answers.pop("training-usefulness")
    answers.pop("work-role")
    answers["skills"] = {"video-meetings": "5"}
    with translation.override("en"):
        response = client.post(answer_url(participant, "en"), as_post(answers))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your answers were not sent yet" in page
    assert 'href="#id_training-usefulness"' in page and 'href="#id_work-role"' in page
    assert 'href="#id_skills__cloud-documents"' in page
    assert "Please answer this question." in page
    assert 'value="library" id="id_work-area_0" checked' in page
    assert 'value="5" id="id_skills__video-meetings_4" checked' in page
    assert "Aikaa opetteluun tarvittaisiin lisää.</textarea>" in page
    assert not Submission.objects.exists()


def test_an_answer_to_a_hidden_question_is_dropped(
    client: Any, participant: RoundParticipant
) -> None:
    answers = complete_answers() | {"training-taken": "no", "training-usefulness": "1"}
    assert client.post(answer_url(participant), as_post(answers)).status_code == 302
    assert not Answer.objects.filter(question__key="training-usefulness").exists()
    assert Answer.objects.filter(question__key="training-taken", value="no").exists()


def test_a_closed_or_not_yet_open_round_says_so_with_its_dates(
    client: Any, make_organisation: Callable[..., Organisation]
) -> None:
    today = timezone.localdate()
    closed = make_participant(
        make_organisation(), opens_on=date(2025, 1, 10), closes_on=date(2025, 1, 31)
    )
    early = make_participant(
        make_organisation(),
        opens_on=today + timedelta(days=5),
        closes_on=today + timedelta(days=20),
    )
    with translation.override("en"):
        gone = client.get(answer_url(closed, "en"))
        posted = client.post(answer_url(closed, "en"), as_post(complete_answers()))
        waiting = client.get(answer_url(early, "en"))
    assert gone.status_code == posted.status_code == 410
    assert "from Jan. 10, 2025 to Jan. 31, 2025 and has now closed" in gone.content.decode()
    assert waiting.status_code == 200
    assert "This survey is not open yet" in waiting.content.decode()
    for response in (gone, waiting):
        assert 'name="work-area"' not in response.content.decode()
    assert not Submission.objects.exists()


def test_an_unknown_link_is_not_found(client: Any, participant: RoundParticipant) -> None:
    assert client.get("/fi/survey/r/not-a-real-token/").status_code == 404
    assert client.post("/fi/survey/r/not-a-real-token/", {}).status_code == 404
    assert client.get("/fi/survey/r/not-a-real-token/thanks/").status_code == 404


def test_nothing_links_an_answer_to_the_person(
    client: Any, participant: RoundParticipant, resident: Any
) -> None:
    client.force_login(resident)  # even a logged-in person's answer names nobody
    session_before = dict(client.session.items())
    response = client.post(
        answer_url(participant), as_post(complete_answers()), REMOTE_ADDR="192.0.2.44"
    )
    assert response.status_code == 302
    assert dict(client.session.items()) == session_before  # the session learnt nothing
    submission_fields = {field.name for field in Submission._meta.get_fields()}
    assert submission_fields == {
        "id",
        "round",
        "organisation",
        "submitted_on",
        "language",
        "answers",
    }
    answer_fields = {field.name for field in Answer._meta.get_fields()}
    assert answer_fields == {"id", "submission", "question", "row_key", "value", "text"}
    assert "192.0.2.44" not in str(list(Answer.objects.values()))


def test_a_new_visitor_gets_no_session(client: Any, participant: RoundParticipant) -> None:
    client.get(answer_url(participant))
    response = client.post(answer_url(participant), as_post(complete_answers()))
    assert response.status_code == 302
    assert "sessionid" not in response.cookies and "sessionid" not in client.cookies


def test_the_language_switch_keeps_the_link(client: Any, participant: RoundParticipant) -> None:
    response = client.post(
        reverse("set_language"), {"language": "sv", "next": answer_url(participant, "fi")}
    )
    assert response.status_code == 302
    assert response["Location"] == answer_url(participant, "sv")
    assert client.get(response["Location"]).status_code == 200


def test_posts_are_rate_limited(client: Any, participant: RoundParticipant) -> None:
    cache.clear()
    statuses = [client.post(answer_url(participant), {}).status_code for _ in range(21)]
    assert statuses[:20] == [200] * 20 and statuses[20] == 429
    assert client.get(answer_url(participant)).status_code == 200  # reading is never limited
    cache.clear()
