"""Recompute the insights facts now, e.g. after an import or to fill in past months."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lampio.insights.collectors_common import month_start
from lampio.insights.services.aggregation import aggregate_months


def _month(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m").date()
    except ValueError as error:
        raise CommandError(f"--since takes a month as YYYY-MM, not {value!r}") from error


class Command(BaseCommand):
    help = "Aggregate the insights facts of recent months (default: this and last month)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--months", type=int, default=2, help="how many months up to this one (default 2)"
        )
        parser.add_argument("--since", help="first month, YYYY-MM (overrides --months)")

    def handle(self, *args: Any, **options: Any) -> None:
        now = timezone.now()
        today = timezone.localdate(now)
        if options["since"]:
            first = _month(options["since"])
        else:
            if options["months"] < 1:
                raise CommandError("--months must be at least 1")
            first = month_start(today)
            for _ in range(options["months"] - 1):
                first = month_start(first - timedelta(days=1))
        if first > today:
            raise CommandError("--since is in the future")
        run = aggregate_months(first, today, now=now)
        if options["verbosity"]:
            self.stdout.write(
                f"Aggregated {first:%Y-%m}–{today:%Y-%m}: {run.facts} facts in {run.seconds:.1f} s."
            )
