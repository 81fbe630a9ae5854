"""Insights at city-network scale: the nightly aggregation and the dashboards' latency.

Reuses the bookings benchmark's generator (benchmarks/spaces: 20 municipalities, 5,000 spaces,
1,000,000 bookings) and the offerings benchmark's (benchmarks/offerings: 5,000 offerings,
100,000 occurrences with their enrolments), each into a database of its own
(`lampio_bench_insights_spaces`, `lampio_bench_insights_offerings`, dropped and recreated),
since both generators write the same municipalities. Adds visitor survey answers and no-shows
by SQL, then times `manage.py aggregate_insights` on each: the nightly run (this and last month)
and a full rebuild of every month the data spans. Then a real gunicorn (sync workers as in
production, staff MFA off) serves the bookings database and 1 and 20 closed-loop clients with a
network admin's session measure the network view, an organisation dashboard, the measure
explorer and the API. Target: p95 under 150 ms with 20 clients.

Run: `.venv/bin/python benchmarks/bench_insights.py`. A quick run: `BENCH_BOOKINGS=100000
BENCH_SPACES=1000 BENCH_OCCURRENCES=10000 BENCH_OFFERINGS=500 .venv/bin/python
benchmarks/bench_insights.py`. Other knobs: BENCH_CLIENTS, BENCH_REQUESTS (operations with one
client; each of the many clients sends a quarter of that), BENCH_SECONDS (cap per measurement).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace

from common import db, server
from common.load import Call, Operation
from common.stats import HEADER, percentile, print_server_errors, row
from feedback.scenarios import run as run_with_cookie
from offerings import data as offerings_data
from spaces import data as spaces_data

SPACES_DB = "lampio_bench_insights_spaces"
OFFERINGS_DB = "lampio_bench_insights_offerings"
TARGET_MS = 150.0
EXPLORER = "/fi/staff/insights/measures/"
API = "/api/v1/insights/measures/"

# About a visitor survey answer per twenty bookings, over the months the bookings span.
RESPONSES = """
INSERT INTO surveys_visitorresponse (organisation_id, municipality_id, context, answered_on,
    language, overall, ease, return_likelihood, age_group, home_municipality)
SELECT o.id, o.municipality_id, 'visit', b.starts_at::date, 'fi', 1 + (b.id * 7) %% 5,
    1 + (b.id * 3) %% 5, NULL,
    (ARRAY['under-18', '18-29', '30-44', '45-64', '65-74', '75-plus', ''])[1 + b.id %% 7], ''
FROM bookings_booking b
JOIN spaces_space s ON s.id = b.space_id
JOIN spaces_venue v ON v.id = s.venue_id
JOIN tenancy_organisation o ON o.id = v.organisation_id
WHERE b.id %% 20 = 0 AND b.starts_at < now()
"""
NO_SHOWS = """
UPDATE bookings_booking SET no_show_at = ends_at + interval '14 hours'
WHERE id %% 31 = 0 AND ends_at < now() - interval '1 day'
"""
COUNTS = {
    "bookings": "SELECT count(*) FROM bookings_booking",
    "spaces": "SELECT count(*) FROM spaces_space",
    "survey answers": "SELECT count(*) FROM surveys_visitorresponse",
}
# A network admin (every dimension allowed) and their session, made with Django's own code.
SESSION = """
import django; django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from lampio.accounts.models import User
from lampio.tenancy.models import Organisation
user = User.objects.order_by("pk").first()
user.is_network_admin = True
user.save(update_fields=["is_network_admin"])
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
organisation = Organisation.objects.filter(venues__isnull=False).select_related(
    "municipality").order_by("pk").first()
