"""The floor: what the stack itself costs per request, before any domain work.

Builds its own (empty, migrated) PostgreSQL database `lampio_bench_floor`, starts the same
gunicorn as the other benchmarks (common/server.py: sync workers, persistent database connections,
DEBUG off, JSON logs) and measures `GET /healthz`: every middleware, one `SELECT 1` and a small
JSON answer, the cheapest request that still goes through Django and the database. With 1 and
with 20 closed-loop clients, like the other benchmarks; the difference between this
floor and an endpoint's figures is what that endpoint's own work costs.

Run: `make bench` or `.venv/bin/python benchmarks/bench_floor.py`. Knobs: BENCH_CLIENTS,
BENCH_REQUESTS (operations with one client; each of the many clients sends a quarter of that),
BENCH_SECONDS (cap per measurement).
"""

from __future__ import annotations

import os
import sys
import time

from common import db, server
from common.load import Call, Operation, run_clients
from common.stats import HEADER, print_server_errors, row

DATABASE = "lampio_bench_floor"


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    requests = int(os.environ.get("BENCH_REQUESTS", "1000"))
    clients = int(os.environ.get("BENCH_CLIENTS", "20"))
    time_limit = float(os.environ.get("BENCH_SECONDS", "60"))
    load_before = "/".join(f"{value:.1f}" for value in os.getloadavg())
    db.recreate_database(DATABASE)
    db.migrate(DATABASE)
    health = Operation("GET /healthz", (Call("GET", "/healthz"),))
    with server.running_server(db.database_url(DATABASE)) as running:
        print(
            f"Floor on PostgreSQL ({DATABASE}): {server.SHAPE} on 127.0.0.1:{running.port};"
            " clients: closed loop, no think time\n"
        )
        run_clients(running.port, [[health] * 50] * 4, expected={200}, time_limit=time_limit)
        print(HEADER)
        print("-" * len(HEADER))
        for count, per_client in ((1, requests), (clients, max(1, requests // 4))):
            outcome = run_clients(
                running.port, [[health] * per_client] * count, expected={200}, time_limit=time_limit
            )
            capped = len(outcome.samples) < outcome.planned
            print(
                row("GET /healthz (floor)", count, outcome.samples, outcome.seconds, capped=capped)
            )
        errors = running.errors()
    print_server_errors(errors, running.log)
    load_after = "/".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before} before, {load_after} after")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")
