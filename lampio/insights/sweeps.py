"""The nightly aggregation as a periodic sweep (see lampio.core.schedule).

The scheduler asks every hour; the sweep works once per local day: the first time it runs on
a new day it recomputes the previous and the current month (the previous one, because late
answers, no-shows and attendance are still recorded after a month ends). A run that failed
left no finished AggregationRun, so the next hour tries again."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from lampio.core.schedule import register_sweep
from lampio.core.timeranges import local_datetime
from lampio.insights.models import AggregationRun
from lampio.insights.services.aggregation import aggregate_months


def aggregate_nightly(now: datetime) -> int:
    today = timezone.localdate(now)
    day_start = local_datetime(today, time())
    if AggregationRun.objects.filter(finished_at__isnull=False, started_at__gte=day_start).exists():
        return 0
    previous = today.replace(day=1) - timedelta(days=1)
    return aggregate_months(previous, today, now=now).facts


register_sweep("insights.aggregate", aggregate_nightly, every_seconds=3600)
