"""The demo's self-assessments and roadmap load, show progress and load again unchanged."""

from __future__ import annotations

import pytest

from lampio.capability.models import Initiative, Measurement, SelfAssessment
from lampio.capability.selectors.maturity import heat_map
from lampio.capability.selectors.roadmap import indicator_progress
from lampio.demo.capability_roadmap import load_capability_roadmap
from lampio.demo.capability_roadmap_data import LEVELS

pytestmark = pytest.mark.django_db


def test_demo_loads_idempotently(make_municipality, make_organisation, make_user):
    cities = {slug: make_municipality(slug=slug) for slug in {city for city, _ in LEVELS}}
    organisations = {
        (city, slug): make_organisation(municipality=cities[city], slug=slug)
        for city, slug in LEVELS
    }
    load_capability_roadmap(organisations=organisations)
    counts = (
        SelfAssessment.objects.count(),
        Initiative.objects.count(),
        Measurement.objects.count(),
    )
    load_capability_roadmap(organisations=organisations)
    assert counts == (
        SelfAssessment.objects.count(),
        Initiative.objects.count(),
        Measurement.objects.count(),
    )
    assert counts[0] == 12 * 2 + 1
    assert set(Initiative.objects.values_list("compass_point", flat=True)) == {
        "skills",
        "businesses",
        "infrastructure",
        "public_services",
    }
    heat = heat_map(actor=make_user(is_network_admin=True))
    rises = [cell.change for g in heat.groups for row in g.rows for cell in row.cells]
    assert any(change and change > 0 for change in rises)
    feedback = Initiative.objects.get(title_fi="Palautteen käsittelyaika puoleen")
    progress = indicator_progress(feedback.indicators.get())
    assert progress.percent == 89  # from 14 days to 6, toward 5
