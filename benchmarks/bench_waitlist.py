"""Waitlists and watches at city-network scale (issue #5).

Builds the bookings benchmark's data set (`spaces.data`: 5,000 spaces, 1,000,000 bookings) in
its own PostgreSQL database `lampio_bench_waitlist` on 127.0.0.1:5432 (dropped and recreated),
then runs the services in this process, as a request or a job worker would:

(a) cancellation → first waitlist offer queued: for N taken future slots, three people join
    the waitlist, the booker cancels, and the time from the `cancel_booking` call to the
    commit that holds the slot for the first in line (a HELD booking and its `waitlist.offer`
    outbox row) is measured; then checked in SQL.
(b) freed slot → matching watchers: 10,000 watches (about 500 on a hot gym's Tuesday
    evenings), and `alert_watchers(space, freed, now)` timed for M freed slots.

Jobs use the default database backend (enqueueing is an INSERT; nothing runs them here).

Run: `make bench` or `.venv/bin/python benchmarks/bench_waitlist.py`. A quick run:
`BENCH_SPACES=500 BENCH_BOOKINGS=50000 .venv/bin/python benchmarks/bench_waitlist.py`.
Other knobs: BENCH_USERS, BENCH_WAITLIST_SLOTS (N, 200), BENCH_WATCHES (10,000),
BENCH_HOT_WATCHERS (500), BENCH_FREED_SLOTS (M, 40); BENCH_REUSE_DB=1 measures again on the
database a previous run left (its watches are replaced, other slots are cancelled).
"""

from __future__ import annotations

import os
import sys
import time

from spaces import data as spaces_data
from waitlist import dataset, fanout, offers, report


def load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    started = time.perf_counter()
    load_before = load()
    sizes = spaces_data.Sizes.from_env()
    slots = int(os.environ.get("BENCH_WAITLIST_SLOTS", "200"))
    watches = int(os.environ.get("BENCH_WATCHES", "10000"))
    hot = int(os.environ.get("BENCH_HOT_WATCHERS", "500"))
    freed = int(os.environ.get("BENCH_FREED_SLOTS", "40"))
    print(
        f"Waitlists and watches on PostgreSQL ({dataset.DATABASE}): {sizes.spaces:,} spaces,"
        f" {sizes.bookings:,} bookings, {sizes.users:,} users"
    )
    if os.environ.get("BENCH_REUSE_DB") == "1" and dataset.exists():
        print("reusing the database a previous run left (BENCH_REUSE_DB=1)")
    else:
        timings = dataset.build(sizes)
        print(
            f"data generated in {sum(timings.values()):.1f} s ("
            + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
            + ")"
        )
    dataset.setup_django()
    print("services run in this process; jobs: default database backend (enqueued, not run)\n")
    report.print_offers(offers.run(slots))
    print()
    report.print_fanout(fanout.run(watches, hot, freed))
    print(f"\nmachine: {os.cpu_count()} CPUs, load average {load_before} before, {load()} after")
    print(f"total run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
