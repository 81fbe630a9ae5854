"""A stored search vector for spaces, kept up to date by PostgreSQL triggers.

The vector holds what `lampio.spaces.search.SPACE_FIELDS` stems: the space's and its venue's
names and the space's descriptions in Finnish, Swedish and English, each with its language's
configuration, plus the venue's address as typed. A space's row is recomputed on every insert
and update; editing a venue's names or address recomputes its spaces. SQLite has no text search
(the column stays empty there; searches match stemmed substrings instead).
"""

import django.contrib.postgres.search
from django.db import migrations

CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}


def _stemmed(language: str, config: str) -> str:
    return " || ".join(
        f"to_tsvector('{config}', coalesce({column}, ''))"
        for column in (f"NEW.name_{language}", f"NEW.description_{language}", f"venue.name_{language}")
    )


SPACE_VECTOR = " || ".join(
    [
        "to_tsvector('simple', coalesce(venue.post_office, '') || ' ' || "
        "coalesce(venue.street_address, ''))",
        *(_stemmed(language, config) for language, config in CONFIGS.items()),
    ]
)
VENUE_COLUMNS = ", ".join(
    [*(f"{{row}}.name_{language}" for language in CONFIGS), "{row}.post_office", "{row}.street_address"]
)

CREATE = f"""
CREATE FUNCTION spaces_space_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    venue record;
BEGIN
    SELECT * INTO venue FROM spaces_venue WHERE id = NEW.venue_id;
    NEW.search_vector := {SPACE_VECTOR};
    RETURN NEW;
END
$$;
CREATE TRIGGER spaces_space_search_vector BEFORE INSERT OR UPDATE ON spaces_space
    FOR EACH ROW EXECUTE FUNCTION spaces_space_search_vector();

CREATE FUNCTION spaces_venue_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF ({VENUE_COLUMNS.format(row="NEW")}) IS DISTINCT FROM ({VENUE_COLUMNS.format(row="OLD")}) THEN
        -- The update itself recomputes each space's vector (its BEFORE trigger).
        UPDATE spaces_space SET search_vector = NULL WHERE venue_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER spaces_venue_search_vector AFTER UPDATE ON spaces_venue
    FOR EACH ROW EXECUTE FUNCTION spaces_venue_search_vector();

UPDATE spaces_space SET search_vector = NULL;
"""

DROP = """
DROP TRIGGER IF EXISTS spaces_venue_search_vector ON spaces_venue;
DROP FUNCTION IF EXISTS spaces_venue_search_vector();
DROP TRIGGER IF EXISTS spaces_space_search_vector ON spaces_space;
DROP FUNCTION IF EXISTS spaces_space_search_vector();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("spaces", "0003_space_allows_recurring"),
    ]

    operations = [
        migrations.AddField(
            model_name="space",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
