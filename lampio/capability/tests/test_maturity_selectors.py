"""Maturity reads: an organisation's history with change, and who sees what on the heat map."""

from __future__ import annotations

from datetime import date

import pytest

from lampio.capability.defaults import ensure_maturity_dimensions
from lampio.capability.models import (
    AssessmentStatus,
    DimensionScore,
    MaturityDimension,
    SelfAssessment,
)
from lampio.capability.selectors.maturity import assessment_history, heat_map, maturity_figures
from lampio.core.errors import NotFound
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


def submitted(organisation, on: date, levels: dict[str, int]) -> SelfAssessment:
    assessment = SelfAssessment.objects.create(
        organisation=organisation, assessed_on=on, status=AssessmentStatus.SUBMITTED
    )
    for key, level in levels.items():
        DimensionScore.objects.create(
            assessment=assessment, dimension=MaturityDimension.objects.get(key=key), level=level
        )
    return assessment


@pytest.fixture
def network(make_organisation, make_municipality):
    ensure_maturity_dimensions()
    oulu, turku = make_municipality(slug="oulu"), make_municipality(slug="turku")
    a = make_organisation(municipality=oulu)
    b = make_organisation(municipality=turku)
    c = make_organisation(municipality=turku)
    submitted(a, date(2025, 4, 1), {"strategy": 1, "data": 2})
    submitted(a, date(2026, 10, 1), {"strategy": 3, "data": 2})
    submitted(b, date(2026, 10, 1), {"strategy": 2, "data": 4})
    submitted(c, date(2026, 9, 1), {"strategy": 5, "data": 4})
    SelfAssessment.objects.create(organisation=c, assessed_on=date(2026, 11, 1))  # a draft
    return a, b, c


def test_history_is_newest_first_with_change(network, make_member):
    a, _b, _c = network
    staff = make_member(a)
    history = assessment_history(actor=staff, organisation=a)
    assert [entry.assessment.assessed_on for entry in history] == [
        date(2026, 10, 1),
        date(2025, 4, 1),
    ]
    strategy = next(cell for cell in history[0].cells if cell.dimension.key == "strategy")
    data = next(cell for cell in history[0].cells if cell.dimension.key == "data")
    assert (strategy.level, strategy.previous, strategy.change) == (3, 1, 2)
    assert data.change == 0
    assert history[1].previous_on is None


def test_history_of_another_organisation_is_not_found(network, make_member):
    a, b, _c = network
    with pytest.raises(NotFound):
        assessment_history(actor=make_member(b), organisation=a)


def test_network_admin_sees_every_organisation_grouped_by_city(network, make_user):
    a, b, c = network
    admin = make_user(is_network_admin=True)
    heat = heat_map(actor=admin)
    assert heat.shows_network
    assert [[row.organisation for row in group.rows] for group in heat.groups] == [[a], [b, c]]
    only_turku = heat_map(actor=admin, municipality="turku")
    assert [row.organisation for g in only_turku.groups for row in g.rows] == [b, c]


def test_staff_see_own_rows_and_only_counts_of_others(network, make_member):
    _a, b, _c = network
    staff = make_member(b, role=Role.VIEWER)
    heat = heat_map(actor=staff)
    assert not heat.shows_network
    assert [row.organisation for g in heat.groups for row in g.rows] == [b]
    assert heat.municipalities == []
    strategy = next(d for d in heat.distribution if d.dimension.key == "strategy")
    # Latest submitted only: a at 3 (not its earlier 1), b at 2, c at 5.
    assert strategy.counts == [0, 1, 1, 0, 1]
    assert strategy.median == 3.0
    assert heat.organisations_assessed == 3


def test_figures_count_organisations_and_own_drafts(network, make_member):
    _a, _b, c = network
    figures = maturity_figures(actor=make_member(c))
    assert (figures.organisations_assessed, figures.drafts_of_mine) == (3, 1)
