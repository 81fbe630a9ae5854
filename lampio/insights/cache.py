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
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cachetools import TTLCache
from django.core.cache import cache
from django.db import connection

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


# Each process also keeps the entries it used last, as they are, in front of the shared cache:
# a hit then costs neither a round trip to Redis nor unpickling, and a dashboard reads a dozen
# entries. Keeping them is safe: a key names the data's version, so an entry never changes,
# it only falls out of use. Briefly, so that a presented figure's names follow the shared
# entry's timeout closely; bounded, so that explorer queries cannot fill the memory.
_local: TTLCache[str, Any] = TTLCache(maxsize=512, ttl=60)
_local_lock = threading.Lock()  # `make demo`'s server answers requests in threads


def shared_get(entry: str) -> Any:
    """The entry from this process's copies, else from the shared cache (None if absent)."""
    with _local_lock:
        found = _local.get(entry)
    if found is None:
        found = cache.get(entry)
        if found is not None:
            with _local_lock:
                _local[entry] = found
    return found


def shared_set(entry: str, value: Any, timeout: int) -> None:
    cache.set(entry, value, timeout)
    with _local_lock:
        _local[entry] = value


def forget_local() -> None:
    """Drop this process's copies (tests, where versions can repeat after a rollback)."""
    with _local_lock:
        _local.clear()


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
    table = shared_get(entry)
    if not isinstance(table, Table):
        table = compute()
        shared_set(entry, table, TIMEOUT)
    return table, entry
