"""Run every minute or few (cron or a scheduler): reminders of sessions, once per enrolment."""

from typing import Any

from django.core.management.base import BaseCommand

from lampio.digital.services.reminders import send_session_reminders


class Command(BaseCommand):
    help = "Send the day-before and the 15-minutes-before reminders of enrolled sessions."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_session_reminders()
        self.stdout.write(
            f"Queued {sent.day_before} day-before and {sent.soon} starting-soon reminders."
        )
