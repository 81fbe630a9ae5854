"""Reads of the roadmap: the filtered list by compass point, one initiative with its indicators'
progress, the timeline and the figures of the hub.

The roadmap is the network's shared plan: everyone on staff reads all of it; who may change an
initiative is `services.roadmap.may_change_roadmap_of`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from lampio.capability.models import (
    CompassPoint,
    Indicator,
    Initiative,
    InitiativeStatus,
    Measurement,
    Pilot,
)
from lampio.core.errors import NotFound
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Actor, has_any_role

NETWORK = "network"  # the organisation filter's value for network initiatives


def _initiatives(actor: Actor) -> QuerySet[Initiative]:
    if not has_any_role(actor):
        return Initiative.objects.none()
    return Initiative.objects.select_related(
        "organisation__municipality", "dimension"
    ).prefetch_related("municipalities")


def _with_indicators(initiatives: QuerySet[Initiative]) -> QuerySet[Initiative]:
    return initiatives.prefetch_related(
        Prefetch(
            "indicators",
            queryset=Indicator.objects.order_by("pk").prefetch_related(
                Prefetch("measurements", queryset=Measurement.objects.order_by("measured_on"))
            ),
        )
    )


@dataclass(frozen=True)
class RoadmapFilters:
    status: str = ""
    compass_point: str = ""
    dimension_id: int | None = None
    municipality: str = ""  # slug
    organisation: str = ""  # an organisation's id, or NETWORK


def roadmap_initiatives(
    *, actor: Actor, filters: RoadmapFilters | None = None, indicators: bool = False
) -> list[Initiative]:
    filters = filters or RoadmapFilters()
    initiatives = _initiatives(actor)
    if filters.status:
        initiatives = initiatives.filter(status=filters.status)
    if filters.compass_point:
        initiatives = initiatives.filter(compass_point=filters.compass_point)
    if filters.dimension_id:
        initiatives = initiatives.filter(dimension_id=filters.dimension_id)
    if filters.municipality:
        # An organisation's initiative belongs to its city even when no city is ticked.
        initiatives = initiatives.filter(
            Q(municipalities__slug=filters.municipality)
            | Q(organisation__municipality__slug=filters.municipality)
        ).distinct()
    if filters.organisation == NETWORK:
        initiatives = initiatives.filter(organisation__isnull=True)
    elif filters.organisation.isdigit():
        initiatives = initiatives.filter(organisation_id=int(filters.organisation))
    if indicators:
        initiatives = _with_indicators(initiatives)
    return list(initiatives.order_by("starts_on", "pk"))


@dataclass(frozen=True)
class CompassGroup:
    compass_point: str
    label: str
    initiatives: list[Any]


def by_compass_point(items: list[Any], key: Any = None) -> list[CompassGroup]:
    """Items (initiatives, or rows holding one as `.initiative`) in the compass's order;
    points without items are left out."""
    key = key or (lambda item: item.compass_point)
    return [
        CompassGroup(point.value, str(point.label), found)
        for point in CompassPoint
        if (found := [item for item in items if key(item) == point.value])
    ]


def roadmap_filter_choices() -> dict[str, list[Any]]:
    """The organisations owning initiatives and the cities named in the roadmap."""
    owners = Organisation.objects.filter(
        pk__in=Initiative.objects.filter(organisation__isnull=False).values("organisation_id")
    ).select_related("municipality")
    return {
        "organisations": sorted(owners, key=lambda org: (org.municipality.name, org.name)),
        "municipalities": list(Municipality.objects.order_by("name")),
    }


def initiative_for(*, actor: Actor, initiative_id: int) -> Initiative:
    initiative = _with_indicators(_initiatives(actor)).filter(pk=initiative_id).first()
    if initiative is None:
        raise NotFound()
    return initiative


def indicator_for(*, actor: Actor, indicator_id: int) -> Indicator:
    if not has_any_role(actor):
        raise NotFound()
    indicator = (
        Indicator.objects.select_related("initiative__organisation").filter(pk=indicator_id).first()
    )
    if indicator is None:
        raise NotFound()
    return indicator


def linked_pilots(initiative: Initiative) -> list[Pilot]:
    return list(
        Pilot.objects.filter(initiatives=initiative)
        .select_related("organisation")
        .order_by("starts_on", "pk")
    )


# --- Progress -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorProgress:
    indicator: Indicator
    measurements: list[Measurement]
    latest: Measurement | None
    percent: int | None  # of the way from baseline to target, 0–100; None if not measurable

    @property
    def reached(self) -> bool:
        return self.percent == 100


def progress_percent(
    baseline: Decimal | None, latest: Decimal | None, target: Decimal, higher_is_better: bool
) -> int | None:
    """How far the latest value has come from the baseline toward the target, in whole per
    cent, between 0 (at or behind the baseline) and 100 (target reached or passed)."""
    if latest is None:
        return None
    if baseline is None:
        # Without a baseline only "more is better" toward a positive target can be told.
        if not higher_is_better or target <= 0:
            return None
        baseline = Decimal(0)
    span = target - baseline
    if span == 0 or (span > 0) != higher_is_better:
        return 100 if (latest >= target) == higher_is_better else 0
    share = (latest - baseline) / span * 100
    return int(max(Decimal(0), min(Decimal(100), share)).to_integral_value())


def indicator_progress(indicator: Indicator) -> IndicatorProgress:
    measurements = list(indicator.measurements.all())
    latest = measurements[-1] if measurements else None
    return IndicatorProgress(
        indicator=indicator,
        measurements=measurements,
        latest=latest,
        percent=progress_percent(
            indicator.baseline,
            latest.value if latest else None,
            indicator.target,
            indicator.higher_is_better,
        ),
    )


# --- Figures for the hub ------------------------------------------------------------------------


@dataclass(frozen=True)
class RoadmapFigures:
    in_progress: int
    planned: int
    done: int
    indicators: int


def roadmap_figures(*, actor: Actor) -> RoadmapFigures:
    initiatives = _initiatives(actor)
    return RoadmapFigures(
        in_progress=initiatives.filter(status=InitiativeStatus.IN_PROGRESS).count(),
        planned=initiatives.filter(status=InitiativeStatus.PLANNED).count(),
        done=initiatives.filter(status=InitiativeStatus.DONE).count(),
        indicators=Indicator.objects.filter(initiative__in=initiatives).count(),
    )


def pilot_count(*, actor: Actor) -> int:
    return Pilot.objects.count() if has_any_role(actor) else 0


def today_within(initiative: Initiative, today: date) -> bool:
    return initiative.starts_on <= today and (
        initiative.ends_on is None or today <= initiative.ends_on
    )
