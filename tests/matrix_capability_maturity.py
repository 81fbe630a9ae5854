"""Permission-matrix entries of capability_maturity (test_permission_matrix): the capability
hub, the maturity self-assessment and heat map, and the roadmap.

`objects(organisation)` gives B's objects as URL keyword arguments: B's draft self-assessment
(every dimension scored, one evidence link) and an initiative of B with one indicator. The
hub, the heat map and the roadmap are for anyone with a staff role; the roadmap is the network's
shared plan, so A's staff read B's initiative but may not change it (403). B's self-assessment
is B's own: 404 to A. The draft is submitted last, after its link was added and removed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from lampio.capability.defaults import ensure_maturity_dimensions
from lampio.capability.models import (
    DimensionScore,
    Evidence,
    Indicator,
    Initiative,
    MaturityDimension,
    SelfAssessment,
)
from tests.matrix_cases import (
    ANON,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
)

ANY_STAFF = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}
OWNER_ONLY = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 403, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "capability_staff:index": Case(ANY_STAFF),
    "capability_staff:maturity_map": Case(ANY_STAFF),
    "capability_staff:maturity_organisation": Case(STAFF_OF_B_ONLY),
    # B already has a draft: starting again continues it.
    "capability_staff:maturity_start": Case(STAFF_OF_B_POST, "post"),
    "capability_staff:maturity_assessment": Case(STAFF_OF_B_ONLY),
    "capability_staff:maturity_link_add": Case(
        STAFF_OF_B_POST,
        "post",
        {"link-dimension": "", "link-title": "Raportti", "link-url": "https://example.fi/r"},
    ),
    "capability_staff:maturity_link_remove": Case(STAFF_OF_B_POST, "post"),
    "capability_staff:roadmap": Case(ANY_STAFF, data={"status": "in_progress"}),
    "capability_staff:roadmap_timeline": Case(ANY_STAFF),
    "capability_staff:roadmap_report": Case(ANY_STAFF),
    "capability_staff:initiative_new": Case(ANY_STAFF),
    "capability_staff:initiative": Case(ANY_STAFF),
    "capability_staff:initiative_edit": Case(OWNER_ONLY),
    "capability_staff:indicator_new": Case(OWNER_ONLY),
    "capability_staff:measurement_new": Case(OWNER_ONLY),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    ensure_maturity_dimensions()
    draft = SelfAssessment.objects.create(organisation=organisation, assessed_on=date(2026, 5, 4))
    scores = [
        DimensionScore.objects.create(assessment=draft, dimension=dimension, level=3)
        for dimension in MaturityDimension.objects.filter(is_active=True)
    ]
    link = Evidence.objects.create(score=scores[0], title="Strategia", url="https://example.fi/s")
    PAGES["capability_staff:maturity_link_add"].data["link-dimension"] = str(scores[0].dimension_id)
    initiative = Initiative.objects.create(
        title_fi="Digituki kirjastoissa",
        title="Digituki kirjastoissa",
        owner_name="Kirjastotoimenjohtaja",
        compass_point="skills",
        status="in_progress",
        starts_on=date(2025, 1, 1),
        organisation=organisation,
    )
    indicator = Indicator.objects.create(
        initiative=initiative, name_fi="Ohjauskerrat", name="Ohjauskerrat", target=Decimal(300)
    )
    return {
        "assessment_id": draft.pk,
        "maturity_link_id": link.pk,
        "initiative_id": initiative.pk,
        "indicator_id": indicator.pk,
    }
