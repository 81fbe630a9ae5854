"""Answering a survey round: validation against each question, conditions, open and closed
rounds, and what a submission keeps (nothing about the person)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.utils import timezone, translation

from lampio.core.errors import NotFound
from lampio.surveys.engine import answer_selectors
from lampio.surveys.engine.answering import (
    InvalidAnswers,
    RoundClosed,
    RoundNotOpenYet,
    submit_answers,
)
from lampio.surveys.engine.conditions import visible_questions
from lampio.surveys.models import Answer, RoundParticipant, Submission
from lampio.surveys.tests.round_answer_helpers import (
    SKILL_ROWS,
    complete_answers,
    make_participant,
)
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def participant(make_organisation: Callable[..., Organisation]) -> RoundParticipant:
    return make_participant(make_organisation())


def submit(
    participant: RoundParticipant, answers: dict[str, object], **kwargs: object
) -> Submission:
    options: dict[str, object] = {"language": "sv", "today": timezone.localdate()} | kwargs
    return submit_answers(participant=participant, answers=answers, **options)  # type: ignore[arg-type]


def stored(submission: Submission) -> set[tuple[str, str, str, str]]:
    return {
        (answer.question.key, answer.row_key, answer.value, answer.text)
        for answer in submission.answers.select_related("question")
    }


def problems_of(error: pytest.ExceptionInfo[InvalidAnswers]) -> set[tuple[str, str]]:
    return {(problem.question_key, problem.row_key) for problem in error.value.problems}


def test_a_complete_answer_is_stored_with_the_organisation_day_and_language(
    participant: RoundParticipant,
) -> None:
    today = timezone.localdate()
    submission = submit(participant, complete_answers(), today=today)
    assert (submission.round_id, submission.organisation_id) == (
        participant.round_id,
        participant.organisation_id,
    )
    assert (submission.submitted_on, submission.language) == (today, "sv")
    rows = stored(submission)
    assert ("work-area", "", "library", "") in rows
    # Multiple choice: one row per chosen option; a matrix: one row per answered statement.
    assert {row[2] for row in rows if row[0] == "tools-used"} == {
        "email-calendar",
        "video-meetings",
        "collection-system",
    }
    assert {(row[1], row[2]) for row in rows if row[0] == "skills"} == {
        *((key, "4") for key in SKILL_ROWS if key != "data-decisions"),
        ("data-decisions", "2"),
    }
    assert ("training-usefulness", "", "4", "") in rows
    assert ("skills-overall", "", "7", "") in rows
    assert ("free-text", "", "", "Aikaa opetteluun tarvittaisiin lisää.") in rows
    # 2 background + 7 skills + 2 + 3 tools + 2 + 4 attitudes + 2 needs + 3 training
    # + 2 maturity statements + 1 free text
    assert len(rows) == 28


def test_an_answer_to_a_hidden_question_is_dropped_and_not_required(
    participant: RoundParticipant,
) -> None:
    answers = complete_answers() | {"training-taken": "no", "training-usefulness": "5"}
    rows = stored(submit(participant, answers))
    assert ("training-taken", "", "no", "") in rows
    assert not any(row[0] == "training-usefulness" for row in rows)
    answers.pop("training-usefulness")
    assert submit(participant, answers).answers.filter(question__key="training-taken").exists()


def test_a_shown_required_question_must_be_answered(participant: RoundParticipant) -> None:
    answers = complete_answers()
    answers.pop("training-usefulness")
    with pytest.raises(InvalidAnswers) as error:
        submit(participant, answers)
    assert problems_of(error) == {("training-usefulness", "")}
    assert not Submission.objects.exists()


def test_every_problem_is_reported_at_once_and_nothing_is_stored(
    participant: RoundParticipant,
) -> None:
    answers = complete_answers() | {
        "work-area": "circus-school",  # not an option
        "tools-adequate": "6",  # Likert is 1..5
        "skills-overall": "11",  # the scale is 1..10
        "tools-used": ["email-calendar", "fax"],
        "skills": {"video-meetings": "4", "juggling": "5"},  # no such statement
        "maturity": {"customer-services": "9"},  # no such level
        "free-text": "x" * 2001,
    }
    answers.pop("work-role")  # required
    with translation.override("en"), pytest.raises(InvalidAnswers) as error:
        submit(participant, answers)
    assert problems_of(error) == {
        ("work-area", ""),
        ("work-role", ""),
        ("tools-adequate", ""),
        ("skills-overall", ""),
        ("tools-used", ""),
        ("skills", ""),
        ("maturity", "customer-services"),
        ("free-text", ""),
    }
    messages = {problem.question_key: problem.message for problem in error.value.problems}
    assert messages["work-role"] == "Please answer this question."
    assert "2000" in messages["free-text"]
    assert not Submission.objects.exists() and not Answer.objects.exists()


def test_a_required_matrix_needs_every_statement_but_an_optional_one_does_not(
    participant: RoundParticipant,
) -> None:
    answers = complete_answers() | {"skills": {"video-meetings": "5"}, "maturity": {}}
    with pytest.raises(InvalidAnswers) as error:
        submit(participant, answers)
    assert problems_of(error) == {("skills", key) for key in SKILL_ROWS if key != "video-meetings"}


def test_text_is_trimmed_and_two_thousand_characters_are_allowed(
    participant: RoundParticipant,
) -> None:
    answers = complete_answers() | {"free-text": "  " + "y" * 2000 + "\n"}
    assert submit(participant, answers).answers.get(question__key="free-text").text == "y" * 2000
    blank = submit(participant, complete_answers() | {"free-text": "   "})
    assert not blank.answers.filter(question__key="free-text").exists()


@pytest.mark.parametrize("offset", [0, 17])
def test_the_first_and_last_day_are_open(participant: RoundParticipant, offset: int) -> None:
    survey_round = participant.round
    day = survey_round.opens_on + timedelta(days=offset)
    assert submit(participant, complete_answers(), today=day).submitted_on == day


def test_a_round_not_yet_open_or_closed_refuses_with_its_date(
    participant: RoundParticipant,
) -> None:
    survey_round = participant.round
    survey_round.opens_on, survey_round.closes_on = date(2030, 3, 2), date(2030, 3, 20)
    survey_round.save()
    with translation.override("en"):
        with pytest.raises(RoundNotOpenYet) as early:
            submit(participant, complete_answers(), today=date(2030, 3, 1))
        with pytest.raises(RoundClosed) as late:
            submit(participant, complete_answers(), today=date(2030, 3, 21))
        assert str(early.value.message) == "This survey opens on March 2, 2030."
        assert str(late.value.message) == "This survey closed on March 20, 2030."
    assert not Submission.objects.exists()


def test_an_unknown_language_is_stored_as_finnish(participant: RoundParticipant) -> None:
    assert submit(participant, complete_answers(), language="de").language == "fi"


def test_unknown_question_keys_are_ignored(participant: RoundParticipant) -> None:
    answers = complete_answers() | {"email": "aino@example.fi", "name": "Aino"}
    submission = submit(participant, answers)
    assert "aino@example.fi" not in {answer.text for answer in submission.answers.all()}


def test_conditions_chain_and_follow_multiple_choice(participant: RoundParticipant) -> None:
    questions = answer_selectors.questions_of(version=participant.round.version)
    by_key = {question.key: question for question in questions}
    follow_up = by_key["training-usefulness"]

    def shown(answers: dict[str, object]) -> set[str]:
        return {question.key for question in visible_questions(questions, answers)}

    assert "training-usefulness" in shown({"training-taken": "yes"})
    assert "training-usefulness" not in shown({"training-taken": "no"})
    assert "training-usefulness" not in shown({})
    # A question that depends on a multiple choice shows for any one listed option, and a
    # question that depends on a hidden question is hidden too.
    follow_up.show_if_question, follow_up.show_if_values = by_key["tools-used"], ["ai-tools"]
    by_key["free-text"].show_if_question = follow_up
    by_key["free-text"].show_if_values = ["4", "5"]
    answers = {"tools-used": ["chat", "ai-tools"], "training-usefulness": "5"}
    assert {"training-usefulness", "free-text"} <= shown(answers)
    answers["tools-used"] = ["chat"]
    assert not {"training-usefulness", "free-text"} & shown(answers)


def test_a_participant_is_found_by_its_link_only(participant: RoundParticipant) -> None:
    found = answer_selectors.participant_by_token(token=participant.token)
    assert found == participant
    for token in ("", "nope", participant.token + "x" * 40):
        with pytest.raises(NotFound):
            answer_selectors.participant_by_token(token=token)


def test_questions_come_with_their_options_in_a_fixed_number_of_queries(
    participant: RoundParticipant, django_assert_num_queries: Callable[..., object]
) -> None:
    version = participant.round.version
    with django_assert_num_queries(3):  # questions, their choices, their statements
        questions = answer_selectors.questions_of(version=version)
        labels = [choice.label for question in questions for choice in question.choices.all()]
        rows = [row.key for question in questions for row in question.rows.all()]
    assert labels and rows == [
        *SKILL_ROWS,
        "customer-services",
        "internal-processes",
        "data-use",
        "collaboration",
    ]
