"""Staff build questionnaires: versions, questions, answer options, matrix rows and conditions.

Only a draft version changes. Publishing freezes it for good, because rounds compare answers
question by question; a change after that is a new version, started as a copy of the latest
one. Questions keep their `key` in the copy, which is how two rounds are compared.

A network questionnaire (no owner) is changed by network admins only; an organisation's by
those who may MANAGE in it (`can` resolves both through `Questionnaire.organisation_id`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.multilingual import Translated, set_translated, translated_of
from lampio.surveys.engine.checks import (
    KINDS_WITH_CHOICES,
    Option,
    check_condition,
    check_options,
    publish_problems,
)
from lampio.surveys.engine.errors import (
    DraftExists,
    InvalidQuestionnaire,
    NotAllowed,
    NotPublishable,
    VersionFrozen,
)
from lampio.surveys.models import (
    Choice,
    MatrixRow,
    Question,
    QuestionKind,
    Questionnaire,
    QuestionnaireVersion,
)
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can, is_network_admin


@dataclass(frozen=True)
class QuestionData:
    kind: str
    text: Translated
    key: str = ""
    theme: str = "other"
    help_text: Translated = Translated()
    required: bool = False
    scale_min: int = 1
    scale_max: int = 5
    min_label: Translated = Translated()
    max_label: Translated = Translated()
    choices: list[Option] = field(default_factory=list)
    rows: list[Option] = field(default_factory=list)
    show_if_question: Question | None = None
    show_if_values: list[str] = field(default_factory=list)


# --- Who may change what -------------------------------------------------------------------------


def may_change(actor: User, questionnaire: Questionnaire) -> bool:
    return can(actor, Action.MANAGE, questionnaire)


def _check_may_change(actor: User, questionnaire: Questionnaire) -> None:
    if not may_change(actor, questionnaire):
        raise NotAllowed()


def _check_draft(actor: User, version: QuestionnaireVersion) -> None:
    _check_may_change(actor, version.questionnaire)
    # Read again: another tab may have published the version since the page was loaded.
    if QuestionnaireVersion.objects.filter(pk=version.pk, published_at__isnull=False).exists():
        raise VersionFrozen()


# --- Questionnaires and versions ----------------------------------------------------------------


def create_questionnaire(
    *,
    actor: User,
    owner: Organisation | None,
    title: Translated,
    description: Translated = Translated(),
    key: str = "",
) -> Questionnaire:
    """A questionnaire with an empty draft version 1."""
    if owner is None and not is_network_admin(actor):
        raise NotAllowed(_("Only network administrators may create network questionnaires."))
    if owner is not None and not can(actor, Action.MANAGE, owner):
        raise NotAllowed(_("You may not create questionnaires for this organisation."))
    if not title.fi.strip():
        raise InvalidQuestionnaire(
            _("Give the questionnaire a title in Finnish."), field="title_fi"
        )
    slug = slugify(key or title.fi)[:60]
    if not slug:
        raise InvalidQuestionnaire(_("Use letters, numbers and hyphens."), field="key")
    if Questionnaire.objects.filter(key=slug).exists():
        raise InvalidQuestionnaire(
            _("Another questionnaire uses this identifier. Choose another one."), field="key"
        )
    with transaction.atomic(), set_actor(actor):
        questionnaire = Questionnaire(key=slug, owner=owner)
        set_translated(questionnaire, "title", title)
        set_translated(questionnaire, "description", description)
        questionnaire.save()
        QuestionnaireVersion.objects.create(questionnaire=questionnaire, number=1)
    return questionnaire


def start_new_version(*, actor: User, questionnaire: Questionnaire) -> QuestionnaireVersion:
    """A draft copying the latest version: questions (same keys), options, rows, conditions."""
    _check_may_change(actor, questionnaire)
    with transaction.atomic(), set_actor(actor):
        versions = QuestionnaireVersion.objects.select_for_update().filter(
            questionnaire=questionnaire
        )
        if versions.filter(published_at__isnull=True).exists():
            raise DraftExists()
        latest = versions.order_by("-number").first()
        number = (latest.number if latest else 0) + 1
        draft = QuestionnaireVersion.objects.create(questionnaire=questionnaire, number=number)
        if latest is not None:
            set_translated(draft, "intro", translated_of(latest, "intro"))
            draft.save()
            _copy_questions(latest, draft)
    return draft


def _copy_questions(source: QuestionnaireVersion, draft: QuestionnaireVersion) -> None:
    copies: dict[int, Question] = {}
    for question in source.questions.prefetch_related("choices", "rows").order_by("position"):
        old_id = question.pk
        choices, rows = list(question.choices.all()), list(question.rows.all())
        # Saving with no primary key inserts a copy with every field, translations included.
        question.pk, question.version = None, draft
        question._state.adding = True
        question.show_if_question_id = (
            copies[question.show_if_question_id].pk
            if question.show_if_question_id in copies
            else None
        )
        question.save()
        copies[old_id] = question
        for choice in choices:
            choice.pk, choice.question = None, question
            choice._state.adding = True
            choice.save()
        for row in rows:
            row.pk, row.question = None, question
            row._state.adding = True
            row.save()


def publish_version(*, actor: User, version: QuestionnaireVersion, now: datetime) -> None:
    _check_draft(actor, version)
    problems = publish_problems(version)
    if problems:
        raise NotPublishable(problems)
    with transaction.atomic(), set_actor(actor):
        version.published_at = now
        version.save(update_fields=["published_at"])


# --- Questions ----------------------------------------------------------------------------------


def _clean_key(version: QuestionnaireVersion, data: QuestionData, question: Question | None) -> str:
    key = slugify(data.key or data.text.fi)[:60].strip("-")
    if not key:
        raise InvalidQuestionnaire(_("Use letters, numbers and hyphens."), field="key")
    taken = Question.objects.filter(version=version, key=key)
    if question is not None:
        taken = taken.exclude(pk=question.pk)
    if taken.exists():
        if data.key:
            raise InvalidQuestionnaire(
                _("Another question of this version uses this identifier."), field="key"
            )
        # A derived key only needs to be unique; a number at the end does that.
        base, number = key[:56], 2
        while Question.objects.filter(version=version, key=f"{base}-{number}").exists():
            number += 1
        key = f"{base}-{number}"
    return key


def _check_question(data: QuestionData) -> None:
    if data.kind not in QuestionKind.values:
        raise InvalidQuestionnaire(_("Choose the kind of question."), field="kind")
    if not data.text.fi.strip():
        raise InvalidQuestionnaire(_("Write the question in Finnish."), field="text_fi")
    if data.kind == QuestionKind.SCALE and data.scale_min >= data.scale_max:
        raise InvalidQuestionnaire(
            _("The lowest value must be below the highest."), field="scale_max"
        )


def save_question(
    *,
    actor: User,
    version: QuestionnaireVersion,
    data: QuestionData,
    question: Question | None = None,
) -> Question:
    """Add a question at the end of the draft, or change one: its options, rows and condition."""
    _check_draft(actor, version)
    if question is not None and question.version_id != version.pk:
        raise NotAllowed()
    _check_question(data)
    with transaction.atomic(), set_actor(actor):
        key = _clean_key(version, data, question)
        if question is None:
            last = version.questions.aggregate(last=Max("position"))["last"] or 0
            question = Question(version=version, position=last + 1)
        question.key, question.kind, question.theme = key, data.kind, data.theme
        question.required = data.required
        # Scale bounds only mean something for a scale; others keep the valid defaults.
        is_scale = data.kind == QuestionKind.SCALE
        question.scale_min = data.scale_min if is_scale else 1
        question.scale_max = data.scale_max if is_scale else 5
        set_translated(question, "text", data.text)
        set_translated(question, "help_text", data.help_text)
        set_translated(question, "min_label", data.min_label if is_scale else Translated())
        set_translated(question, "max_label", data.max_label if is_scale else Translated())
        question.save()
        set_choices(actor=actor, question=question, options=data.choices)
        set_rows(actor=actor, question=question, options=data.rows)
        set_condition(
            actor=actor,
            question=question,
            show_if_question=data.show_if_question,
            values=data.show_if_values,
        )
    return question


def set_choices(*, actor: User, question: Question, options: list[Option]) -> None:
    """Replace the answer options (matrix: its columns). Other kinds keep none."""
    _check_draft(actor, question.version)
    cleaned = check_options(options, "choices") if question.kind in KINDS_WITH_CHOICES else []
    with transaction.atomic(), set_actor(actor):
        question.choices.all().delete()
        for position, (value, label) in enumerate(cleaned, start=1):
            choice = Choice(question=question, position=position, value=value)
            set_translated(choice, "label", label)
            choice.save()


def set_rows(*, actor: User, question: Question, options: list[Option]) -> None:
    """Replace a matrix question's statements; other kinds keep none."""
    _check_draft(actor, question.version)
    cleaned = check_options(options, "rows") if question.kind == QuestionKind.MATRIX else []
    with transaction.atomic(), set_actor(actor):
        question.rows.all().delete()
        for position, (key, label) in enumerate(cleaned, start=1):
            row = MatrixRow(question=question, position=position, key=key)
            set_translated(row, "label", label)
            row.save()


