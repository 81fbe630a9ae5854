"""The printed figures of the waitlist benchmark."""

from __future__ import annotations

import math

from common.stats import percentile

from waitlist.fanout import FanOutRun
from waitlist.offers import OfferRun


def _ms(values: list[float]) -> str:
    return (
        f"p50 {percentile(values, 0.5):7.1f}  p95 {percentile(values, 0.95):7.1f}"
        f"  max {max(values, default=math.nan):7.1f} ms"
    )


def print_offers(run: OfferRun) -> None:
    slots = len(run.to_commit_ms)
    print(f"(a) cancellation → first waitlist offer queued: {slots} slots, 3 people in line each")
    print(f"  cancel_booking call → COMMIT (offer durable)  {_ms(run.to_commit_ms)}")
    print(f"  cancel_booking whole call (+ jobs enqueued)   {_ms(run.call_ms)}")
    print(f"  join_waitlist, for comparison                 {_ms(run.join_ms)}")
    print(f"  SQL statements per cancellation: median {percentile(run.queries, 0.5):.0f}")
    if run.skipped:
        print(f"  slots skipped (joining refused): {run.skipped}; {'; '.join(run.problems)}")
    ok = (
        run.offered_to_first == slots
        and run.held_bookings == slots
        and run.offer_deliveries == slots
        and run.others_still_waiting == 2 * slots
        and run.overlapping == 0
    )
    print(
        f"  check: offered to the first in line {run.offered_to_first}/{slots}, HELD bookings"
        f" {run.held_bookings}/{slots}, 'waitlist.offer' outbox rows"
        f" {run.offer_deliveries}/{slots},"
        f" 2nd and 3rd still waiting {run.others_still_waiting}/{2 * slots}, overlapping active"
        f" bookings {run.overlapping} → {'OK' if ok else 'NOT OK'}"
    )


def print_fanout(run: FanOutRun) -> None:
    print(
        f"(b) freed slot → matching watchers: {run.watches:,} watches"
        f" (written in {run.create_seconds:.1f} s), {run.hot_watchers} of them on the hot gym's"
        " Tuesday evenings"
    )
    print(
        f"  {'freed slots of':<28} {'slots':>5} {'notified p50/max':>17} {'p50 ms':>8}"
        f" {'p95 ms':>8} {'max ms':>8} {'people/s':>9} {'watches/s':>10} {'SQL':>4}"
    )
    total_seconds = 0.0
    total_notified = 0
    for fan in run.runs:
        seconds = sum(fan.ms) / 1000
        total_seconds += seconds
        total_notified += sum(fan.notified)
        people = sum(fan.notified) / seconds if seconds else math.nan
        # Watches of the space or its venue that the query reads and filters per slot.
        read = sum(fan.candidates) / seconds if seconds else math.nan
        notified = f"{percentile([float(n) for n in fan.notified], 0.5):.0f}/{max(fan.notified)}"
        print(
            f"  {fan.label:<28} {len(fan.ms):>5} {notified:>17} {percentile(fan.ms, 0.5):>8.1f}"
            f" {percentile(fan.ms, 0.95):>8.1f} {max(fan.ms):>8.1f} {people:>9.0f} {read:>10.0f}"
            f" {percentile(fan.queries, 0.5):>4.0f}"
        )
    print(
        "  (people/s: people notified per second of fan-out; watches/s: watches of the space or"
        " its venue read per second; SQL: median statements per fan-out)"
    )
    calls = sum(len(fan.ms) for fan in run.runs)
    print(
        f"  overall: {total_notified:,} people notified in {total_seconds:.2f} s of fan-out ="
        f" {total_notified / total_seconds:,.0f} people/s;"
        f" {calls / total_seconds:.1f} freed slots/s"
        f" against the {run.watches:,}-watch table ="
        f" {calls * run.watches / total_seconds:,.0f} watches checked/s"
    )
    ok = run.deliveries == total_notified and run.repeat_notified == 0
    print(
        f"  check: 'watch.alert' outbox rows {run.deliveries:,} for {total_notified:,} people"
        f" notified; the same freed slot again notifies {run.repeat_notified}"
        f" → {'OK' if ok else 'NOT OK'}"
    )
