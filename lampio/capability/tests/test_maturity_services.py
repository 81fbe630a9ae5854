"""Maturity self-assessment services: draft, scores, evidence links, submit, permissions."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from lampio.capability.defaults import ensure_maturity_dimensions
from lampio.capability.models import AssessmentStatus, Evidence, MaturityDimension, SelfAssessment
from lampio.capability.services.maturity import (
    IncompleteAssessment,
    ScoreData,
    add_evidence_link,
    remove_evidence_link,
    save_scores,
    start_assessment,
    submit_assessment,
)
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(make_organisation):
    ensure_maturity_dimensions()
    return make_organisation()


@pytest.fixture
def staff(org, make_member):
    return make_member(org, role=Role.STAFF)


def _all(level: int, target: int | None = None) -> list[ScoreData]:
    return [
        ScoreData(dimension=dimension, level=level, target_level=target)
        for dimension in MaturityDimension.objects.filter(is_active=True)
    ]


def test_seed_has_seven_dimensions_with_five_levels_in_three_languages():
    ensure_maturity_dimensions()
    ensure_maturity_dimensions()  # idempotent
    dimensions = list(MaturityDimension.objects.all())
    assert len(dimensions) == 7
    for dimension in dimensions:
        assert dimension.name_fi and dimension.name_sv and dimension.name_en
        assert sorted(dimension.levels.values_list("level", flat=True)) == [1, 2, 3, 4, 5]
        assert all(
            level.description_sv and level.description_en for level in dimension.levels.all()
        )


def test_seed_leaves_reworded_rows_alone_and_adds_missing_levels():
    ensure_maturity_dimensions()
    strategy = MaturityDimension.objects.get(key="strategy")
    strategy.name_fi = "Oma nimi"
    strategy.save()
    strategy.levels.filter(level=5).delete()
    ensure_maturity_dimensions()
    strategy.refresh_from_db()
    assert strategy.name_fi == "Oma nimi"
    assert strategy.levels.count() == 5


def test_start_continues_the_one_draft(org, staff):
    first = start_assessment(actor=staff, organisation=org, today=date(2026, 3, 1))
    again = start_assessment(actor=staff, organisation=org)
    assert first.pk == again.pk
    assert first.status == AssessmentStatus.DRAFT
    assert LogEntry.objects.get_for_object(first).get().actor == staff


def test_new_draft_starts_from_the_latest_submitted_levels(org, staff):
    draft = start_assessment(actor=staff, organisation=org)
    save_scores(actor=staff, assessment=draft, scores=_all(2, 4))
    submit_assessment(actor=staff, assessment=draft)
    second = start_assessment(actor=staff, organisation=org)
    assert second.pk != draft.pk
    assert set(second.scores.values_list("level", "target_level")) == {(2, 4)}


def test_submit_lists_the_dimensions_missing(org, staff):
    draft = start_assessment(actor=staff, organisation=org)
    scores = _all(3)
    save_scores(actor=staff, assessment=draft, scores=scores[:5])
    with pytest.raises(IncompleteAssessment) as raised:
        submit_assessment(actor=staff, assessment=draft)
    assert [d.key for d in raised.value.missing] == ["technology", "ecosystem"]
    with translation.override("en"):
        message = str(raised.value.message)
        assert "Technology, security and infrastructure" in message
        assert "Collaboration, platform and ecosystem" in message
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT


def test_submitted_assessment_is_frozen(org, staff):
    draft = start_assessment(actor=staff, organisation=org)
    save_scores(actor=staff, assessment=draft, scores=_all(3), summary="Hyvä alku")
    submitted = submit_assessment(actor=staff, assessment=draft)
    assert submitted.submitted_at is not None
    with pytest.raises(Conflict):
        save_scores(actor=staff, assessment=submitted, scores=_all(4))


def test_score_checks(org, staff):
    draft = start_assessment(actor=staff, organisation=org)
    dimension = MaturityDimension.objects.get(key="data")
    with pytest.raises(InvalidInput) as raised:
        save_scores(
            actor=staff,
            assessment=draft,
            scores=[ScoreData(dimension=dimension, level=4, target_level=2)],
        )
    assert raised.value.field == "target_data"
    with pytest.raises(InvalidInput) as raised:
        save_scores(
            actor=staff,
            assessment=draft,
            scores=[ScoreData(dimension=dimension, level=None, evidence="Perustelu")],
        )
    assert raised.value.field == "level_data"


def test_clearing_a_level_removes_the_score(org, staff):
    draft = start_assessment(actor=staff, organisation=org)
    dimension = MaturityDimension.objects.get(key="skills")
    save_scores(actor=staff, assessment=draft, scores=[ScoreData(dimension=dimension, level=2)])
    assert draft.scores.count() == 1
    save_scores(actor=staff, assessment=draft, scores=[ScoreData(dimension=dimension, level=None)])
    assert draft.scores.count() == 0


def test_evidence_links_need_a_score_and_a_web_address(org, staff):
    draft = start_assessment(actor=staff, organisation=org)
    dimension = MaturityDimension.objects.get(key="strategy")
    with pytest.raises(InvalidInput) as raised:
        add_evidence_link(
            actor=staff,
            assessment=draft,
            dimension=dimension,
            title="Strategia",
            url="https://a.fi",
        )
    assert raised.value.field == "dimension"
    save_scores(actor=staff, assessment=draft, scores=[ScoreData(dimension=dimension, level=3)])
    for bad in ("javascript:alert(1)", "ftp://files.example.fi/a", "www.example.fi"):
        with pytest.raises(InvalidInput) as raised:
            add_evidence_link(
                actor=staff, assessment=draft, dimension=dimension, title="Strategia", url=bad
            )
        assert raised.value.field == "url"
    link = add_evidence_link(
        actor=staff,
        assessment=draft,
        dimension=dimension,
        title="Kulttuuristrategia 2030",
        url="https://www.ouka.fi/strategia",
    )
    assert link.score.dimension == dimension
    remove_evidence_link(actor=staff, assessment=draft, link_id=link.pk)
    assert not Evidence.objects.exists()


def test_other_organisation_is_not_found_and_viewers_are_refused(
    org, staff, make_organisation, make_member
):
    draft = start_assessment(actor=staff, organisation=org)
    outsider = make_member(make_organisation(), role=Role.ADMIN)
    viewer = make_member(org, role=Role.VIEWER)
    with pytest.raises(NotFound):
        start_assessment(actor=outsider, organisation=org)
    with pytest.raises(NotFound):
        save_scores(actor=outsider, assessment=draft, scores=_all(5))
    with pytest.raises(NotFound):
        submit_assessment(actor=outsider, assessment=draft)
    with pytest.raises(PermissionDenied):
        save_scores(actor=viewer, assessment=draft, scores=_all(5))
    assert not draft.scores.exists()


def test_one_draft_per_organisation_is_kept_by_the_database(org, staff):
    start_assessment(actor=staff, organisation=org)
    assert SelfAssessment.objects.filter(organisation=org).count() == 1