def set_condition(
    *, actor: User, question: Question, show_if_question: Question | None, values: list[str]
) -> None:
    """Show `question` only when the earlier choice question was answered with one of `values`."""
    _check_draft(actor, question.version)
    values = [value.strip() for value in values if value.strip()]
    check_condition(question, show_if_question, values)
    with transaction.atomic(), set_actor(actor):
        question.show_if_question = show_if_question
        question.show_if_values = values if show_if_question is not None else []
        question.save(update_fields=["show_if_question", "show_if_values"])


def delete_question(*, actor: User, question: Question) -> None:
    _check_draft(actor, question.version)
    if question.dependents.exists():
        raise InvalidQuestionnaire(
            _("Other questions are shown depending on this one. Remove their condition first.")
        )
    with transaction.atomic(), set_actor(actor):
        version = question.version
        question.delete()
        _renumber(version)


def move_question(*, actor: User, question: Question, direction: Literal["up", "down"]) -> None:
    """Swap the question with its neighbour; never above a question it depends on."""
    _check_draft(actor, question.version)
    ordered = list(question.version.questions.order_by("position", "pk"))
    index = next(i for i, q in enumerate(ordered) if q.pk == question.pk)
    other_index = index - 1 if direction == "up" else index + 1
    if not 0 <= other_index < len(ordered):
        return
    first, second = sorted((ordered[index], ordered[other_index]), key=lambda q: q.position)
    if second.show_if_question_id == first.pk:
        raise InvalidQuestionnaire(_("A question must stay after the question it depends on."))
    with transaction.atomic(), set_actor(actor):
        ordered[index], ordered[other_index] = ordered[other_index], ordered[index]
        _save_positions(ordered)


def _renumber(version: QuestionnaireVersion) -> None:
    _save_positions(list(version.questions.order_by("position", "pk")))


def _save_positions(ordered: list[Question]) -> None:
    for position, question in enumerate(ordered, start=1):
        if question.position != position:
            question.position = position
            question.save(update_fields=["position"])
