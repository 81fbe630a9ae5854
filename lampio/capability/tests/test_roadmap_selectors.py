"""Roadmap reads: filters, progress toward a target, and that all staff read the roadmap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lampio.capability.models import Indicator, Initiative, Measurement
from lampio.capability.selectors.roadmap import (
    NETWORK,
    RoadmapFilters,
    by_compass_point,
    indicator_progress,
    progress_percent,
    roadmap_initiatives,
)

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.mark.parametrize(
    ("baseline", "latest", "target", "higher", "expected"),
    [
        (D(100), D(250), D(400), True, 50),
        (D(100), D(500), D(400), True, 100),
        (D(100), D(80), D(400), True, 0),
        (D(14), D(10), D(6), False, 50),
        (D(14), D(16), D(6), False, 0),
        (D(14), D(5), D(6), False, 100),
        (None, D(30), D(60), True, 50),
        (None, D(3), D(6), False, None),
        (D(1), None, D(6), True, None),
    ],
)
def test_progress_respects_the_direction(baseline, latest, target, higher, expected):
    assert progress_percent(baseline, latest, target, higher) == expected


def _initiative(title: str, point: str, organisation=None, **fields) -> Initiative:
    return Initiative.objects.create(
        title_fi=title,
        title=title,
        owner_name="Vastuuhenkilö",
        compass_point=point,
        starts_on=date(2025, 1, 1),
        organisation=organisation,
        **fields,
    )


def test_every_staff_member_reads_the_roadmap_and_filters_work(
    make_organisation, make_member, make_municipality, make_user
):
    oulu = make_municipality(slug="oulu")
    a, b = make_organisation(municipality=oulu), make_organisation()
    network_one = _initiative("Verkosto", "skills", status="in_progress")
    network_one.municipalities.add(oulu)
    own_b = _initiative("B:n", "public_services", organisation=b, status="planned")
    own_a = _initiative("A:n", "skills", organisation=a, status="done")
    staff_of_b = make_member(b)
    assert set(roadmap_initiatives(actor=staff_of_b)) == {network_one, own_b, own_a}
    assert roadmap_initiatives(actor=make_user()) == []
    assert roadmap_initiatives(actor=staff_of_b, filters=RoadmapFilters(status="done")) == [own_a]
    assert set(
        roadmap_initiatives(actor=staff_of_b, filters=RoadmapFilters(municipality="oulu"))
    ) == {network_one, own_a}
    assert roadmap_initiatives(actor=staff_of_b, filters=RoadmapFilters(organisation=NETWORK)) == [
        network_one
    ]
    groups = by_compass_point(roadmap_initiatives(actor=staff_of_b))
    assert [group.compass_point for group in groups] == ["skills", "public_services"]


def test_indicator_progress_uses_the_latest_value():
    initiative = _initiative("Mittari", "skills")
    indicator = Indicator.objects.create(
        initiative=initiative, name_fi="Käynnit", name="Käynnit", baseline=D(0), target=D(200)
    )
    Measurement.objects.create(indicator=indicator, measured_on=date(2026, 6, 1), value=D(150))
    Measurement.objects.create(indicator=indicator, measured_on=date(2025, 6, 1), value=D(50))
    progress = indicator_progress(indicator)
    assert progress.latest is not None and progress.latest.value == D(150)
    assert progress.percent == 75
