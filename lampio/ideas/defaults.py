"""The network's default idea states and categories, as the data migration seeds them.

Loading the demo (and tests after a transactional test flushed the tables) puts them back when
they are missing; existing rows, perhaps renamed by staff, are never touched."""

from __future__ import annotations

import importlib

from django.apps import apps

from lampio.ideas.models import IdeaState

_migration = importlib.import_module("lampio.ideas.migrations.0002_states_and_categories")


def ensure_states_and_categories() -> None:
    if not IdeaState.objects.exists():
        _migration.seed(apps, None)
