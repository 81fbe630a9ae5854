"""Reads of the insights app: which figures a person may see, and those figures, always through
the suppression layer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db.models import QuerySet, Sum

from lampio.core.errors import NotFound, PermissionDenied
from lampio.insights.cache import cached_table
from lampio.insights.measures import (
    COARSE_MEASURES,
    FINE_DIMS,
    MEASURES,
    OWN_OBJECT_DIMS,
    Kind,
    Measure,
)
from lampio.insights.models import AggregationRun, CoarseFact, Fact, MeasureSetting
from lampio.insights.suppression import Atom, Table, suppress
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, Actor, can, has_any_role, is_network_admin

MAX_DIMENSIONS = 2
# Fact columns of the dimensions whose value is a row (read as its id).
FOREIGN_KEYS = {"municipality", "organisation", "venue", "space", "offering"}


class Level(StrEnum):
    ORGANISATION = "organisation"  # one organisation's own figures
    MUNICIPALITY = "municipality"  # one city's organisations pooled
    NETWORK = "network"  # every city, side by side
    OPEN = "open"  # what the network publishes to everyone


@dataclass(frozen=True)
class Scope:
    level: Level
    organisation: Organisation | None = None
    municipality: Municipality | None = None


@dataclass(frozen=True)
class Query:
    measure: Measure
    by: tuple[str, ...]
    first_month: date
    last_month: date
    scope: Scope
    municipality: Municipality | None = None  # a filter within the network or open view


@dataclass(frozen=True)
class Result:
    query: Query
    table: Table
    threshold: int
    # The table's cache key (cache.key): what is derived from the table alone may be cached
    # under it; empty for a result made otherwise, which is then not cached.
    cache_key: str = ""


def thresholds() -> dict[str, int]:
    """Every measure's threshold, by key, in one query (a dashboard shows several measures)."""
    floor = int(settings.LAMPIO_INSIGHTS_THRESHOLD)
    # A setting may raise the bar, never lower it below the network's floor.
    raised = {
        key: max(threshold or 0, floor)
        for key, threshold in MeasureSetting.objects.filter(threshold__gt=0).values_list(
            "measure", "threshold"
        )
    }
    return {key: raised.get(key, measure.default_threshold) for key, measure in MEASURES.items()}


def threshold_for(measure: Measure) -> int:
    return thresholds()[measure.key]


def open_data_keys() -> set[str]:
    return set(MeasureSetting.objects.filter(is_open_data=True).values_list("measure", flat=True))


def may_view(actor: Actor, scope: Scope) -> bool:
    if scope.level == Level.OPEN:
        return True
    if scope.level == Level.NETWORK:
        return has_any_role(actor)
    if scope.level == Level.MUNICIPALITY:
        return scope.municipality is not None and can(actor, Action.VIEW, scope.municipality)
    return scope.organisation is not None and can(actor, Action.VIEW, scope.organisation)


def visible_measures(*, actor: Actor, scope: Scope) -> list[Measure]:
    """The measures `actor` may read in `scope`; anonymous callers get only open data."""
    if not may_view(actor, scope):
        raise PermissionDenied()
    if scope.level == Level.OPEN:
        published = open_data_keys()
        return [m for m in MEASURES.values() if m.key in published]
    return list(MEASURES.values())


def allowed_dimensions(*, actor: Actor, measure: Measure, scope: Scope) -> list[str]:
    """Dimensions that name one organisation's objects are open only to that organisation,
    the network's administrators, and everyone when the measure is open data."""
    if (
        scope.level == Level.ORGANISATION
        or is_network_admin(actor)
        or measure.key in open_data_keys()
    ):
        return list(measure.dimensions)
    return [d for d in measure.dimensions if d not in OWN_OBJECT_DIMS]


