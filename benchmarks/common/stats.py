"""Percentiles and the rows of the latency tables every benchmark prints."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from common.load import Sample


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the smallest value with `fraction` of the values at or below."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def statuses(samples: list[Sample]) -> str:
    counts = Counter(status for sample in samples for status in sample.statuses)
    return " ".join(f"{status}×{count}" for status, count in sorted(counts.items()))


def row(
    label: str, clients: int, samples: list[Sample], seconds: float, *, capped: bool = False
) -> str:
    times = [sample.milliseconds for sample in samples]
    rate = len(samples) / seconds if seconds else 0.0
    size = percentile([float(sample.size) for sample in samples], 0.5)
    count = f"{len(samples)}{'*' if capped else ''}"
    return (
        f"{label:<36} {clients:>7} {count:>6} {percentile(times, 0.5):>8.1f}"
        f" {percentile(times, 0.95):>8.1f} {max(times, default=math.nan):>8.1f}"
        f" {rate:>8.1f} {size:>8.0f}  {statuses(samples)}"
    )


HEADER = (
    f"{'operation':<36} {'clients':>7} {'ops':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
    f" {'ops/s':>8} {'bytes':>8}  HTTP statuses"
)


def print_server_errors(errors: Counter[str], log: Path) -> None:
    if not errors:
        print("server errors logged: none")
        return
    print(f"server errors logged: {sum(errors.values())} (log: {log})")
    for message, count in errors.most_common(5):
        print(f"  {count:>5} × {message[:160]}")
