"""Culture offerings at city-network scale: latency of the filtered search and of enrolment.

Builds its own PostgreSQL database `lampio_bench_offerings` on 127.0.0.1:5432 (dropped and
recreated), generates 20 municipalities with 5 providers, 2 care units and a school each,
5,000 offerings and 100,000 occurrences (with their enrolments) by set-based SQL, starts a real
gunicorn (sync workers as in production) on loopback and measures, with 1 and with 20
concurrent clients, (a) the filtered search `GET /api/v1/occurrences?municipality=&start=&end=…`
and, when it exists, the resident page `/fi/offerings/?…`, and (b) enrolment
`POST /api/v1/occurrences/{id}/enrolments`. Then 20 clients race for the last seats of 50 hot
times, and SQL checks that no time holds more seats than it has.

Run: `make bench` or `.venv/bin/python benchmarks/bench_offerings.py`; `--small` for a quick run
(500 offerings, 10,000 times, fewer requests). Knobs: BENCH_CLIENTS, BENCH_REQUESTS (operations
with one client; each of the many clients sends a quarter of that), BENCH_SECONDS (cap per
measurement), BENCH_HOT_TIMES.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from common import db, server
from common.stats import print_server_errors
from offerings import data, probe, report, scenarios

CHECK_PAGE = (
    "import django; django.setup(); from django.urls import reverse;"
    " print(reverse('offerings:list'))"
)


def load() -> str:
    # Other work on the machine skews the figures; the load average shows when it did.
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def page_exists() -> bool:
    """Whether the resident search page is wired (reverse("offerings:list") resolves)."""
    env = {**os.environ, "DATABASE_URL": data.DATABASE_URL, "LAMPIO_LOG_LEVEL": "WARNING"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "lampio.settings")
    found = subprocess.run(  # noqa: S603 (fixed command, our own interpreter)
        [sys.executable, "-c", CHECK_PAGE],
        cwd=db.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return found.returncode == 0 and "/offerings/" in found.stdout


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="a quick run on a tenth of the data")
    small = parser.parse_args().small
    started = time.perf_counter()
    load_before = load()
    sizes = data.Sizes.small() if small else data.Sizes()
    requests = int(os.environ.get("BENCH_REQUESTS", "60" if small else "200"))
    plan = scenarios.Plan(
        single=requests,
        per_client=max(1, requests // 4),
        clients=int(os.environ.get("BENCH_CLIENTS", "20")),
        time_limit=float(os.environ.get("BENCH_SECONDS", "60")),
        hot=int(os.environ.get("BENCH_HOT_TIMES", "50")),
        html=page_exists(),
    )
    print(
        f"Culture offerings on PostgreSQL ({data.DATABASE}): {sizes.municipalities}"
        f" municipalities, {sizes.offerings:,} offerings, {sizes.occurrences:,} occurrences,"
        f" {sizes.users:,} users{' (--small)' if small else ''}"
    )
    data.recreate_database()
    data.migrate()
    generating = time.perf_counter()
    token_prefix, timings = data.generate(sizes)
    took = time.perf_counter() - generating
    print(
        f"data generated in {took:.1f} s ("
        + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
        + ")"
    )
    with data.connect() as conn:
        inputs = probe.inputs(
            conn, targets=plan.enrolments_needed, hot=plan.hot, fresh_users=sizes.fresh_users
        )
        print("rows:", ", ".join(f"{t} {n:,}" for t, n in probe.table_sizes(conn).items()))
    if not plan.html:
        print("the resident search page (offerings:list) is not wired yet: measuring the API only")
    work = scenarios.Workloads(inputs, token_prefix)
    with server.running_server(data.DATABASE_URL) as running:
        print(
            f"server: {server.SHAPE} on 127.0.0.1:{running.port};"
            " clients: closed loop, no think time\n"
        )
        results, race = scenarios.run_all(running.port, work, plan)
        server_errors = running.errors()
    with data.connect() as conn:
        seats = probe.check_seats(conn, inputs.hot)
    report.print_latencies(results)
    print()
    report.print_contention(race, seats, len(inputs.hot), plan.clients)
    print()
    report.print_targets(results, race, plan.clients, seats)
    print_server_errors(server_errors, running.log)
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before} before, {load()} after")
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
