"""Answering a survey round anonymously through an organisation's link.

A submission keeps the round, the organisation whose link was used, the day and the language;
nothing about the person (no account, address, session or time of day), so answers cannot be
paired with anyone, not even through the time they arrived.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext, gettext_lazy

from lampio.core.errors import DomainError, InvalidInput
from lampio.surveys.engine import answer_selectors
from lampio.surveys.engine.conditions import visible_questions
from lampio.surveys.engine.likert import LIKERT_VALUES
from lampio.surveys.models import (
    Answer,
    Question,
    QuestionKind,
    RoundParticipant,
    Submission,
)

TEXT_MAX_LENGTH = 2000


class RoundNotOpenYet(DomainError):
    status = 409
    code = "round_not_open_yet"
    default_message = gettext_lazy("This survey is not open yet.")


class RoundClosed(DomainError):
    status = 410
    code = "round_closed"
    default_message = gettext_lazy("This survey has closed.")


@dataclass(frozen=True)
class AnswerProblem:
    """One answer that cannot be taken, and why; `row_key` names a matrix statement."""

    question_key: str
    message: str
    row_key: str = ""


class InvalidAnswers(InvalidInput):
    """Every problem of a set of answers at once, so the page can mark them all."""

    default_message = gettext_lazy("Some answers need checking.")

    def __init__(self, problems: Sequence[AnswerProblem]) -> None:
        self.problems = list(problems)
        super().__init__(field=self.problems[0].question_key if self.problems else None)


def _check_open(participant: RoundParticipant, today: date) -> None:
    survey_round = participant.round
    if today < survey_round.opens_on:
        raise RoundNotOpenYet(
            gettext("This survey opens on %(date)s.")
            % {"date": formats.date_format(survey_round.opens_on, "DATE_FORMAT")}
        )
    if today > survey_round.closes_on:
        raise RoundClosed(
            gettext("This survey closed on %(date)s.")
            % {"date": formats.date_format(survey_round.closes_on, "DATE_FORMAT")}
        )


def _one(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _many(value: object) -> list[str]:
    """A multiple choice answer's values, each once, in the order given."""
    if isinstance(value, str) or not isinstance(value, Iterable):
        return [_one(value)] if _one(value) else []
    return list(
        dict.fromkeys(item.strip() for item in value if isinstance(item, str) and item.strip())
    )


def _allowed(question: Question) -> set[str]:
    if question.kind == QuestionKind.LIKERT:
        return set(LIKERT_VALUES)
    if question.kind == QuestionKind.SCALE:
        return {str(step) for step in range(question.scale_min, question.scale_max + 1)}
    return {choice.value for choice in question.choices.all()}


def _checked(question: Question, raw: object, problems: list[AnswerProblem]) -> list[Answer]:
    """The Answer rows (unsaved, without a submission) for one shown question's answer."""
    key = question.key
    missing = gettext("Please answer this question.")
    invalid = gettext("Choose one of the options given.")
    if question.kind == QuestionKind.TEXT:
        text = raw.strip() if isinstance(raw, str) else ""
        if len(text) > TEXT_MAX_LENGTH:
            message = gettext("Please shorten your answer to at most %(limit)d characters.")
            problems.append(AnswerProblem(key, message % {"limit": TEXT_MAX_LENGTH}))
            return []
        if not text:
            if question.required:
                problems.append(AnswerProblem(key, missing))
            return []
        return [Answer(question=question, text=text)]
    if question.kind == QuestionKind.MATRIX:
        return _checked_matrix(question, raw, problems)
    values = (
        _many(raw) if question.kind == QuestionKind.MULTIPLE else [_one(raw)] if _one(raw) else []
    )
    if not values:
        if question.required:
            problems.append(AnswerProblem(key, missing))
        return []
    if not set(values) <= _allowed(question):
        problems.append(AnswerProblem(key, invalid))
        return []
    return [Answer(question=question, value=value) for value in values]


def _checked_matrix(question: Question, raw: object, problems: list[AnswerProblem]) -> list[Answer]:
    given = raw if isinstance(raw, Mapping) else {}
    rows = [row.key for row in question.rows.all()]
    unknown = set(given) - set(rows)
    if unknown:
        problems.append(AnswerProblem(question.key, gettext("Answer only the statements shown.")))
        return []
    allowed = _allowed(question)
    answers: list[Answer] = []
    for row_key in rows:
        value = _one(given.get(row_key))
        if not value:
            if question.required:
                message = gettext("Please choose an answer for this statement.")
                problems.append(AnswerProblem(question.key, message, row_key))
        elif value not in allowed:
            problems.append(
                AnswerProblem(question.key, gettext("Choose one of the options given."), row_key)
            )
        else:
            answers.append(Answer(question=question, row_key=row_key, value=value))
    return answers


def submit_answers(
    *,
    participant: RoundParticipant,
    answers: Mapping[str, object],
    language: str,
    today: date,
) -> Submission:
    """Store one anonymous set of answers to `participant`'s round.

    `answers` maps a question's key to its answer: a value ("yes", a Likert step "1".."5", a
    scale number) for single choice, Likert and scale; a list of values for multiple choice; a
    mapping of statement key to value for a matrix; a string for free text. Answers to
    questions hidden by their condition, and keys that name no question, are dropped; required
    questions are required only when shown. Every problem is reported at once
    (InvalidAnswers); nothing is stored unless all answers are valid.
    """
    _check_open(participant, today)
    questions = answer_selectors.questions_of(version=participant.round.version)
    problems: list[AnswerProblem] = []
    rows: list[Answer] = []
    for question in visible_questions(questions, answers):
        rows.extend(_checked(question, answers.get(question.key), problems))
    if problems:
        raise InvalidAnswers(problems)
    known = {code for code, _name in settings.LANGUAGES}
    with transaction.atomic():
        submission = Submission.objects.create(
            round=participant.round,
            organisation_id=participant.organisation_id,
            submitted_on=today,
            language=language if language in known else settings.LANGUAGE_CODE,
        )
        for row in rows:
            row.submission = submission
        Answer.objects.bulk_create(rows)
    return submission
