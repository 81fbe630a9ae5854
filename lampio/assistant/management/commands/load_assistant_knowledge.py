"""Seed the assistant's knowledge base; adds only what is missing, so it is safe to run again."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lampio.assistant.services.seeding import seed_knowledge
from lampio.core.errors import InvalidInput


class Command(BaseCommand):
    help = "Load the assistant's starting knowledge (entries and example questions)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", help="knowledge YAML (default: the repository's seed)")
        parser.add_argument("--extra", help="paraphrases YAML (default: seed/paraphrases.yaml)")
        parser.add_argument(
            "--draft", action="store_true", help="leave new entries unpublished for review"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = seed_knowledge(
                path=options["path"], extra=options["extra"], publish=not options["draft"]
            )
        except InvalidInput as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(
            f"Knowledge entries: {result.entries_created} added, {result.entries_kept} kept; "
            f"example questions added: {result.paraphrases_created}; "
            f"concepts added: {result.concepts_created}."
        )
