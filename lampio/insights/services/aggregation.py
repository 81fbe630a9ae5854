"""The nightly aggregation: replace whole months of facts from the other apps' statistics.

Each month is replaced in its own transaction, so dashboards read either the old or the new
month, never half of one, and a long catch-up run does not hold one huge transaction."""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from lampio.insights.collectors import collect_month
from lampio.insights.collectors_common import Dimensions, Window, month_start, next_month
from lampio.insights.measures import COARSE_MEASURES
from lampio.insights.models import AggregationRun, CoarseFact, Fact

BATCH = 5_000


def months_between(first: date, last: date) -> list[date]:
    months, month = [], month_start(first)
    while month <= month_start(last):
        months.append(month)
        month = next_month(month)
    return months


def aggregate_months(first: date, last: date, *, now: datetime) -> AggregationRun:
    """Recompute the facts of the months from `first` to `last` (any days in them) with what
    the sources hold at `now`; days from the local date of `now` on are left out."""
    clock = time.perf_counter()
    today = timezone.localdate(now)
    run = AggregationRun.objects.create(
        started_at=now, first_month=month_start(first), last_month=month_start(last)
    )
    dims = Dimensions.load()
    for month in months_between(first, last):
        window = Window.of(month, now, today)
        with transaction.atomic():
            Fact.objects.filter(month=month).delete()
            CoarseFact.objects.filter(month=month).delete()
            run.facts += _insert(collect_month(window, dims))
            _insert_coarse(month)
    run.seconds = time.perf_counter() - clock
    run.finished_at = now + timedelta(seconds=run.seconds)
    run.save(update_fields=["facts", "seconds", "finished_at"])
    refresh_statistics()
    # Deferred: warming reads the dashboards' definitions, which import forms and views' helpers.
    from lampio.insights.services.warming import warm

    warm()
    return run


def refresh_statistics() -> None:
    """Have the database sample the facts it was just given. The dashboards' query plans are
    chosen from these statistics; until autovacuum's next analyse they describe the tables as
    they were before (empty, after a first run), and the plans would fit that instead."""
    with connection.cursor() as cursor:
        for model in (Fact, CoarseFact):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _insert(facts: Iterable[Fact]) -> int:
    """bulk_create in batches, so a month of a big network never sits in memory at once as
    model instances beyond one batch (the collectors' own tallies are small)."""
    iterator, inserted = iter(facts), 0
    while batch := list(islice(iterator, BATCH)):
        Fact.objects.bulk_create(batch)
        inserted += len(batch)
    return inserted


COARSE_COLUMNS = "measure, month, municipality_id, organisation_id, venue_id, space_id, space_type"


def _insert_coarse(month: date) -> None:
    """The month's space facts summed over weekday and hour, in the database: exactly the sums
    the selectors would form from the facts themselves."""
    measures = ", ".join(["%s"] * len(COARSE_MEASURES))
    sql = (
        f"INSERT INTO {CoarseFact._meta.db_table} ({COARSE_COLUMNS}, value, base, n)"  # noqa: S608 (names from code)
        f" SELECT {COARSE_COLUMNS}, SUM(value), SUM(base), SUM(n) FROM {Fact._meta.db_table}"
        f" WHERE month = %s AND measure IN ({measures}) GROUP BY {COARSE_COLUMNS}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datefield_value(month), *COARSE_MEASURES])
