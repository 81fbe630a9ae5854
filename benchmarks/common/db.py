"""A benchmark's own PostgreSQL database on 127.0.0.1:5432: dropped, recreated and migrated."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent.parent
SERVER_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"


def database_url(database: str) -> str:
    return f"postgres://postgres@127.0.0.1:5432/{database}"


def connect(database: str) -> psycopg.Connection:
    return psycopg.connect(
        SERVER_DSN.rsplit("/", 1)[0] + "/" + database, autocommit=True, connect_timeout=10
    )


def recreate_database(database: str) -> None:
    with psycopg.connect(SERVER_DSN, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {database}")


def migrate(database: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url(database), "LAMPIO_LOG_LEVEL": "WARNING"}
    subprocess.run(  # noqa: S603 (fixed command, our own interpreter)
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


# A booking overlaps an earlier one of its space when it starts before the latest end seen so
# far in start order: one sort instead of a self-join over a million rows. Active means held,
# requested or confirmed, as the exclusion constraint counts them.
OVERLAPPING_BOOKINGS = """
SELECT count(*) FROM (
    SELECT blocked_from, max(blocked_until) OVER (
        PARTITION BY space_id ORDER BY blocked_from, id
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end
    FROM bookings_booking WHERE status IN ('held', 'requested', 'confirmed')
) ordered WHERE latest_end > blocked_from
"""


def overlapping_bookings(conn: psycopg.Connection) -> int:
    """Active bookings that overlap another of their space: must be 0."""
    row = conn.execute(OVERLAPPING_BOOKINGS).fetchone()
    assert row is not None
    return int(row[0])
