"""Suppressed tables kept in Django's cache, so a dashboard does not sum the same facts again
for every viewer.

What is cached is the output of the suppression layer for one query and one threshold (never
raw sums): the checks of who may ask a query still run on every request (selectors), and the
figures are exactly those the suppression layer gave for the facts of the moment. A key holds
the query (measure, dimensions, months, scope, municipality filter), the threshold and a
*version* read from the database on each request: it changes when an aggregation run starts
or finishes, when facts are added and when a measure setting (threshold, open data) is saved
or removed. Read from the database rather than kept in the cache, the version is right in
every process even where each has a cache of its own (the local-memory default) and when the
aggregation ran in another process, so figures are never stale after a nightly run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.cache import caches
from django.db import connection
from django.utils.connection import ConnectionProxy

from lampio.insights.models import AggregationRun, CoarseFact, Fact, MeasureSetting
from lampio.insights.suppression import Table

if TYPE_CHECKING:
    from lampio.insights.selectors import Query

PREFIX = "insights:table"
# A safety net only: versions make old entries unreachable the moment the data changes
# (an organisation removed with its facts is the one change no version sees).
TIMEOUT = 6 * 60 * 60
# A presented figure also holds the names of cities, organisations and spaces, which change
# without a new version: kept briefly, so a renamed space shows its new name within minutes.
PRESENTED_TIMEOUT = 10 * 60


# Many requests read the same figures: each process keeps those it used last, as objects, in
# front of the shared cache ("figures": lampio/core/local_first_cache.py). Safe to keep: a key
# names the data's version, so an entry never changes, it only falls out of use.
figures_cache = ConnectionProxy(caches, "figures")


def version() -> str:
    """The state of the data behind every figure, in one query on primary keys and the small
    tables of runs and settings."""
    runs, settings_, facts, coarse = (
        AggregationRun._meta.db_table,
        MeasureSetting._meta.db_table,
        Fact._meta.db_table,
        CoarseFact._meta.db_table,
    )
    sql = (
        f"SELECT (SELECT MAX(id) FROM {runs}),"  # noqa: S608 (table names from code)
        f" (SELECT COUNT(*) FROM {runs} WHERE finished_at IS NOT NULL),"
        f" (SELECT MAX(updated_at) FROM {settings_}), (SELECT COUNT(*) FROM {settings_}),"
        f" (SELECT MAX(id) FROM {facts}), (SELECT MAX(id) FROM {coarse})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return "|".join(str(part) for part in row)


def key(query: Query, threshold: int, state: str) -> str:
    scope = query.scope
    parts = [
        query.measure.key,
        ",".join(query.by),
        query.first_month.isoformat(),
        query.last_month.isoformat(),
        str(scope.level),
        str(scope.organisation.pk if scope.organisation else ""),
        str(scope.municipality.pk if scope.municipality else ""),
        str(query.municipality.pk if query.municipality else ""),
        str(threshold),
        state,
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]
    return f"{PREFIX}:{digest}"


def cached_table(
    query: Query, threshold: int, compute: Callable[[], Table], *, state: str | None = None
) -> tuple[Table, str]:
    """The cached table of `query`, computed (and stored) when the data changed since, and its
    key (what is derived from the table alone may be cached under it too). `state` is the
    `version()` when the caller has just read it (once for a page of figures)."""
    entry = key(query, threshold, state or version())
    table = figures_cache.get(entry)
    if not isinstance(table, Table):
        table = compute()
        figures_cache.set(entry, table, TIMEOUT)
    return table, entry
