"""`manage.py create_open311_client --name NAME [--municipality SLUG]`: prints the key once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lampio.feedback.models import Open311Client
from lampio.tenancy.models import Municipality


class Command(BaseCommand):
    help = (
        "Create an Open311 client that may post feedback and print its API key. Only the key's"
        " hash is stored: copy the key now."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True, help="Who uses the key, e.g. an app's name.")
        parser.add_argument(
            "--municipality",
            default="",
            help="Slug of the only municipality it may post to (default: every one).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["name"].strip()
        if not name:
            raise CommandError("Give the client a name.")
        municipality = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError(f"No municipality {options['municipality']!r}.")
        client = Open311Client(name=name[:100], municipality=municipality)
        key = client.issue_key()
        client.save()
        self.stdout.write(f"Open311 client {client.name!r} created. Its API key (shown once):")
        self.stdout.write(key)
