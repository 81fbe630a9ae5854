"""The demo's maturity self-assessments and digital roadmap.

Twelve organisations in the five cities assessed themselves in spring 2025 and again in autumn
2026 (most moved up a level somewhere); Oulu City Library has a new draft in progress. Eleven
initiatives cover the four points of the digital compass, some the network's, some a city
organisation's, with indicators measured over 2025–2026.

Idempotent and deterministic: assessments by organisation and date, initiatives by Finnish
title, indicators by initiative and Finnish name, values by indicator and day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from auditlog.context import disable_auditlog
from django.utils import timezone

from lampio.capability.defaults import ensure_maturity_dimensions
from lampio.capability.models import (
    AssessmentStatus,
    DimensionScore,
    Evidence,
    Indicator,
    Initiative,
    MaturityDimension,
    Measurement,
    SelfAssessment,
)
from lampio.demo.capability_initiatives_data import INITIATIVES, T
from lampio.demo.capability_roadmap_data import (
    AUTUMN_2026,
    DRAFT_ON,
    EVIDENCE,
    EVIDENCE_LINK,
    KEYS,
    LEVELS,
    SPRING_2025,
    SUMMARIES,
    TARGET_STEP,
)
from lampio.tenancy.models import Municipality, Organisation


def _assessment(
    organisation: Organisation,
    on: date,
    levels: str,
    status: str,
    dimensions: Mapping[str, MaturityDimension],
) -> None:
    assessment, created = SelfAssessment.objects.get_or_create(
        organisation=organisation,
        assessed_on=on,
        defaults={
            "status": status,
            "summary": SUMMARIES.get(on, ""),
            "submitted_at": (
                timezone.make_aware(datetime(on.year, on.month, on.day, 12))
                if status == AssessmentStatus.SUBMITTED
                else None
            ),
        },
    )
    if not created:
        return
    for key, level in zip(KEYS, levels, strict=True):
        score = DimensionScore.objects.create(
            assessment=assessment,
            dimension=dimensions[key],
            level=int(level),
            target_level=min(5, int(level) + TARGET_STEP),
            evidence=EVIDENCE.get(key, "") if on == AUTUMN_2026 else "",
        )
        if key == "strategy" and on == AUTUMN_2026 and organisation.municipality.slug == "oulu":
            Evidence.objects.create(score=score, title=EVIDENCE_LINK[0], url=EVIDENCE_LINK[1])


def load_capability_roadmap(*, organisations: Mapping[tuple[str, str], Organisation]) -> None:
    ensure_maturity_dimensions()
    dimensions = {d.key: d for d in MaturityDimension.objects.all()}
    cities = {m.slug: m for m in Municipality.objects.all()}
    with disable_auditlog():
        for key, (spring, autumn) in LEVELS.items():
            organisation = organisations[key]
            _assessment(organisation, SPRING_2025, spring, AssessmentStatus.SUBMITTED, dimensions)
            _assessment(organisation, AUTUMN_2026, autumn, AssessmentStatus.SUBMITTED, dimensions)
        library = organisations[("oulu", "kaupunginkirjasto")]
        if not SelfAssessment.objects.filter(organisation=library, status="draft").exists():
            _assessment(library, DRAFT_ON, "3433433", AssessmentStatus.DRAFT, dimensions)
        for row in INITIATIVES:
            _initiative(row, organisations, dimensions, cities)


def _initiative(
    row: dict[str, Any],
    organisations: Mapping[tuple[str, str], Organisation],
    dimensions: Mapping[str, MaturityDimension],
    cities: Mapping[str, Municipality],
) -> None:
    initiative, _created = Initiative.objects.update_or_create(
        title_fi=row["title"][0],
        defaults={
            **_translated("title", row["title"]),
            **_translated("description", row["description"]),
            "organisation": organisations[row["owner"]] if row["owner"] else None,
            "owner_name": row["owner_name"],
            "compass_point": row["compass_point"],
            "dimension": dimensions[row["dimension"]],
            "status": row["status"],
            "starts_on": row["starts_on"],
            "ends_on": row["ends_on"],
        },
    )
    initiative.municipalities.set([cities[slug] for slug in row["cities"] if slug in cities])
    for name, unit, baseline, target, target_on, higher, values in row["indicators"]:
        indicator, _created = Indicator.objects.update_or_create(
            initiative=initiative,
            name_fi=name[0],
            defaults={
                **_translated("name", name),
                "unit": unit,
                "baseline": None if baseline is None else Decimal(baseline),
                "target": Decimal(target),
                "target_on": target_on,
                "higher_is_better": higher,
            },
        )
        for measured_on, value in values:
            Measurement.objects.get_or_create(
                indicator=indicator, measured_on=measured_on, defaults={"value": Decimal(value)}
            )


def _translated(field: str, values: T) -> dict[str, str]:
    return {
        f"{field}_{lang}": value for lang, value in zip(("fi", "sv", "en"), values, strict=True)
    }
