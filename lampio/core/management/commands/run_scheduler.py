"""Run every registered sweep on its interval, forever (or once with --once)."""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from lampio.core.schedule import sweeps

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the periodic sweeps (reminders, lapsed offers, retries)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--once", action="store_true", help="Run every sweep once and exit.")
        parser.add_argument("--tick", type=float, default=5.0, help="Seconds between checks.")

    def handle(self, *args: Any, once: bool = False, tick: float = 5.0, **options: Any) -> None:
        last_run: dict[str, float] = {}
        while True:
            # As a request would: drop a connection that broke (PostgreSQL restarted) or aged
            # out, so the next sweep reconnects instead of failing until someone restarts us.
            close_old_connections()
            for sweep in sweeps():
                if (
                    not once
                    and time.monotonic() - last_run.get(sweep.name, -1e9) < sweep.every_seconds
                ):
                    continue
                last_run[sweep.name] = time.monotonic()
                try:
                    handled = sweep.run(timezone.now())
                except Exception:  # one failing sweep must not stop the others
                    logger.exception("Sweep %s failed", sweep.name)
                    close_old_connections()
                    continue
                if handled:
                    logger.info("Sweep %s handled %d", sweep.name, handled)
            if once:
                return
            time.sleep(tick)
