"""The printed tables of the offerings benchmark (rows and percentiles from common/stats.py)."""

from __future__ import annotations

from common.load import Outcome, Sample
from common.stats import HEADER, percentile, row

from offerings.probe import HOT_SEATS, SeatCheck
from offerings.scenarios import ENROL, PAGE, SEARCH, Measured

# The targets: p95 at the many-client level, in milliseconds. The HTML page is held to
# the search target too, though the issue names only the search itself.
TARGETS = {SEARCH: 100.0, PAGE: 100.0, ENROL: 150.0}


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
    for label in (SEARCH, PAGE):
        runs = [r for r in results if r.label == label]
        if not runs:
            continue
        print(f"\n{label} at the highest concurrency, by filter combination:")
        by_shape: dict[str, list[Sample]] = {}
        for sample in runs[-1].outcome.samples:
            by_shape.setdefault(sample.tag, []).append(sample)
        for tag, samples in sorted(by_shape.items()):
            # Throughput per shape means nothing inside a mix, so that column shows 0.
            print(row(f"  {tag}", runs[-1].clients, samples, 0.0))
    failures = list(dict.fromkeys(f for r in results for f in r.outcome.failures))
    if failures:
        print("\nunexpected answers (first few, see the server errors below):")
        for failure in failures[:5]:
            print(f"  {failure}")


def print_contention(race: Outcome, seats: SeatCheck, hot: int, clients: int) -> None:
    created = sum(1 for s in race.samples if s.statuses == (201,))
    refused = sum(1 for s in race.samples if s.statuses == (409,))
    times = [sample.milliseconds for sample in race.samples]
    raced = -(-len(race.samples) // clients)
    capped = " (stopped at the time cap)" if len(race.samples) < race.planned else ""
    print(
        f"hot times: {raced} times with {HOT_SEATS} seats left × {clients} clients at once ="
        f" {len(race.samples)} attempts in {race.seconds:.2f} s{capped}"
    )
    print(f"  enrolments created (201):        {created}  (at most {raced * HOT_SEATS})")
    print(f"  refused, no seats left (409):    {refused}")
    print(f"  other answers:                   {len(race.samples) - created - refused}")
    print(f"  enrolments created per second:   {created / race.seconds:.1f}")
    print(f"  attempts answered per second:    {len(race.samples) / race.seconds:.1f}")
    print(
        f"  attempt latency p50 / p95:       {percentile(times, 0.5):.1f} /"
        f" {percentile(times, 0.95):.1f} ms"
    )
    print(f"  seats confirmed on hot times:    {seats.hot_confirmed}")
    print(f"  hot times sold out exactly:      {seats.hot_full}/{hot}")
    for failure in list(dict.fromkeys(race.failures))[:2]:
        print(f"  unexpected: {failure}")


def print_targets(results: list[Measured], race: Outcome, clients: int, seats: SeatCheck) -> None:
    print(f"targets at {clients} concurrent clients:")
    for label, limit in TARGETS.items():
        matching = [r for r in results if r.label == label and r.clients == clients]
        if not matching:
            continue
        value = percentile([s.milliseconds for s in matching[0].outcome.samples], 0.95)
        verdict = "met" if value < limit else "NOT met"
        print(f"  {label:<34} p95 {value:8.1f} ms  < {limit:.0f} ms: {verdict}")
    samples = [s for r in results for s in r.outcome.samples] + race.samples
    server_errors = sum(1 for s in samples for status in s.statuses if status >= 500)
    print(f"  server errors (HTTP 5xx) in all runs: {server_errors}")
    verdict = "met" if seats.oversold == 0 else "NOT met"
    print(f"  oversold times (seats held > capacity): {seats.oversold}  (must be 0: {verdict})")
    print(f"  times whose seat counter differs from the confirmed seats: {seats.mismatched}")
