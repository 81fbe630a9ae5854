"""Run hourly (cron or a scheduler): deletes sign-in codes that no longer count for anything."""

from typing import Any

from django.core.management.base import BaseCommand

from lampio.digital.services.signin import purge_sign_in_codes


class Command(BaseCommand):
    help = "Delete sign-in codes older than an hour (all expired or used by then)."

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_sign_in_codes()
        self.stdout.write(f"Deleted {count} sign-in codes.")
