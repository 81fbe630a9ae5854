"""The answer page's form, built from a questionnaire version's questions.

The form checks the shape of the input (known options, text length); which questions must be
answered depends on the answers themselves (conditions), so `submit_answers` decides that and
its problems are put back on the fields here. Field names are the question keys; a matrix has
one field per statement, `<question key>__<statement key>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from django import forms

from lampio.surveys.engine.answering import TEXT_MAX_LENGTH, AnswerProblem
from lampio.surveys.engine.conditions import Condition, condition_of
from lampio.surveys.engine.likert import LIKERT_STEPS
from lampio.surveys.models import Question, QuestionKind, QuestionTheme

ROW_SEPARATOR = "__"


def row_field_name(question_key: str, row_key: str) -> str:
    return f"{question_key}{ROW_SEPARATOR}{row_key}"


def _scale_choices(question: Question) -> list[tuple[str, str]]:
    """Each number of a scale; the two ends carry their words, so each option reads alone."""
    choices = []
    for step in range(question.scale_min, question.scale_max + 1):
        label = str(step)
        if step == question.scale_min and question.min_label:
            label = f"{step} – {question.min_label}"
        elif step == question.scale_max and question.max_label:
            label = f"{step} – {question.max_label}"
        choices.append((str(step), label))
    return choices


def _field_for(question: Question) -> forms.Field:
    kind = question.kind
    common: dict[str, Any] = {"label": question.text, "required": False}
    if kind == QuestionKind.TEXT:
        return forms.CharField(
            widget=forms.Textarea(attrs={"rows": 5}), max_length=TEXT_MAX_LENGTH, **common
        )
    if kind == QuestionKind.MULTIPLE:
        options = [(choice.value, choice.label) for choice in question.choices.all()]
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.LIKERT:
        options = [(value, str(label)) for value, label in LIKERT_STEPS]
    elif kind == QuestionKind.SCALE:
        options = _scale_choices(question)
    else:
        options = [(choice.value, choice.label) for choice in question.choices.all()]
    return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)


@dataclass
class Item:
    """One question as the page shows it."""

    number: int
    question: Question
    condition: Condition | None
    field: forms.BoundField | None = None  # every kind but a matrix
    rows: list[forms.BoundField] = dataclass_field(default_factory=list)  # a matrix's statements

    @property
    def errors(self) -> list[str]:
        fields = self.rows or ([self.field] if self.field is not None else [])
        return [str(error) for bound in fields for error in bound.errors]

    @property
    def anchor(self) -> str:
        return f"question-{self.question.key}"

    @property
    def notes_id(self) -> str:
        """The prefix of the ids of the question's condition, help and error paragraphs."""
        if self.field is not None:
            return str(self.field.auto_id)
        return self.anchor

    @property
    def describedby(self) -> str:
        """What a screen reader reads after the question: condition, help, error."""
        ids = []
        if self.condition is not None:
            ids.append(f"{self.notes_id}_condition")
        if self.question.help_text:
            ids.append(f"{self.notes_id}_helptext")
        if self.field is not None and self.field.errors:
            ids.append(f"{self.notes_id}_error")
        return " ".join(ids)


@dataclass
class Section:
    theme: str
    label: str
    items: list[Item]


class RoundAnswerForm(forms.Form):
    def __init__(self, *args: Any, questions: Sequence[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == QuestionKind.MATRIX:
                columns = [(choice.value, choice.label) for choice in question.choices.all()]
                for row in question.rows.all():
                    self.fields[row_field_name(question.key, row.key)] = forms.ChoiceField(
                        label=row.label,
                        choices=columns,
                        widget=forms.RadioSelect,
                        required=False,
                    )
            else:
                self.fields[question.key] = _field_for(question)

    def answers(self) -> dict[str, object]:
        """The cleaned input in the shape `submit_answers` takes."""
        data = self.cleaned_data
        answers: dict[str, object] = {}
        for question in self.questions:
            if question.kind == QuestionKind.MATRIX:
                answers[question.key] = {
                    row.key: data.get(row_field_name(question.key, row.key), "")
                    for row in question.rows.all()
                }
            else:
                answers[question.key] = data.get(question.key)
        return answers

    def add_problems(self, problems: Sequence[AnswerProblem]) -> None:
        """Put the service's refusals next to the question (or statement) they concern."""
        by_key = {question.key: question for question in self.questions}
        for problem in problems:
            question = by_key.get(problem.question_key)
            if question is None:
                self.add_error(None, problem.message)
            elif question.kind == QuestionKind.MATRIX:
                rows = [row.key for row in question.rows.all()]
                row_key = problem.row_key if problem.row_key in rows else rows[0]
                self.add_error(row_field_name(question.key, row_key), problem.message)
            else:
                self.add_error(question.key, problem.message)

    def sections(self) -> list[Section]:
        """The questions in order, grouped by consecutive theme for the page's headings."""
        themes = dict(QuestionTheme.choices)
        sections: list[Section] = []
        for number, question in enumerate(self.questions, start=1):
            item = Item(number, question, condition_of(question, self.questions))
            if question.kind == QuestionKind.MATRIX:
                item.rows = [
                    self[row_field_name(question.key, row.key)] for row in question.rows.all()
                ]
            else:
                item.field = self[question.key]
            if not sections or sections[-1].theme != question.theme:
                sections.append(Section(question.theme, str(themes[question.theme]), []))
            sections[-1].items.append(item)
        return sections

    def error_links(self) -> list[tuple[str, str, str]]:
        """(element id, what, message) of every field error, in page order, for the summary."""
        links: list[tuple[str, str, str]] = []
        for number, question in enumerate(self.questions, start=1):
            if question.kind == QuestionKind.MATRIX:
                bound = [self[row_field_name(question.key, row.key)] for row in question.rows.all()]
            else:
                bound = [self[question.key]]
            for field_ in bound:
                what = f"{number}. {question.text}"
                if question.kind == QuestionKind.MATRIX:
                    what = f"{what} – {field_.label}"
                links.extend((field_.auto_id, what, str(error)) for error in field_.errors)
        return links
