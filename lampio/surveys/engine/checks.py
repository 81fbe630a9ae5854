"""Checks of the questionnaire builder: answer options, conditions, and a draft before it is
published. Each names what to fix, in words staff can act on."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _

from lampio.core.multilingual import Translated
from lampio.surveys.engine.errors import InvalidQuestionnaire
from lampio.surveys.models import Question, QuestionKind, QuestionnaireVersion

# Kinds whose answers are one of the question's choices; only these can steer a condition.
CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})
KINDS_WITH_CHOICES = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.MATRIX})


@dataclass(frozen=True)
class Option:
    """A choice (value + label) or a matrix statement (key + label)."""

    value: str
    label: Translated


def check_options(options: list[Option], field_name: str) -> list[tuple[str, Translated]]:
    seen: set[str] = set()
    cleaned = []
    for number, option in enumerate(options, start=1):
        value = slugify(option.value or option.label.fi)[:60]
        if not value or not option.label.fi.strip():
            raise InvalidQuestionnaire(
                _("Line %(line)d: give a value and a Finnish label.") % {"line": number},
                field=field_name,
            )
        if value in seen:
            raise InvalidQuestionnaire(
                _("Line %(line)d: the value %(value)s is used twice.")
                % {"line": number, "value": value},
                field=field_name,
            )
        seen.add(value)
        cleaned.append((value, option.label))
    return cleaned


def check_condition(question: Question, target: Question | None, values: list[str]) -> None:
    if target is None:
        return
    if target.version_id != question.version_id or target.position >= question.position:
        raise InvalidQuestionnaire(
            _("A question can depend only on an earlier question of the same version."),
            field="show_if_question",
        )
    if target.kind not in CHOICE_KINDS:
        raise InvalidQuestionnaire(
            _("A question can depend only on a single or multiple choice question."),
            field="show_if_question",
        )
    known = set(target.choices.values_list("value", flat=True))
    if not values:
        raise InvalidQuestionnaire(
            _("Give the answers after which the question is shown."), field="show_if_values"
        )
    unknown = [value for value in values if value not in known]
    if unknown:
        raise InvalidQuestionnaire(
            _("These are not answer options of that question: %(values)s")
            % {"values": ", ".join(unknown)},
            field="show_if_values",
        )


def publish_problems(version: QuestionnaireVersion) -> list[str]:
    """Everything that keeps the draft from being answered; empty when it can be published."""
    questions = list(
        version.questions.prefetch_related("choices", "rows").order_by("position", "pk")
    )
    if not questions:
        return [_("Add at least one question.")]
    problems: list[str] = []
    for question in questions:
        name = _("Question %(number)d (%(key)s)") % {
            "number": question.position,
            "key": question.key,
        }
        if question.kind in KINDS_WITH_CHOICES and len(question.choices.all()) < 2:
            problems.append(
                _("%(question)s: give at least two answer options.") % {"question": name}
            )
        if question.kind == QuestionKind.MATRIX and not question.rows.all():
            problems.append(_("%(question)s: give at least one statement.") % {"question": name})
        if question.kind == QuestionKind.SCALE and question.scale_min >= question.scale_max:
            problems.append(
                _("%(question)s: the lowest value must be below the highest.") % {"question": name}
            )
        if question.show_if_question_id is not None:
            try:
                check_condition(question, question.show_if_question, question.show_if_values)
            except InvalidQuestionnaire as error:
                problems.append(f"{name}: {error.message}")
    return problems
