"""What is worked out from two rounds' or one round's published groups: the change between
rounds and the training needs ranked. Only groups published in `survey_results` come in, and a
change needs the group published in both rounds, so nothing here can show a suppressed group.
"""

from __future__ import annotations

from dataclasses import dataclass

from lampio.insights.survey_results import (
    GroupFigures,
    GroupKey,
    QuestionResults,
    RoundResults,
)
from lampio.surveys.models import QuestionKind, QuestionTheme


@dataclass(frozen=True)
class RowChange:
    mean: float | None  # change of the mean
    points: dict[str, float]  # value -> change in percentage points


# (question key, group key, row key) -> change
Changes = dict[tuple[str, GroupKey, str], RowChange]


def _row_change(now: GroupFigures, then: GroupFigures, row: str) -> RowChange | None:
    if now.suppressed or then.suppressed:
        return None
    current, earlier = now.rows.get(row), then.rows.get(row)
    if current is None or earlier is None or not current.answered or not earlier.answered:
        return None
    mean = None
    if current.mean is not None and earlier.mean is not None:
        mean = current.mean - earlier.mean
    values = set(current.shares) | set(earlier.shares)
    points = {v: current.shares.get(v, 0.0) - earlier.shares.get(v, 0.0) for v in values}
    return RowChange(mean, points)


def changes(now: RoundResults, then: RoundResults | None) -> Changes:
    """Change from `then` to `now` for each question both rounds asked (matched by key and
    kind across versions), each group published in both, and each statement of a matrix."""
    if then is None or not now.closed or not then.closed:
        return {}
    earlier = {q.question.key: q for q in then.questions}
    found: Changes = {}
    for question in now.questions:
        before = earlier.get(question.question.key)
        if before is None or before.question.kind != question.question.kind:
            continue
        for key, figures in question.groups.items():
            old = before.groups.get(key)
            if old is None:
                continue
            for row, _label in question.statements:
                change = _row_change(figures, old, row)
                if change is not None:
                    found[(question.question.key, key, row)] = change
    return found


@dataclass(frozen=True)
class Need:
    label: str
    share: float  # per cent of the group's respondents


def training_questions(results: RoundResults) -> list[QuestionResults]:
    return [
        q
        for q in results.questions
        if q.question.theme == QuestionTheme.TRAINING and q.question.kind == QuestionKind.MULTIPLE
    ]


def ranked_needs(question: QuestionResults, figures: GroupFigures) -> list[Need]:
    """The options of a training question, most chosen first (ties by the question's order);
    empty for a suppressed group or one nobody in answered."""
    if figures.suppressed or not figures.n:
        return []
    row = figures.rows.get("")
    if row is None:
        return []
    order = {value: index for index, (value, _label) in enumerate(question.options)}
    ranked = sorted(question.options, key=lambda o: (-row.shares.get(o[0], 0.0), order[o[0]]))
    return [Need(label, row.shares.get(value, 0.0)) for value, label in ranked]
