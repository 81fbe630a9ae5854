"""An index on each occurrence's length, so the search can find the longest one at once.

The time search asks for occurrences with `ends_at > start AND starts_at < end`. Neither bound
alone narrows an index on `starts_at` from below, so PostgreSQL walked every past occurrence.
`selectors.search_occurrences` now adds `starts_at > start - longest`, where `longest` is the
longest occurrence stored (max(ends_at - starts_at)); this index answers that max from its last
entry. Plain SQL with no model state: it serves one query shape, and SQLite (small embedded
data) does without it.
"""

from __future__ import annotations

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

INDEX = "occurrence_duration"


def create(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON offerings_occurrence ((ends_at - starts_at))"
        )


def drop(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("offerings", "0003_load_keywords")]

    operations = [migrations.RunPython(create, drop)]
