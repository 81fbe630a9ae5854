"""Serve the local Paytrail stand-in for the demo: `manage.py run_fake_paytrail --port 8010`."""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from lampio.payments.fake_paytrail import FakePaytrail, serve


class Command(BaseCommand):
    help = "Serve a local payment provider that speaks Paytrail's protocol (demo and tests)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8010)

    def handle(self, *args: Any, **options: Any) -> None:
        fake = FakePaytrail(
            account=settings.LAMPIO_PAYTRAIL_ACCOUNT, secret=settings.LAMPIO_PAYTRAIL_SECRET
        )
        server = serve(fake, port=options["port"])
        self.stdout.write(f"Fake Paytrail at {fake.base_url}/ (Ctrl-C stops)")
        try:
            threading.Event().wait()  # the server's own thread serves; this keeps the process up
        except KeyboardInterrupt:
            server.shutdown()
