"""Figures from the per-request log the locustfile writes, the outage analysis of a fault run,
and the SQL checks that no slot was booked twice and no time oversold."""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import psycopg
from common.db import overlapping_bookings
from common.stats import percentile

LEAKS = ("Traceback", "OperationalError", "psycopg", 'File "/')


@dataclass(frozen=True)
class Entry:
    t: float
    name: str
    status: int
    ms: float
    failed: bool
    body: str


def read_log(path: Path) -> list[Entry]:
    entries = []
    for line in path.read_text().splitlines():
        try:
            raw = json.loads(line)
        except ValueError:
            continue  # a line cut short when locust stopped
        entries.append(
            Entry(raw["t"], raw["n"], raw["s"], raw["ms"], "x" in raw, raw.get("b", "") or "")
        )
    return sorted(entries, key=lambda entry: entry.t)


@dataclass(frozen=True)
class Summary:
    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    failures: int
    server_errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def summarise(entries: list[Entry], seconds: float) -> Summary:
    if len(entries) > 1:  # a run stopped early lasted less than planned
        seconds = min(seconds, entries[-1].t - entries[0].t)
    times = [entry.ms for entry in entries]
    return Summary(
        len(entries),
        seconds,
        percentile(times, 0.50),
        percentile(times, 0.95),
        percentile(times, 0.99),
        sum(entry.failed for entry in entries),
        sum(entry.status >= 500 for entry in entries),
    )


def print_table(entries: list[Entry], seconds: float, users: int) -> Summary:
    if len(entries) > 1:
        seconds = min(seconds, entries[-1].t - entries[0].t)
    by_name: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_name[entry.name].append(entry)
    print(f"\n{users} users, {seconds:.0f} s")
    print(
        f"{'request':<34} {'count':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
        f" {'failed':>6} {'5xx':>5}"
    )
    for name in sorted(by_name):
        _row(name, summarise(by_name[name], seconds))
    overall = summarise(entries, seconds)
    _row("all", overall)
    failed = Counter(
        (entry.name, entry.status, entry.body[:100]) for entry in entries if entry.failed
    )
    for (name, status, body), count in failed.most_common(6):
        print(f"  failed {count:>5} × {name} -> {status} {body!r}")
    return overall


def _row(name: str, s: Summary) -> None:
    print(
        f"{name:<34} {s.requests:>7} {s.rate:>7.1f} {s.p50:>7.0f} {s.p95:>7.0f} {s.p99:>7.0f}"
        f" {s.failures:>6} {s.server_errors:>5}"
    )


def print_outage(entries: list[Entry], fault_started: float, fault_ended: float) -> None:
    """What residents saw while PostgreSQL restarted, and when answers were whole again."""
    print(
        f"\nPostgreSQL restart: {fault_ended - fault_started:.1f} s"
        " (from the restart command until it returned)"
    )
    after = [entry for entry in entries if entry.t >= fault_started]
    failed = [entry for entry in after if entry.failed]
    if not failed:
        print("  no request failed during or after the restart")
        return
    first, last = failed[0], failed[-1]
    window = [entry for entry in after if entry.t <= last.t]
    statuses = Counter(entry.status for entry in failed)
    leaks = sum(any(leak in entry.body for leak in LEAKS) for entry in failed)
    slowest = max((entry.ms for entry in window), default=math.nan)
    print(
        f"  failed requests: {len(failed)} of {len(window)} sent between the restart and the"
        f" last failure; statuses: {dict(sorted(statuses.items()))} (0 = no answer)"
    )
    print(
        f"  first failure {first.t - fault_started:+.1f} s, last failure"
        f" {last.t - fault_started:+.1f} s after the restart began (the restart command"
        f" returned at {fault_ended - fault_started:+.1f} s)"
    )
    print(f"  slowest answer in that window: {slowest:.0f} ms; bodies with a traceback: {leaks}")
    later = [entry for entry in entries if entry.t > last.t]
    print(
        f"  after recovery: {len(later)} requests, {sum(e.failed for e in later)} failed"
        f" (no server restart)"
    )
    for body, count in Counter(entry.body[:120] for entry in failed).most_common(3):
        print(f"    {count:>5} × {body!r}")


OVERSOLD = """
SELECT count(*) FILTER (WHERE c.seats_taken > c.capacity OR coalesce(e.seats, 0) > c.capacity),
       count(*) FILTER (WHERE coalesce(e.seats, 0) <> c.seats_taken)
FROM offerings_occurrence c
LEFT JOIN (SELECT occurrence_id, sum(seats) AS seats FROM offerings_enrolment
           WHERE status = 'confirmed' GROUP BY occurrence_id) e ON e.occurrence_id = c.id
"""

HOT_FULL = """
SELECT count(*) FILTER (WHERE seats_taken = capacity), count(*)
FROM offerings_occurrence WHERE id = ANY(%s)
"""


def check_database(conn: psycopg.Connection, hot_occurrences: list[int], since: str) -> bool:
    overlaps = overlapping_bookings(conn)
    oversold = conn.execute(OVERSOLD).fetchone()
    full = conn.execute(HOT_FULL, (hot_occurrences,)).fetchone()
    made = conn.execute(
        "SELECT (SELECT count(*) FROM bookings_booking WHERE created_at >= %(t)s),"
        " (SELECT count(*) FROM offerings_enrolment WHERE created_at >= %(t)s),"
        " (SELECT count(*) FROM feedback_feedback WHERE submitted_at >= %(t)s)",
        {"t": since},
    ).fetchone()
    assert oversold and full and made
    print("\nChecks after the load:")
    print(f"  bookings, enrolments, feedback created by this run: {made[0]}, {made[1]}, {made[2]}")
    print(f"  overlapping active bookings of one space: {overlaps} (must be 0)")
    print(f"  times with more seats taken than capacity: {oversold[0]} (must be 0)")
    print(f"  times whose seats_taken differs from their confirmed enrolments: {oversold[1]}")
    print(f"  hot times full: {full[0]} of {full[1]}")
    return overlaps == 0 and oversold[0] == 0 and oversold[1] == 0
