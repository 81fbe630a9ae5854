"""The connection settings each engine gets, and that PostgreSQL's connection really has them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from lampio.core.database_settings import JOIN_ORDER_LIMIT, default_database

POSTGRES = "postgres://lampio@db.example:5432/lampio"


def test_postgresql_orders_joins_of_a_search_and_prepares_repeated_statements() -> None:
    database = default_database(POSTGRES, conn_max_age=60, prepared_statements=True)
    options = database["OPTIONS"]

    assert database["ENGINE"] == "lampio.core.postgresql"
    assert options["options"] == "-c join_collapse_limit=12 -c from_collapse_limit=12"
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


def test_prepared_statements_can_be_turned_off_without_losing_the_join_order() -> None:
    database = default_database(POSTGRES, conn_max_age=0, prepared_statements=False)

    assert "server_side_binding" not in database["OPTIONS"]
    assert "prepare_threshold" not in database["OPTIONS"]
    assert "join_collapse_limit=12" in database["OPTIONS"]["options"]
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_takes_the_write_lock_at_begin_and_gets_no_postgresql_options(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'lampio.sqlite3'}"
    options = default_database(url, conn_max_age=0, prepared_statements=True)["OPTIONS"]

    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert "options" not in options
    assert "prepare_threshold" not in options


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db
def test_the_live_postgresql_connection_plans_with_the_raised_join_limits() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW join_collapse_limit")
        (joins,) = cursor.fetchone()
        cursor.execute("SHOW from_collapse_limit")
        (subqueries,) = cursor.fetchone()

    assert int(joins) == int(subqueries) == JOIN_ORDER_LIMIT
