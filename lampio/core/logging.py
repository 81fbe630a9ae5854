"""Structured logging: every record carries the id of the request that caused it."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

request_id_var: ContextVar[str] = ContextVar("request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


def forget_request_id(**kwargs: Any) -> None:
    """Connected to request_finished so that later log lines of this thread carry no stale id."""
    request_id_var.set("-")
