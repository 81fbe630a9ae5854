"""The spaces benchmark's gunicorn: the shared one (common/server.py) on its own database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from common import server as common
from common.server import Server, free_port

from spaces.data import DATABASE_URL

SHAPE = common.SHAPE

__all__ = ["SHAPE", "Server", "free_port", "running_server"]


@contextmanager
def running_server() -> Iterator[Server]:
    """Run a gunicorn serving lampio on the benchmark database until the block ends."""
    with common.running_server(DATABASE_URL) as running:
        yield running
