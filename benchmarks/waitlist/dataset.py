"""The bookings benchmark's city network in this benchmark's own database, and Django on it.

The data come from `spaces.data` (the same set-based SQL, the same sizes and knobs); only the
database differs, so that this benchmark never drops the one `bench_spaces.py` measures.
"""

from __future__ import annotations

import os
import sys
import time

from common import db
from spaces import data as spaces_data

DATABASE = "lampio_bench_waitlist"


def build(sizes: spaces_data.Sizes) -> dict[str, float]:
    """Drop, recreate, migrate and fill the database; return seconds per step."""
    db.recreate_database(DATABASE)
    started = time.perf_counter()
    db.migrate(DATABASE)
    timings = {"migrate": time.perf_counter() - started}
    # `spaces.data.generate` writes through its module's `connect()`, which names its own
    # database; pointing that one name at ours reuses the generator without copying it.
    spaces_data.connect = lambda database=DATABASE: db.connect(database)
    _token_prefix, steps = spaces_data.generate(sizes)
    timings.update(steps)
    return timings


def setup_django() -> None:
    """Run Django in this process on the benchmark database, as a job worker would.

    Jobs go to the default database backend (django_tasks_db): enqueueing one is an INSERT
    after commit, nothing runs them here, so the measurements are the services' own work.
    """
    os.environ["DATABASE_URL"] = db.database_url(DATABASE)
    os.environ["DJANGO_SETTINGS_MODULE"] = "lampio.settings"
    os.environ["DJANGO_DEBUG"] = "0"  # DEBUG would keep every query in memory
    os.environ.setdefault("LAMPIO_LOG_LEVEL", "WARNING")
    os.environ.setdefault("LAMPIO_RATELIMIT", "0")
    os.environ.pop("LAMPIO_TASKS_BACKEND", None)
    sys.path.insert(0, str(db.ROOT))
    import django

    django.setup()
    from django.urls import get_resolver

    # A worker that has run before has its URLconf loaded (messages reverse() their links);
    # the first call would otherwise pay a second or two of imports.
    get_resolver().url_patterns  # noqa: B018 (loads the URLconf)
    get_resolver().reverse_dict  # noqa: B018


def exists() -> bool:
    """Whether a previous run left the database (for BENCH_REUSE_DB=1)."""
    with db.connect("postgres") as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone()
    return row is not None
