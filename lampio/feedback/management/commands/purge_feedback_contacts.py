"""Erase the writers' contact details of feedback closed longer ago than the retention period.

Run daily from cron; safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand

from lampio.feedback.services.retention import purge_old_contact_details


class Command(BaseCommand):
    help = "Erase contact details of feedback closed before the retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_old_contact_details()
        self.stdout.write(f"Contact details erased from {count} closed feedback messages.")
