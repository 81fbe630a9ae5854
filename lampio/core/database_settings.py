"""The database connection's settings for each engine (settings.py reads the environment).

SQLite is the embedded default; PostgreSQL is production. Each gets what its own behaviour
needs: SQLite a write lock taken at BEGIN, PostgreSQL prepared statements (decision 0022) and a
planner that orders every join of a search (decision 0024).
"""

from __future__ import annotations

from typing import Any

import dj_database_url

# Django writes a filter on a related table as one more JOIN. A search's subquery ("offerings of
# this city in this category") joins five tables to the outer query's four; above PostgreSQL's
# default limit of 8 the planner keeps the joins in the order written and hashed the week's
# every time before the subquery could narrow them to a dozen (decision 0024). 12 is where
# PostgreSQL's genetic planner takes over anyway (geqo_threshold).
JOIN_ORDER_LIMIT = 12
# Django's PostgreSQL backend, checking kept connections without a round trip (decision 0026).
POSTGRESQL_ENGINE = "lampio.core.postgresql"


def default_database(url: str, *, conn_max_age: int, prepared_statements: bool) -> dict[str, Any]:
    database: dict[str, Any] = dict(
        dj_database_url.parse(
            url,
            conn_max_age=conn_max_age,
            # A kept connection that died (PostgreSQL restarted) is replaced before it is used.
            conn_health_checks=True,
        )
    )
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["ENGINE"] = POSTGRESQL_ENGINE
        options["options"] = (
            f"-c join_collapse_limit={JOIN_ORDER_LIMIT} -c from_collapse_limit={JOIN_ORDER_LIMIT}"
        )
        if prepared_statements:
            # Parameters travel apart from the SQL; a statement a connection ran five times is
            # prepared.
            options.update({"server_side_binding": True, "prepare_threshold": 5})
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE takes the write lock at BEGIN, so check-then-insert writes serialise instead
        # of failing late with "database is locked"; WAL lets readers run beside one writer.
        options.update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            }
        )
    return database
