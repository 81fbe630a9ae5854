"""Delete the assistant's questions, and the messages and contact details of finished
conversations, older than the retention period
(settings.LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS, 180 days unless set).

Run daily from cron; safe to run any number of times."""

from typing import Any

from django.core.management.base import BaseCommand

from lampio.assistant.services.retention import purge_old_questions, retention_days


class Command(BaseCommand):
    help = "Delete assistant questions and finished conversations' messages after retention."

    def handle(self, *args: Any, **options: Any) -> None:
        purged = purge_old_questions()
        self.stdout.write(
            f"Older than {retention_days()} days: {purged.exchanges} questions and "
            f"{purged.messages} conversation messages deleted, contact details erased from "
            f"{purged.conversations} finished conversations."
        )