print(session.session_key, organisation.municipality.slug, organisation.slug)
"""


def load() -> str:
    # Other work on the machine skews the figures; the load average shows when it did.
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def django(database: str, *args: str) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": db.database_url(database),
        "LAMPIO_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "lampio.settings",
    }
    done = subprocess.run(  # noqa: S603 (fixed commands, our own interpreter)
        [sys.executable, *args], cwd=db.ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def aggregate(database: str, label: str) -> None:
    """The nightly run (this and last month), then every month since the oldest row."""
    with db.connect(database) as conn:
        found = conn.execute(
            "SELECT to_char(min(starts_at) AT TIME ZONE 'Europe/Helsinki', 'YYYY-MM')"
            " FROM (SELECT starts_at FROM bookings_booking UNION ALL"
            " SELECT starts_at FROM offerings_occurrence) t"
        ).fetchone()
    since = found[0] if found and found[0] else None
    for name, extra in [
        ("nightly (2 months)", ["--months", "2"]),
        ("all months", ["--since", since or ""]),
    ]:
        if not since and name == "all months":
            continue
        started = time.perf_counter()
        django(database, "manage.py", "aggregate_insights", *extra)
        took = time.perf_counter() - started
        with db.connect(database) as conn:
            facts = conn.execute("SELECT count(*) FROM insights_fact").fetchone()
        print(f"aggregation, {label}, {name}: {took:.1f} s, {facts[0] if facts else 0:,} facts")
    # The rebuild replaced every fact: clear the old rows now, as autovacuum does during the
    # night in production, rather than while the dashboards are being measured.
    with db.connect(database) as conn:
        conn.execute("VACUUM insights_fact, insights_coarsefact")


def prepare_spaces(sizes: spaces_data.Sizes) -> None:
    spaces_data.connect = lambda database=SPACES_DB: db.connect(SPACES_DB)  # type: ignore[assignment]
    db.recreate_database(SPACES_DB)
    db.migrate(SPACES_DB)
    started = time.perf_counter()
    spaces_data.generate(sizes)
    with db.connect(SPACES_DB) as conn:
        conn.execute(RESPONSES, {})  # a mapping, so "%%" means "%"
        conn.execute(NO_SHOWS, {})
        conn.execute("VACUUM ANALYZE")
        counts = {
            table: conn.execute(query).fetchone()[0]  # type: ignore[index]
            for table, query in COUNTS.items()
        }
    print(
        f"bookings data in {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{table} {count:,}" for table, count in counts.items())
    )


def prepare_offerings(sizes: offerings_data.Sizes) -> None:
    offerings_data.connect = lambda: db.connect(OFFERINGS_DB)  # type: ignore[assignment]
    db.recreate_database(OFFERINGS_DB)
    db.migrate(OFFERINGS_DB)
    started = time.perf_counter()
    offerings_data.generate(sizes)
    with db.connect(OFFERINGS_DB) as conn:
        conn.execute(
            "UPDATE offerings_occurrence SET attendance = seats_taken * 9 / 10"
            " WHERE ends_at < now() AND status <> 'cancelled'"
        )
        conn.execute("VACUUM ANALYZE")
        count = conn.execute("SELECT count(*) FROM offerings_occurrence").fetchone()
    print(
        f"offerings data in {time.perf_counter() - started:.1f} s:"
        f" {count[0] if count else 0:,} occurrences"
    )


def pages(municipality: str, organisation: str) -> list[tuple[str, str]]:
    return [
        ("network view", "/fi/staff/insights/network/"),
        ("organisation dashboard", f"/fi/staff/{municipality}/{organisation}/insights/"),
        ("explorer, utilisation by weekday", f"{EXPLORER}space_utilisation/?by=weekday"),
        ("explorer, bookings by municipality", f"{EXPLORER}bookings/?by=municipality"),
        ("API, utilisation by municipality", f"{API}space_utilisation?by=municipality"),
    ]


def measure(
    port: int, cookie: str, path: str, tag: str, clients: int, count: int, cap: float
) -> tuple[int, list[float], str]:
    per_client = [
        [Operation(tag, (Call("GET", path),)) for _ in range(count)] for _ in range(clients)
    ]
    outcome = run_with_cookie(port, cookie, per_client, cap)
    print(
        row(
            tag,
            clients,
            outcome.samples,
            outcome.seconds,
            capped=len(outcome.samples) < outcome.planned,
        )
    )
    for failure in outcome.failures[:2]:
        print(f"    {failure}")
    return clients, [sample.milliseconds for sample in outcome.samples], tag


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    started, load_before = time.perf_counter(), load()
    space_sizes = spaces_data.Sizes.from_env()
    offering_sizes = replace(
        offerings_data.Sizes(),
        offerings=int(os.environ.get("BENCH_OFFERINGS", offerings_data.Sizes.offerings)),
        occurrences=int(os.environ.get("BENCH_OCCURRENCES", offerings_data.Sizes.occurrences)),
    )
    requests = int(os.environ.get("BENCH_REQUESTS", "100"))
    clients = int(os.environ.get("BENCH_CLIENTS", "20"))
    cap = float(os.environ.get("BENCH_SECONDS", "60"))
    print(
        f"Insights on PostgreSQL: {space_sizes.bookings:,} bookings in"
        f" {space_sizes.spaces:,} spaces;"
        f" {offering_sizes.occurrences:,} occurrences of {offering_sizes.offerings:,} offerings"
    )
    prepare_spaces(space_sizes)
    aggregate(SPACES_DB, "bookings data")
    prepare_offerings(offering_sizes)
    aggregate(OFFERINGS_DB, "offerings data")
    os.environ["LAMPIO_STAFF_MFA"] = "0"  # the staff pages then need only the session
    session, municipality, organisation = django(SPACES_DB, "-c", SESSION).split()[-3:]
    cookie = f"sessionid={session}"
    worst: list[float] = []
    with server.running_server(db.database_url(SPACES_DB)) as running:
        print(f"\nserver: {server.SHAPE} on 127.0.0.1:{running.port}")
        print(HEADER)
        for tag, path in pages(municipality, organisation):
            # One warm-up request each, so the first figures do not include imports.
            run_with_cookie(running.port, cookie, [[Operation(tag, (Call("GET", path),))]], cap)
            measure(running.port, cookie, path, tag, 1, requests, cap)
            _n, many, _tag = measure(
                running.port, cookie, path, tag, clients, max(1, requests // 4), cap
            )
            worst.append(percentile(many, 0.95))
        print_server_errors(running.errors(), running.log)
    slowest = max(worst, default=float("nan"))
    verdict = "met" if slowest < TARGET_MS else "NOT met"
    print(
        f"\ntarget p95 < {TARGET_MS:.0f} ms with {clients} clients: {verdict}"
        f" (slowest page {slowest:.1f} ms)"
    )
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before} before, {load()} after")
    print(f"total run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
