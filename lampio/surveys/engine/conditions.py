"""Conditional display: a question shown only after given answers to an earlier question.

The server decides visibility from the answers themselves (the page without JavaScript shows
every question with a hint); answers to questions that end up hidden are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lampio.surveys.engine.likert import LIKERT_STEPS
from lampio.surveys.models import Question, QuestionKind


def chosen_values(answer: object) -> set[str]:
    """The values an answer holds: one for single, Likert and scale, several for multiple
    choice and a matrix (its rows' values); empty when unanswered."""
    if answer is None:
        return set()
    if isinstance(answer, str):
        return {answer} if answer.strip() else set()
    if isinstance(answer, Mapping):
        return {str(value) for value in answer.values() if value not in (None, "")}
    if isinstance(answer, Iterable):
        return {str(value) for value in answer if value not in (None, "")}
    return {str(answer)}


def visible_questions(
    questions: Sequence[Question], answers: Mapping[str, object]
) -> list[Question]:
    """The questions shown for these answers, in order.

    A question is hidden when its condition's question is itself hidden (chains hide
    together) or was not answered with one of the listed values. A condition that points
    outside the version (a deleted question) no longer applies.
    """
    by_id = {question.pk: question for question in questions}
    shown: set[int] = set()
    for question in sorted(questions, key=lambda item: (item.position, item.pk)):
        controller_id = question.show_if_question_id
        controller = by_id.get(controller_id) if controller_id is not None else None
        if controller is None:
            shown.add(question.pk)
            continue
        wanted = {str(value) for value in question.show_if_values}
        if controller.pk in shown and chosen_values(answers.get(controller.key)) & wanted:
            shown.add(question.pk)
    return [question for question in questions if question.pk in shown]


@dataclass(frozen=True)
class Condition:
    """What a page says about a conditional question: "answer only if you answered …"."""

    number: int  # the controlling question's number on the page (1-based)
    key: str
    values: tuple[str, ...]
    labels: tuple[str, ...]


def condition_of(question: Question, questions: Sequence[Question]) -> Condition | None:
    """The condition of `question` among `questions` (prefetched choices), or None."""
    for number, controller in enumerate(questions, start=1):
        if controller.pk == question.show_if_question_id:
            values = tuple(str(value) for value in question.show_if_values)
            return Condition(number, controller.key, values, _labels(controller, values))
    return None


def _labels(controller: Question, values: tuple[str, ...]) -> tuple[str, ...]:
    if controller.kind == QuestionKind.LIKERT:
        names = {value: str(label) for value, label in LIKERT_STEPS}
    else:
        names = {choice.value: choice.label for choice in controller.choices.all()}
    return tuple(names.get(value, value) for value in values)
