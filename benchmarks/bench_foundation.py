"""Foundation benchmark: request latency of the main pages and the API through Django's stack.

Runs against a throwaway SQLite database with the demo network loaded, in one process, so the
figures show what the application itself costs per request (no network, no web server).
Run: `make bench` or `.venv/bin/python benchmarks/bench_foundation.py`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lampio.settings")
os.environ["LAMPIO_RATELIMIT"] = "0"
os.environ.setdefault("LAMPIO_LOG_LEVEL", "WARNING")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

ROUNDS = 200


def measure(client: Client, label: str, path: str, **extra: str) -> None:
    client.get(path, **extra)  # warm caches and templates
    timings = []
    with CaptureQueriesContext(connection) as queries:
        client.get(path, **extra)
    query_count = len(queries)  # read now: the next request clears the query log
    for _ in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(path, **extra)
        timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, (path, response.status_code)
    timings.sort()
    print(
        f"{label:<34} median {statistics.median(timings):6.2f} ms"
        f"  p95 {timings[int(len(timings) * 0.95)]:6.2f} ms"
        f"  queries {query_count:3d}"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    from lampio.accounts.models import User

    anonymous = Client()
    city = Client()
    city.post("/fi/city/", {"municipality": "oulu"})
    staff = Client()
    staff.force_login(User.objects.get(email="henkilosto.oulu@demo.lampio.fi"))
    print(f"Foundation request latency, {ROUNDS} requests each, in-process test client, SQLite")
    measure(anonymous, "front page (no city)", "/fi/")
    measure(city, "front page (Oulu organisations)", "/fi/")
    measure(anonymous, "login page", "/fi/accounts/login/")
    measure(staff, "profile page", "/fi/profile/")
    measure(anonymous, "API: municipalities", "/api/v1/municipalities")
    measure(anonymous, "API: organisations", "/api/v1/organisations")
    measure(anonymous, "healthz", "/healthz")


if __name__ == "__main__":
    main()
