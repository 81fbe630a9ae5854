"""A covering GiST index of the active bookings' blocked ranges, on PostgreSQL.

"Which spaces are booked over this time" (every free-time search) asks the range of all the
network's active bookings. The exclusion constraint's index finds them, but then every row is
read from the table for its space and status: about 1,250 scattered rows for two hours of a
million bookings, 4–5 ms. With the columns the query needs in the index, it is answered from
the index alone (0.6 ms). Built CONCURRENTLY, so bookings can still be made while it builds.
SQLite has no GiST; its searches use the btree indexes as before.
"""

from django.db import migrations

INDEX = "booking_active_range_covering"

CREATE = f"""
CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON bookings_booking
USING gist (tstzrange(blocked_from, blocked_until, '[)'))
INCLUDE (space_id, status, hold_expires_at, blocked_from, blocked_until)
WHERE status IN ('held', 'requested', 'confirmed')
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run in a transaction

    dependencies = [
        ("bookings", "0008_booking_no_show_at"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
