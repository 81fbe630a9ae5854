"""Fault tests: the database connection is lost. Requests fail cleanly (503, no traceback) and
the next request works again without anyone stepping in."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import OperationalError, connection
from django.urls import reverse
from django.utils import translation

from lampio.core.unavailable import RETRY_AFTER_SECONDS


def _refuse(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
    raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def database_down() -> Iterator[None]:
    """Every query fails as it does while PostgreSQL restarts (Django's own query hook, so
    nothing patched can outlive the test)."""
    with connection.execute_wrapper(_refuse):
        yield


@pytest.mark.django_db
def test_a_page_answers_a_translated_503_without_a_traceback(
    database_down: None, client: Any, caplog: Any
) -> None:
    with translation.override("en"):
        url = reverse("home")
    with caplog.at_level(logging.ERROR, logger="lampio.core.unavailable"):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    body = response.content.decode()
    assert "Service temporarily unavailable" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert any("Database unavailable" in r.getMessage() for r in caplog.records)
    assert all(r.levelno == logging.ERROR for r in caplog.records if r.name.startswith("lampio"))


@pytest.mark.django_db
def test_the_503_page_is_in_finnish_by_default(database_down: None, client: Any) -> None:
    response = client.get(reverse("home"))
    assert response.status_code == 503
    assert 'lang="fi"' in response.content.decode()


@pytest.mark.django_db
def test_an_api_call_answers_problem_json_503(database_down: None, client: Any) -> None:
    response = client.get("/api/v1/spaces/1")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    problem = response.json()
    assert problem["status"] == 503 and problem["code"] == "unavailable"
    assert "Traceback" not in response.content.decode()


def test_other_errors_still_reach_the_500_handler(rf: Any) -> None:
    from lampio.core.unavailable import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    assert middleware.process_exception(rf.get("/"), ValueError("bug")) is None


# --- A real dropped connection (PostgreSQL) -----------------------------------------------------


def _wsgi_get(path: str) -> int:
    """A request through the production WSGI handler, connection housekeeping included (the test
    client turns that off to keep its transaction)."""
    environ: dict[str, Any] = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO(b"")
    statuses: list[str] = []
    response = WSGIHandler()(
        environ, lambda status, headers, exc_info=None: statuses.append(status)
    )
    b"".join(response)
    response.close()  # request_finished: Django drops a connection that saw errors
    return int(statuses[0].split()[0])


def _terminate_own_backend() -> None:
    """Kill this process's PostgreSQL session from a second connection, as a restart would."""
    import psycopg

    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        # Waits until the backend has exited and so closed its end of the connection.
        admin.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])


@pytest.fixture
def kept_connection(settings: Any) -> Iterator[dict[str, Any]]:
    """Persistent connections as in production (CONN_MAX_AGE > 0)."""
    settings.ALLOWED_HOSTS = ["*"]
    saved = {key: connection.settings_dict[key] for key in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS")}
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 600
    yield connection.settings_dict
    connection.close()
    connection.settings_dict.update(saved)


# SQLite has no server connection to lose; `make test` runs these in its PostgreSQL pass.
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"
)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_killed_connection_fails_at_most_one_request_then_recovers(
    kept_connection: dict[str, Any], caplog: Any
) -> None:
    home = reverse("home")
    # Without health checks the first request finds the dead connection: a clean 503.
    kept_connection["CONN_HEALTH_CHECKS"] = False
    assert _wsgi_get(home) == 200
    _terminate_own_backend()
    assert _wsgi_get(home) == 503  # not a 500 with a traceback
    assert _wsgi_get(home) == 200  # the broken connection was dropped; nobody restarted anything

    # With them (settings.py turns them on) the dead connection is replaced unnoticed.
    kept_connection["CONN_HEALTH_CHECKS"] = True
    connection.close()
    assert _wsgi_get(home) == 200
    _terminate_own_backend()
    assert _wsgi_get(home) == 200
    assert _wsgi_get(home) == 200

    # The scheduler (a long-running process, no requests) gets over it on its own as well.
    kept_connection["CONN_HEALTH_CHECKS"] = False
    connection.ensure_connection()
    _terminate_own_backend()
    with caplog.at_level(logging.ERROR, logger="lampio.core.management.commands.run_scheduler"):
        call_command("run_scheduler", once=True)
        broken = len(caplog.records)
        call_command("run_scheduler", once=True)
    assert broken >= 1  # the first sweep met the dead connection ...
    assert len(caplog.records) == broken  # ... and every sweep ran on the next tick


def test_settings_keep_health_checks_on() -> None:
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


class _NoRoundTrip:
    """Stands in for psycopg's cursor: the check must not send a query."""

    def __enter__(self) -> None:
        raise AssertionError("the health check sent a query")

    def __exit__(self, *_exc: object) -> None:
        return None


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_health_check_judges_an_idle_connection_without_a_round_trip(
    kept_connection: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    connection.ensure_connection()
    raw = connection.connection
    monkeypatch.setattr(raw, "cursor", lambda *args, **kwargs: _NoRoundTrip())

    assert connection.is_usable() is True

    _terminate_own_backend()
    assert connection.is_usable() is False  # the server's goodbye is waiting on the socket


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_the_health_check_asks_the_server(
    kept_connection: dict[str, Any],
) -> None:
    connection.set_autocommit(False)
    try:
        connection.cursor().execute("SELECT 1")  # a transaction is under way
        assert connection.is_usable() is True
        _terminate_own_backend()
        assert connection.is_usable() is False
    finally:
        connection.close()  # the lost transaction cannot be committed or rolled back
