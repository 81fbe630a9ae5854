"""Spaces and bookings at city-network scale: latency of search, availability and booking.

Builds its own PostgreSQL database `lampio_bench` on 127.0.0.1:5432 (dropped and recreated),
generates 20 municipalities, 5,000 spaces and 1,000,000 bookings with set-based SQL, starts a
real gunicorn (the production shape: sync workers, common/server.py) on loopback and measures
the JSON API with 1 and with 20 concurrent clients, then races 20 clients for 100 hot slots and
checks in SQL that no two active bookings of one space overlap.

Run: `make bench` or `.venv/bin/python benchmarks/bench_spaces.py`. A quick run:
`BENCH_SPACES=500 BENCH_BOOKINGS=50000 .venv/bin/python benchmarks/bench_spaces.py`.
Other knobs: BENCH_USERS, BENCH_CLIENTS, BENCH_REQUESTS (operations with one client; each of the
many clients sends a quarter of that), BENCH_SECONDS (cap per measurement), BENCH_HOT_SLOTS.
"""

from __future__ import annotations

import os
import sys
import time

from common import db
from spaces import data, probe, report, scenarios, server


def load() -> str:
    # Other work on the machine skews the figures; the load average shows when it did.
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    started = time.perf_counter()
    load_before = load()
    sizes = data.Sizes.from_env()
    requests = int(os.environ.get("BENCH_REQUESTS", "200"))
    plan = scenarios.Plan(
        single=requests,
        per_client=max(1, requests // 4),
        clients=int(os.environ.get("BENCH_CLIENTS", "20")),
        time_limit=float(os.environ.get("BENCH_SECONDS", "60")),
        hot_slots=int(os.environ.get("BENCH_HOT_SLOTS", "100")),
    )
    print(
        f"Spaces and bookings on PostgreSQL ({data.DATABASE}): {sizes.municipalities}"
        f" municipalities, {sizes.spaces:,} spaces, {sizes.bookings:,} bookings,"
        f" {sizes.users:,} users"
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
        inputs = probe.inputs(conn, slots=plan.bookings_needed, hot_slots=plan.hot_slots)
        print("rows:", ", ".join(f"{t} {n:,}" for t, n in probe.table_sizes(conn).items()))
    work = scenarios.Workloads(inputs, token_prefix)
    with server.running_server() as running:
        print(
            f"server: {server.SHAPE} on 127.0.0.1:{running.port};"
            " clients: closed loop, no think time\n"
        )
        results, race = scenarios.run_all(running.port, work, plan)
        server_errors = running.errors()
    with data.connect() as conn:
        double_bookings = db.overlapping_bookings(conn)
        per_slot = probe.active_bookings_per_slot(conn, inputs.hot_slots)
    report.print_latencies(results)
    print()
    report.print_contention(race, per_slot, plan.clients)
    print()
    report.print_targets(results, race, plan.clients, double_bookings)
    report.print_server_errors(server_errors, running.log)
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before} before, {load()} after")
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