def measure_result(
    *, actor: Actor, query: Query, threshold: int | None = None, state: str | None = None
) -> Result:
    """The suppressed table of one query, after checking the person may ask it.

    A page of several figures reads the `threshold`s and the data's `state` (cache.version)
    once and passes them in; left out, they are read here.
    """
    if query.measure not in visible_measures(actor=actor, scope=query.scope):
        raise NotFound()
    allowed = allowed_dimensions(actor=actor, measure=query.measure, scope=query.scope)
    if len(query.by) > MAX_DIMENSIONS or any(d not in allowed for d in query.by):
        raise PermissionDenied()
    if len(set(query.by)) != len(query.by):
        raise PermissionDenied()
    if threshold is None:
        threshold = threshold_for(query.measure)
    found, cache_key = _cached(query, threshold, state)
    return Result(query, found, threshold, cache_key)


def table(query: Query, threshold: int) -> Table:
    """The suppressed table of `query`, from the cache while the data is unchanged (the cache
    holds only what suppress() gave for the same facts and threshold). No permission check:
    callers are measure_result and the cache warming."""
    return _cached(query, threshold)[0]


def _cached(query: Query, threshold: int, state: str | None = None) -> tuple[Table, str]:
    return cached_table(
        query,
        threshold,
        lambda: suppress(
            _atoms(query),
            dimensions=len(query.by),
            threshold=threshold,
            ratio=query.measure.kind != Kind.COUNT,
        ),
        state=state,
    )


def _source(query: Query) -> type[Fact] | type[CoarseFact]:
    """The coarse facts (summed over weekday and hour) when the query needs neither and the
    aggregation wrote them for its months; the facts themselves otherwise. The aggregation
    writes both for every month, so only facts made by hand lack coarse ones."""
    if query.measure.key not in COARSE_MEASURES or FINE_DIMS & set(query.by):
        return Fact
    coarse = CoarseFact.objects.filter(
        measure=query.measure.key, month__gte=query.first_month, month__lte=query.last_month
    )
    return CoarseFact if coarse.exists() else Fact


def _facts(query: Query) -> QuerySet[Any]:
    facts = _source(query).objects.filter(
        measure=query.measure.key,
        month__gte=query.first_month,
        month__lte=query.last_month,
    )
    scope = query.scope
    if scope.level == Level.ORGANISATION and scope.organisation is not None:
        facts = facts.filter(organisation=scope.organisation)
    elif scope.level == Level.MUNICIPALITY and scope.municipality is not None:
        facts = facts.filter(municipality=scope.municipality)
    if query.municipality is not None:
        facts = facts.filter(municipality=query.municipality)
    return facts


def _column(dimension: str) -> str:
    return f"{dimension}_id" if dimension in FOREIGN_KEYS else dimension


def _atoms(query: Query) -> list[Atom]:
    columns = [_column(d) for d in query.by]
    rows = (
        _facts(query)
        .values(*columns, "month", "municipality_id", "organisation_id")
        .annotate(v=Sum("value"), b=Sum("base"), c=Sum("n"))
        .order_by()
    )
    return [
        Atom(
            cell=tuple(row[c] for c in columns),
            slice=(row["month"], row["municipality_id"], row["organisation_id"]),
            value=row["v"] or 0.0,
            base=row["b"] or 0.0,
            n=row["c"] or 0,
        )
        for row in rows
    ]


def last_run() -> AggregationRun | None:
    return AggregationRun.objects.filter(finished_at__isnull=False).first()


def months_with_facts() -> tuple[date, date] | None:
    months = Fact.objects.order_by("month").values_list("month", flat=True)
    first = months.first()
    last = Fact.objects.order_by("-month").values_list("month", flat=True).first()
    return (first, last) if first and last else None


def describe(query: Query) -> dict[str, Any]:
    return {
        "measure": query.measure.key,
        "by": list(query.by),
        "from": query.first_month.isoformat(),
        "to": query.last_month.isoformat(),
        "level": str(query.scope.level),
    }
