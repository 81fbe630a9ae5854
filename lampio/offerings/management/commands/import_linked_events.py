"""`manage.py import_linked_events SOURCE --organisation municipality/slug`.

SOURCE is a file path or an http(s) address of a Linked Events `event` list, for example
`https://api.hel.fi/linkedevents/v1/event/?publisher=ahjo:00001&include=location,keywords`.
Running it again updates what the previous run created.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lampio.offerings.importers.feed import DEFAULT_MAX_PAGES, DEFAULT_TIMEOUT, FeedUnreadable
from lampio.offerings.importers.feed import fetch_json as fetch
from lampio.offerings.importers.linked_events import LinkedEventsImport
from lampio.tenancy.models import Organisation


class Command(BaseCommand):
    help = "Import events from a Linked Events JSON feed (file or URL) as a provider's offerings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A JSON file or an http(s) address of an event list.")
        parser.add_argument(
            "--organisation",
            required=True,
            help="The provider that gets the offerings, as municipality/organisation slugs.",
        )
        parser.add_argument(
            "--max-pages",
            type=int,
            default=DEFAULT_MAX_PAGES,
            help="Follow meta.next at most this many pages (web addresses only).",
        )
        parser.add_argument(
            "--timeout", type=float, default=DEFAULT_TIMEOUT, help="Seconds per request."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        municipality, _, slug = str(options["organisation"]).partition("/")
        organisation = Organisation.objects.filter(
            municipality__slug=municipality, slug=slug
        ).first()
        if organisation is None:
            raise CommandError(
                f"No organisation {options['organisation']!r}; give it as municipality/slug."
            )
        run = LinkedEventsImport(organisation, fetch=partial(fetch, timeout=options["timeout"]))
        try:
            report = run.run(options["source"], max_pages=max(options["max_pages"], 1))
        except FeedUnreadable as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 2:
            for note in report.notes:
                self.stdout.write(f"  {note}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Linked Events import for {organisation}: {report.created} created, "
                f"{report.updated} updated, {report.unchanged} unchanged, "
                f"{report.skipped} skipped ({report.pages} page(s) read)."
            )
        )
