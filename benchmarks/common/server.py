"""A real gunicorn process on loopback, started for the measurement and always stopped after."""

from __future__ import annotations

import http.client
import json
import os
import runpy
import signal
import socket
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis

from common.db import ROOT

SERVER_NOTES = ("DETAIL", "HINT", "CONTEXT", "Process ", "Traceback", "The above")
# The production web tier: lampio-web@.service's gunicorn with its own configuration (sync
# workers, one more than the cores; decision 0020), only bound to a free port here.
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
WORKERS = int(runpy.run_path(str(GUNICORN_CONFIG))["workers"])
SHAPE = (
    f"gunicorn ({GUNICORN_CONFIG.relative_to(ROOT)}), {WORKERS} sync workers,"
    " Redis for the cache and the job queue"
)


# Production has Redis (the cache, and the job queue that takes each confirmation email), so
# the measured server has it too, in a database number of its own emptied before each run.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")


def _redis_settings() -> dict[str, str]:
    """The server's Redis settings, or none (a cache per process, jobs in PostgreSQL) on a
    machine without a Redis to reach; the report says which."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).flushdb()
    except redis.RedisError as error:
        print(f"Redis at {REDIS_URL} unreachable ({error}): measuring without it")
        return {}
    return {"REDIS_URL": REDIS_URL, "LAMPIO_TASKS_BACKEND": "django_tasks_rq.RQBackend"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@dataclass(frozen=True)
class Server:
    port: int
    log: Path

    def errors(self) -> Counter[str]:
        """The server errors logged so far, by the last line of their traceback."""
        found: Counter[str] = Counter()
        for line in self.log.read_text(errors="replace").splitlines():
            if '"level": "ERROR"' not in line:
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            trace = str(entry.get("exc_info") or entry.get("message", "")).splitlines()
            # The exception's own line: flush left, unlike frames; not PostgreSQL's notes.
            causes = [
                text
                for text in trace
                if text[:1].isalpha() and not text.startswith(SERVER_NOTES) and ": " in text
            ]
            found[causes[-1] if causes else "?"] += 1
        return found


@contextmanager
def running_server(database_url: str) -> Iterator[Server]:
    """Run a gunicorn serving lampio on `database_url` until the block ends."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "DJANGO_DEBUG": "0",
        "LAMPIO_RATELIMIT": "0",
        "LAMPIO_LOG_LEVEL": "WARNING",
        "LAMPIO_LOG_FORMAT": "json",  # one line per entry, so errors can be counted after
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        **_redis_settings(),
    }
    # The server's output (warnings, the console email backend's messages) goes to a file so
    # that it neither floods the report nor blocks on a full pipe.
    log_path = Path(tempfile.mkdtemp(prefix="lampio-bench-")) / "gunicorn.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 (fixed command from our own virtualenv)
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "--config",
                str(GUNICORN_CONFIG),
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while not _healthy(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start; see {log_path}")
            time.sleep(0.2)
        yield Server(port, log_path)
    except BaseException:
        print(f"(server log: {log_path})")
        raise
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
