"""Run every 15 minutes (cron or a scheduler): reminds people a day before their occurrence."""

from typing import Any

from django.core.management.base import BaseCommand

from lampio.offerings.services.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send reminders for enrolments whose occurrence starts within 24 hours."

    def handle(self, *args: Any, **options: Any) -> None:
        count = send_due_reminders()
        self.stdout.write(f"Queued {count} reminders.")
