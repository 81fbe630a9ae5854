"""Feedback at city scale: the staff inbox with filters and Open311 requests.json, 100,000 messages.

Builds its own PostgreSQL database `lampio_bench_feedback` on 127.0.0.1:5432 (dropped, recreated,
migrated) and fills it with 100,000 messages by bulk_create (feedback/data.py), starts a real
gunicorn (sync workers as in production, staff MFA off so that a session cookie is enough) on
loopback and measures with 1 and with 20 closed-loop clients:
(a) the staff inbox `/fi/staff/<m>/<o>/feedback/` of the biggest organisation (40,000 messages)
    with its filters (state, category, assignee, age=overdue, q=, a later page), signed in as a
    staff member by a session cookie, and
(b) Open311 `GET /open311/v2/requests.json` without filters (the last 90 days of published
    feedback, at most 1,000) and with status, service_code, a 30-day window or 20 ids.
Prints p50/p95/p99/max and throughput per workload and per filter; the target (p95 < 100 ms at
20 clients) is printed as met or not met. Nothing fails: a benchmark measures.

Run: `make bench` or `.venv/bin/python benchmarks/bench_feedback.py`; `--small` for a quick run
(10,000 messages). Knobs: BENCH_FEEDBACK (messages), BENCH_CLIENTS (20), BENCH_REQUESTS
(operations with one client, default 200; each of the many clients sends a quarter of that),
BENCH_SECONDS (time cap per measurement, 60).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from common import server
from common.load import Sample
from common.stats import percentile, print_server_errors
from feedback import data, scenarios

TARGET_MS = 100.0
HEADER = (
    f"{'operation':<34} {'clients':>7} {'ops':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
    f" {'max ms':>8} {'ops/s':>8} {'kB':>6}  HTTP statuses"
)


def load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def row(label: str, clients: int, samples: list[Sample], seconds: float) -> str:
    times = [sample.milliseconds for sample in samples]
    statuses: dict[int, int] = {}
    for sample in samples:
        for status in sample.statuses:
            statuses[status] = statuses.get(status, 0) + 1
    size = percentile([float(sample.size) for sample in samples], 0.5) / 1024
    rate = f"{len(samples) / seconds:>8.1f}" if seconds else f"{'':>8}"
    return (
        f"{label:<34} {clients:>7} {len(samples):>6} {percentile(times, 0.5):>8.1f}"
        f" {percentile(times, 0.95):>8.1f} {percentile(times, 0.99):>8.1f}"
        f" {max(times, default=float('nan')):>8.1f} {rate} {size:>6.1f}  "
        + " ".join(f"{status}×{count}" for status, count in sorted(statuses.items()))
    )


def report(results: list[scenarios.Measured]) -> None:
    print(HEADER)
    print("-" * len(HEADER))
    for result in results:
        out = result.outcome
        capped = "*" if len(out.samples) < out.planned else ""
        print(row(result.label + capped, result.clients, out.samples, out.seconds))
    for label in (scenarios.INBOX, scenarios.OPEN311):
        many = [r for r in results if r.label == label][-1]
        print(f"\n{label} at {many.clients} clients, by filter (throughput is of the mix):")
        by_tag: dict[str, list[Sample]] = {}
        for sample in many.outcome.samples:
            by_tag.setdefault(sample.tag, []).append(sample)
        for tag, samples in by_tag.items():
            print(row(f"  {tag.split(': ', 1)[1]}", many.clients, samples, 0.0))
    failures = list(dict.fromkeys(f for r in results for f in r.outcome.failures))
    if failures:
        print("\nunexpected answers (first few):")
        for failure in failures[:5]:
            print(f"  {failure}")
    print()
    for result in results[1::2]:
        p95 = percentile([s.milliseconds for s in result.outcome.samples], 0.95)
        verdict = "met" if p95 < TARGET_MS else "NOT met"
        print(
            f"target p95 < {TARGET_MS:.0f} ms at {result.clients} clients, {result.label}:"
            f" {p95:.1f} ms, {verdict}"
        )


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--small", action="store_true", help="a quick run on a tenth of the data")
    small = parser.parse_args().small
    started = time.perf_counter()
    load_before = load()
    total = int(os.environ.get("BENCH_FEEDBACK", "10000" if small else "100000"))
    single = int(os.environ.get("BENCH_REQUESTS", "60" if small else "200"))
    clients = int(os.environ.get("BENCH_CLIENTS", "20"))
    time_limit = float(os.environ.get("BENCH_SECONDS", "60"))
    print(f"Feedback on PostgreSQL ({data.DATABASE}): {total:,} messages, 5 organisations")
    data.db.recreate_database(data.DATABASE)
    data.db.migrate(data.DATABASE)
    data.setup_django()
    generating = time.perf_counter()
    prepared, timings = data.generate(total)
    print(
        f"data generated in {time.perf_counter() - generating:.1f} s ("
        + ", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items())
        + f"); rows: feedback {prepared.feedback:,}, events {prepared.events:,}"
    )
    os.environ["LAMPIO_STAFF_MFA"] = "0"  # the staff pages then need only the session
    work = scenarios.Workloads(prepared)
    with server.running_server(data.DATABASE_URL) as running:
        print(
            f"server: {server.SHAPE} on 127.0.0.1:{running.port};"
            " clients: closed loop, no think time\n"
        )
        results = scenarios.run_all(
            running.port,
            work,
            single=single,
            per_client=max(1, single // 4),
            clients=clients,
            time_limit=time_limit,
        )
        errors = running.errors()
    report(results)
    print_server_errors(errors, running.log)
    print(f"machine: {os.cpu_count()} CPUs, load average {load_before} before, {load()} after")
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
