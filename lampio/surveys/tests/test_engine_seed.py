"""The seeded capability survey "Digitalisation in my work": what the migration leaves in the
database, in three languages, and that seeding again changes nothing."""

from __future__ import annotations

import pytest
from django.utils import translation

from lampio.surveys.engine import seed_capability
from lampio.surveys.engine.likert import LIKERT_STEPS
from lampio.surveys.engine.seed import ensure_capability_questionnaire
from lampio.surveys.models import (
    Choice,
    MatrixRow,
    Question,
    QuestionKind,
    Questionnaire,
    QuestionTheme,
)

pytestmark = pytest.mark.django_db


def seeded() -> Questionnaire:
    return ensure_capability_questionnaire()


def test_the_migration_seeds_a_published_network_questionnaire() -> None:
    # Straight after the migrations (unless a flushing test ran before): no call to ensure.
    questionnaire = Questionnaire.objects.filter(key="digitalisation-in-my-work").first()
    if questionnaire is None:  # a transactional test flushed the seeded rows
        questionnaire = seeded()
    assert questionnaire.owner is None  # the network's, changed by network admins only
    version = questionnaire.versions.get()
    assert version.number == 1 and version.is_published
    questions = list(version.questions.all())
    assert 15 <= len(questions) <= 20
    assert [question.position for question in questions] == list(range(1, len(questions) + 1))
    assert {question.kind for question in questions} == set(QuestionKind.values)
    assert {question.theme for question in questions} == set(QuestionTheme.values)


def test_every_text_is_in_finnish_swedish_and_english() -> None:
    version = seeded().versions.get()
    for question in version.questions.all():
        texts = (question.text_fi, question.text_sv, question.text_en)
        assert all(texts) and len(set(texts)) == 3, question.key
    for item in [
        *Choice.objects.filter(question__version=version),
        *MatrixRow.objects.filter(question__version=version),
    ]:
        assert item.label_fi and item.label_sv and item.label_en, item
    with translation.override("sv"):
        assert Questionnaire.objects.get(pk=version.questionnaire_id).title == (
            "Digitaliseringen i mitt arbete"
        )
    with translation.override("en"):
        assert version.questionnaire.title == "Digitalisation in my work"
        assert version.intro.startswith("The survey is about")


def test_the_conditional_pair_and_the_matrices() -> None:
    questions = {question.key: question for question in seeded().versions.get().questions.all()}
    taken, usefulness = questions["training-taken"], questions["training-usefulness"]
    assert [choice.value for choice in taken.choices.all()] == ["yes", "no"]
    assert usefulness.show_if_question == taken and usefulness.show_if_values == ["yes"]
    assert (usefulness.kind, usefulness.scale_min, usefulness.scale_max) == ("scale", 1, 5)
    with translation.override("en"):
        assert usefulness.text == "How useful was the training for your work?"
        assert (usefulness.min_label, usefulness.max_label) == ("Not at all useful", "Very useful")
        # The skills matrix is answered on the five agreement steps, worded as Likert's.
        skills = questions["skills"]
        columns = [(choice.value, choice.label) for choice in skills.choices.all()]
        assert columns == [(value, str(label)) for value, label in LIKERT_STEPS]
        assert skills.theme == "skills" and skills.rows.count() >= 6
        # The maturity matrix places the unit on the five levels, each named.
        maturity = questions["maturity"]
        levels = [choice.label for choice in maturity.choices.all()]
        assert levels[0] == "1.0 Mostly manual services"
        assert levels[-1] == "5.0 The municipality as a service and development platform"
    training = questions["training-needs"]
    assert (training.kind, training.theme) == ("multiple", "training")
    assert 6 <= training.choices.count() <= 10
    free_text = questions["free-text"]
    assert free_text.kind == "text" and not free_text.required


def test_seeding_again_changes_nothing_and_restores_after_a_flush() -> None:
    first = seeded()
    counts = (Questionnaire.objects.count(), Question.objects.count(), Choice.objects.count())
    assert seeded().pk == first.pk
    assert (Questionnaire.objects.count(), Question.objects.count(), Choice.objects.count()) == (
        counts
    )
    # As after a transactional test's flush: the seeded rows are gone, ensure puts them back.
    Question.objects.update(show_if_question=None)
    Questionnaire.objects.all().delete()
    again = seeded()
    assert again.pk != first.pk
    assert again.versions.get().questions.count() == len(seed_capability.QUESTIONS)
    follow_up = Question.objects.get(version__questionnaire=again, key="training-usefulness")
    assert follow_up.show_if_question is not None
    assert follow_up.show_if_question.key == "training-taken"
    with translation.override("sv"):
        assert follow_up.text == "Hur nyttig var utbildningen för ditt arbete?"


def test_a_staff_change_is_never_overwritten() -> None:
    questionnaire = seeded()
    questionnaire.title_fi = "Digitalisaatio työssämme"
    questionnaire.save()
    assert seeded().title_fi == "Digitalisaatio työssämme"
