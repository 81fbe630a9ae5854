"""Anonymise the personal data whose retention period has ended (lampio/retention_policy.py).

The scheduler runs the same sweep daily; this command is for a timer, a first run, or a check:
`--dry-run` prints how many rows each rule would handle and changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from lampio.core.retention import anonymise_expired


class Command(BaseCommand):
    help = "Anonymise or delete personal data whose retention period has ended."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what has expired, per rule."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        results = anonymise_expired(now=timezone.now(), dry_run=dry_run)
        for result in results:
            period = "-" if result.days is None else f"{result.days} d"
            done = "" if dry_run else f", handled {result.handled}"
            self.stdout.write(f"{result.key}: kept {period}, expired {result.expired}{done}")
        total = sum(result.expired if dry_run else result.handled for result in results)
        verb = "would handle" if dry_run else "handled"
        self.stdout.write(self.style.SUCCESS(f"Retention: {verb} {total} rows."))
