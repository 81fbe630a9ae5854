"""Run on Mondays (cron): each organisation's feedback summary of the previous ISO week."""

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lampio.feedback.summaries import send_weekly_summaries
from lampio.feedback.summary_selectors import previous_week_start


class Command(BaseCommand):
    help = "Email each organisation's weekly feedback summary to its administrators and staff."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--week",
            help="Any day of the week to summarise (YYYY-MM-DD); default: the previous week.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["week"]:
            try:
                day = date.fromisoformat(options["week"])
            except ValueError as error:
                raise CommandError("Give the week as YYYY-MM-DD.") from error
            week_start = date.fromordinal(day.toordinal() - day.weekday())
        else:
            week_start = previous_week_start(timezone.localdate())
        queued = send_weekly_summaries(week_start)
        self.stdout.write(f"Queued the summary of {queued} organisations for {week_start}.")
