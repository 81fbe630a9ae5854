"""The questionnaire builder: who may build, drafts versus published versions, copying a version,
questions, options, conditions and the checks before publishing."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from lampio.core.multilingual import Translated
from lampio.surveys.engine import building
from lampio.surveys.engine.building import Option, QuestionData
from lampio.surveys.engine.errors import (
    DraftExists,
    InvalidQuestionnaire,
    NotAllowed,
    NotPublishable,
    VersionFrozen,
)
from lampio.surveys.models import Choice, Question, QuestionnaireVersion
from lampio.surveys.tests.engine_factories import FREQUENCY, draft_questionnaire
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(make_member, org):
    return make_member(org, role=Role.STAFF)


@pytest.fixture
def admin(make_user):
    return make_user(is_network_admin=True)


def test_only_network_admins_create_network_questionnaires(staff, admin):
    with pytest.raises(NotAllowed):
        building.create_questionnaire(actor=staff, owner=None, title=Translated("Kysely"))
    questionnaire = building.create_questionnaire(
        actor=admin, owner=None, title=Translated("Verkoston kysely")
    )
    assert questionnaire.owner is None
    assert questionnaire.key == "verkoston-kysely"
    # A new questionnaire starts with an empty draft version 1.
    assert list(questionnaire.versions.values_list("number", "published_at")) == [(1, None)]


def test_organisation_questionnaires_need_manage_there(make_member, org, make_organisation):
    viewer = make_member(org, role=Role.VIEWER)
    with pytest.raises(NotAllowed):
        building.create_questionnaire(actor=viewer, owner=org, title=Translated("Kysely"))
    other = make_member(make_organisation(), role=Role.ADMIN)
    with pytest.raises(NotAllowed):
        building.create_questionnaire(actor=other, owner=org, title=Translated("Kysely"))


def test_questionnaire_identifier_must_be_unique(staff, org):
    building.create_questionnaire(actor=staff, owner=org, key="kysely", title=Translated("A"))
    with pytest.raises(InvalidQuestionnaire) as error, translation.override("en"):
        building.create_questionnaire(actor=staff, owner=org, key="kysely", title=Translated("B"))
    assert error.value.field == "key"
    with translation.override("en"):
        assert "Another questionnaire uses this identifier" in str(error.value.message)


def test_staff_of_another_organisation_cannot_change_questions(
    staff, org, make_member, make_organisation
):
    version = draft_questionnaire(staff, org)
    outsider = make_member(make_organisation(), role=Role.ADMIN)
    question = version.questions.get(key="use")
    with pytest.raises(NotAllowed):
        building.delete_question(actor=outsider, question=question)
    assert version.questions.count() == 2


def test_published_version_is_frozen(staff, org):
    version = draft_questionnaire(staff, org)
    building.publish_version(actor=staff, version=version, now=timezone.now())
    question = version.questions.get(key="use")
    with pytest.raises(VersionFrozen):
        building.save_question(
            actor=staff, version=version, data=QuestionData(kind="text", text=Translated("Uusi?"))
        )
    with pytest.raises(VersionFrozen):
        building.set_choices(actor=staff, question=question, options=FREQUENCY[:2])
    with pytest.raises(VersionFrozen):
        building.move_question(actor=staff, question=question, direction="down")
    with pytest.raises(VersionFrozen):
        building.publish_version(actor=staff, version=version, now=timezone.now())
    assert question.choices.count() == 3


def test_new_version_copies_questions_options_and_conditions(staff, org):
    version = draft_questionnaire(staff, org)
    with pytest.raises(DraftExists):
        building.start_new_version(actor=staff, questionnaire=version.questionnaire)
    building.publish_version(actor=staff, version=version, now=timezone.now())
    draft = building.start_new_version(actor=staff, questionnaire=version.questionnaire)
    assert draft.number == 2 and draft.published_at is None
    copied = {q.key: q for q in draft.questions.all()}
    assert set(copied) == {"use", "why-not"}
    assert copied["use"].pk != version.questions.get(key="use").pk
    assert list(copied["use"].choices.values_list("value", "label_sv")) == [
        ("daily", "Dagligen"),
        ("weekly", "Varje vecka"),
        ("never", "Aldrig"),
    ]
    # The condition points to the copy, not to the frozen original.
    assert copied["why-not"].show_if_question_id == copied["use"].pk
    assert copied["why-not"].show_if_values == ["never"]
    # At most one draft at a time.
    with pytest.raises(DraftExists):
        building.start_new_version(actor=staff, questionnaire=version.questionnaire)
    assert QuestionnaireVersion.objects.filter(questionnaire=version.questionnaire).count() == 2


def test_question_keys_are_unique_per_version(staff, org):
    version = draft_questionnaire(staff, org)
    with pytest.raises(InvalidQuestionnaire) as error:
        building.save_question(
            actor=staff,
            version=version,
            data=QuestionData(key="use", kind="text", text=Translated("Toinen")),
        )
    assert error.value.field == "key"
    # A key made from the text gets a number instead.
    one = building.save_question(
        actor=staff, version=version, data=QuestionData(kind="text", text=Translated("Use"))
    )
    assert one.key == "use-2"


def test_condition_must_point_to_an_earlier_choice_question_and_its_values(staff, org):
    version = draft_questionnaire(staff, org)
    use, why_not = version.questions.get(key="use"), version.questions.get(key="why-not")
    with pytest.raises(InvalidQuestionnaire) as error:
        building.set_condition(actor=staff, question=use, show_if_question=why_not, values=["x"])
    assert error.value.field == "show_if_question"
    with pytest.raises(InvalidQuestionnaire) as error:
        building.set_condition(
            actor=staff, question=why_not, show_if_question=use, values=["monthly"]
        )
    assert error.value.field == "show_if_values"
    third = building.save_question(
        actor=staff, version=version, data=QuestionData(kind="text", text=Translated("Kolmas"))
    )
    with pytest.raises(InvalidQuestionnaire):
        building.set_condition(
            actor=staff, question=third, show_if_question=why_not, values=["never"]
        )
    building.set_condition(
        actor=staff, question=third, show_if_question=use, values=["daily", "weekly"]
    )
    third.refresh_from_db()
    assert third.show_if_values == ["daily", "weekly"]


def test_move_swaps_neighbours_but_never_above_the_question_depended_on(staff, org):
    version = draft_questionnaire(staff, org)
    why_not = version.questions.get(key="why-not")
    with pytest.raises(InvalidQuestionnaire):
        building.move_question(actor=staff, question=why_not, direction="up")
    third = building.save_question(
        actor=staff, version=version, data=QuestionData(kind="text", text=Translated("Kolmas"))
    )
    building.move_question(actor=staff, question=third, direction="up")
    assert list(version.questions.order_by("position").values_list("key", flat=True)) == [
        "use",
        "kolmas",
        "why-not",
    ]


def test_delete_renumbers_and_refuses_a_question_others_depend_on(staff, org):
    version = draft_questionnaire(staff, org)
    use = version.questions.get(key="use")
    with pytest.raises(InvalidQuestionnaire):
        building.delete_question(actor=staff, question=use)
    building.delete_question(actor=staff, question=version.questions.get(key="why-not"))
    building.delete_question(actor=staff, question=use)
    assert not Question.objects.filter(version=version).exists()
    assert not Choice.objects.filter(question_id=use.pk).exists()


def test_options_need_value_and_finnish_label_once_each(staff, org):
    version = draft_questionnaire(staff, org)
    use = version.questions.get(key="use")
    with pytest.raises(InvalidQuestionnaire) as error, translation.override("en"):
        building.set_choices(
            actor=staff,
            question=use,
            options=[Option("a", Translated("A")), Option("a", Translated("B"))],
        )
    with translation.override("en"):
        assert "Line 2" in str(error.value.message)


def test_publish_lists_every_problem(staff, org):
    questionnaire = building.create_questionnaire(actor=staff, owner=org, title=Translated("Tyhjä"))
    version = questionnaire.versions.get()
    with pytest.raises(NotPublishable) as error:
        building.publish_version(actor=staff, version=version, now=timezone.now())
    assert len(error.value.problems) == 1
    building.save_question(
        actor=staff,
        version=version,
        data=QuestionData(
            key="one-option", kind="single", text=Translated("Yksi"), choices=FREQUENCY[:1]
        ),
    )
    building.save_question(
        actor=staff,
        version=version,
        data=QuestionData(
            key="matrix", kind="matrix", text=Translated("Väittämät"), choices=FREQUENCY
        ),
    )
    with translation.override("en"), pytest.raises(NotPublishable) as error:
        building.publish_version(actor=staff, version=version, now=timezone.now())
    with translation.override("en"):
        problems = [str(problem) for problem in error.value.problems]
    assert len(problems) == 2
    assert "at least two answer options" in problems[0]
    assert "at least one statement" in problems[1]
    version.refresh_from_db()
    assert version.published_at is None


def test_scale_needs_lowest_below_highest(staff, org):
    version = draft_questionnaire(staff, org)
    with pytest.raises(InvalidQuestionnaire) as error:
        building.save_question(
            actor=staff,
            version=version,
            data=QuestionData(kind="scale", text=Translated("Asteikko"), scale_min=5, scale_max=5),
        )
    assert error.value.field == "scale_max"
