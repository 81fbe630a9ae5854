"""Percentiles and the printed tables of the spaces benchmark."""

from __future__ import annotations

from common.stats import HEADER, percentile, print_server_errors, row

from spaces.load import Outcome, Sample
from spaces.scenarios import Measured

__all__ = ["print_contention", "print_latencies", "print_server_errors", "print_targets"]

# The targets: p95 at the many-client level, in milliseconds.
TARGETS = {
    "(a) search with filters": 100.0,
    "(b) availability, a week": 100.0,
    "(c) create a booking": 150.0,
}


def print_latencies(results: list[Measured]) -> None:
    print(HEADER)
    print("-" * len(HEADER))
    capped = False
    for result in results:
        out = result.outcome
        cut_short = len(out.samples) < out.planned
        capped |= cut_short
        print(row(result.label, result.clients, out.samples, out.seconds, capped=cut_short))
    if capped:
        print("* stopped at the time cap (BENCH_SECONDS) before all planned operations were sent")
    print()
    print("search at the highest concurrency, by filter combination:")
    search = [r for r in results if r.label.startswith("(a)")][-1]
    by_shape: dict[str, list[Sample]] = {}
    for sample in search.outcome.samples:
        by_shape.setdefault(sample.tag, []).append(sample)
    for tag, samples in sorted(by_shape.items()):
        # Throughput per shape means nothing inside a mix, so that column shows 0.
        print(row(f"  {tag}", search.clients, samples, 0.0))
    failures = list(dict.fromkeys(f for r in results for f in r.outcome.failures))
    if failures:
        print("\nunexpected answers (first few, see the server errors below):")
        for failure in failures[:5]:
            print(f"  {failure}")


def print_contention(race: Outcome, per_slot: list[int], clients: int) -> None:
    created = sum(1 for s in race.samples if s.statuses == (201,))
    refused = sum(1 for s in race.samples if s.statuses == (409,))
    times = [sample.milliseconds for sample in race.samples]
    # Rounds run in order, so the slots raced for are the first ones (fewer at the time cap).
    raced = per_slot[: -(-len(race.samples) // clients)]
    capped = " (stopped at the time cap)" if len(race.samples) < race.planned else ""
    print(
        f"hot slots: {len(raced)} slots × {clients} clients at once = {len(race.samples)}"
        f" attempts in {race.seconds:.2f} s{capped}"
    )
    print(f"  bookings created (201):          {created}")
    print(f"  refused as taken (409):          {refused}")
    print(f"  other answers:                   {len(race.samples) - created - refused}")
    print(f"  bookings created per second:     {created / race.seconds:.1f}")
    print(f"  attempts answered per second:    {len(race.samples) / race.seconds:.1f}")
    print(
        f"  attempt latency p50 / p95:       {percentile(times, 0.5):.1f} /"
        f" {percentile(times, 0.95):.1f} ms"
    )
    exactly_one = sum(1 for count in raced if count == 1)
    print(f"  hot slots holding exactly one active booking: {exactly_one}/{len(raced)}")
    for failure in list(dict.fromkeys(race.failures))[:2]:
        print(f"  unexpected: {failure}")


def print_targets(
    results: list[Measured], race: Outcome, clients: int, double_bookings: int
) -> bool:
    met_all = True
    print(f"targets at {clients} concurrent clients:")
    for label, limit in TARGETS.items():
        matching = [r for r in results if r.label == label and r.clients == clients]
        times = [s.milliseconds for s in matching[0].outcome.samples] if matching else []
        value = percentile(times, 0.95)
        met = value < limit
        met_all &= met
        verdict = "met" if met else "NOT met"
        print(f"  {label:<34} p95 {value:8.1f} ms  < {limit:.0f} ms: {verdict}")
    samples = [s for r in results for s in r.outcome.samples] + race.samples
    server_errors = sum(1 for s in samples for status in s.statuses if status >= 500)
    print(f"  server errors (HTTP 5xx) in all runs: {server_errors}")
    verdict = "met" if double_bookings == 0 else "NOT met"
    print(
        f"  double bookings (overlapping active bookings of one space): {double_bookings}"
        f"  (must be 0: {verdict})"
    )
    return met_all and double_bookings == 0
