"""The maturity model's dimensions and level descriptions, as the data migration seeds them.

Loading the demo (and tests after a transactional test flushed the tables) puts back what is
missing; existing rows, perhaps reworded by staff, are never touched."""

from __future__ import annotations

import importlib

from django.apps import apps

_migration = importlib.import_module("lampio.capability.migrations.0002_maturity_dimensions")


def ensure_maturity_dimensions() -> None:
    _migration.seed(apps, None)
