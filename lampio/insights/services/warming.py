"""After a nightly run: fill the cache with the tables of the dashboards' default pages, so
the first person to open one in the morning does not wait for the sums.

Only tables are stored (selectors.table: suppressed, keyed by query, threshold and the data's
version); who may see them is still checked on every request. The warming stops after a time
budget, so a big network's nightly job does not grow without bound: what is not warmed is
computed on first view as before. With a per-process cache (no Redis) this fills only the
aggregating process's cache, which is harmless.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import date

from django.utils import timezone

from lampio.insights.dashboards import COMPARISON, DASHBOARD
from lampio.insights.forms import default_period
from lampio.insights.measures import MEASURES
from lampio.insights.selectors import Level, Query, Scope, table, thresholds
from lampio.tenancy.models import Municipality, Organisation

logger = logging.getLogger(__name__)
BUDGET_SECONDS = 120.0


def default_queries(period: tuple[date, date]) -> Iterator[Query]:
    """The queries the dashboards and explorer ask when opened without parameters: the
    network view and explorer first, then each city's and organisation's dashboard."""
    first, last = period
    network = Scope(Level.NETWORK)
    for key in COMPARISON:
        yield Query(MEASURES[key], ("municipality",), first, last, network)
    for key in MEASURES:
        yield Query(MEASURES[key], ("month",), first, last, network)
    scopes = [Scope(Level.MUNICIPALITY, municipality=m) for m in Municipality.objects.all()]
    scopes += [
        Scope(Level.ORGANISATION, organisation=o)
        for o in Organisation.objects.filter(venues__isnull=False).distinct()
    ]
    for scope in scopes:
        for key in DASHBOARD:
            yield Query(MEASURES[key], ("month",), first, last, scope)
        yield Query(MEASURES["space_utilisation"], ("weekday", "hour"), first, last, scope)


def warm(*, today: date | None = None, budget: float = BUDGET_SECONDS) -> int:
    """Compute (and cache) the default queries' tables; returns how many were warmed."""
    started, warmed = time.perf_counter(), 0
    limits = thresholds()
    for query in default_queries(default_period(today or timezone.localdate())):
        if time.perf_counter() - started > budget:
            logger.info("insights cache warming stopped after %d tables", warmed)
            break
        table(query, limits[query.measure.key])
        warmed += 1
    return warmed
