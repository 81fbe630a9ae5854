"""A clean 503 when the database is unreachable (PostgreSQL restarting, a dropped connection).

Django would answer such a request with its generic 500. Here a database error during a request
becomes a translated "try again shortly" page (problem+json under /api/ and /open311/) with a
Retry-After header, logged at ERROR for operators. The page needs no database: it does not
extend base.html, whose context processors query it. The broken connection is dropped when the
request ends (Django closes connections that saw errors), and with CONN_HEALTH_CHECKS a kept
connection is checked before reuse, so the next request reconnects without anyone stepping in.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.defaults import server_error as django_server_error

from lampio.core.api import problem

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
API_PREFIXES = ("/api/", "/open311/")


def unavailable_response(request: HttpRequest) -> HttpResponse:
    response: HttpResponse
    if request.path.startswith(API_PREFIXES):
        response = problem(
            503,
            _("The service is temporarily unavailable. Please try again shortly."),
            code="unavailable",
        )
    else:
        retry_url = request.get_full_path() if request.method == "GET" else ""
        response = HttpResponse(render_to_string("503.html", {"retry_url": retry_url}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _log(request: HttpRequest, error: BaseException) -> None:
    # One line, no traceback: the cause is outside the code and repeats on every request.
    logger.error(
        "Database unavailable during %s %s: %s: %s",
        request.method,
        request.path,
        type(error).__name__,
        str(error).splitlines()[0][:200] if str(error) else "",
    )


class DatabaseUnavailableMiddleware:
    """Turns a database error raised by a view into the 503 above."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_DOWN):
            return None
        _log(request, exception)
        return unavailable_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a database error outside a view (e.g. saving the session) is a 503 too."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        return unavailable_response(request)
    return django_server_error(request)
