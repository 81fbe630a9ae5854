from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lampio.demo.loader import load_demo


class Command(BaseCommand):
    help = "Create or update the demo city network (safe to run again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--without-history",
            action="store_true",
            help="Leave out the year of past activity and its insight facts (faster).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = load_demo(history=not options["without_history"])
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {summary.municipalities} municipalities, "
                f"{summary.organisations} organisations, {summary.users} users, "
                f"{summary.memberships} memberships, {summary.venues} venues, "
                f"{summary.spaces} spaces, {summary.bookings} bookings, "
                f"{summary.offerings} offerings with {summary.occurrences} times, "
                f"{summary.facts} insight facts ({summary.insights_seconds:.1f} s)."
            )
        )
