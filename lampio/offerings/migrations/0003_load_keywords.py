"""Load the controlled culture keywords, so that every database has the list."""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor


def load(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    from lampio.offerings.keywords import load_keywords

    load_keywords(model=apps.get_model("offerings", "Keyword"))


class Migration(migrations.Migration):
    dependencies = [("offerings", "0002_offering_source_id")]

    # Going back leaves the keywords: offerings may carry them, and loading again is idempotent.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
