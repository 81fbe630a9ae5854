"""`manage.py import_keywords [--file PATH]`: load the controlled culture keywords (idempotent)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lampio.core.errors import DomainError
from lampio.offerings.keywords import KEYWORDS_FILE, load_keywords, read_keywords


class Command(BaseCommand):
    help = "Create or update the controlled culture keywords from a JSON file, by key."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file",
            type=Path,
            default=KEYWORDS_FILE,
            help="A keyword file in the format of lampio/offerings/data/keywords.json.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            entries = read_keywords(path)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        result = load_keywords(entries)
        self.stdout.write(
            self.style.SUCCESS(
                f"Keywords: {result.created} created, {result.updated} updated, "
                f"{result.unchanged} unchanged."
            )
        )
