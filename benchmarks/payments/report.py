"""The printed figures of the payments benchmark."""

from __future__ import annotations

import math

from common.stats import percentile

from payments.scenarios import Results, Timed

HEADER = (
    f"{'operation':<52} {'ops':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'ops/s':>8}"
    f" {'SQL':>4}"
)


def _line(label: str, ms: list[float], queries: list[float] | None = None) -> str:
    seconds = sum(ms) / 1000
    rate = len(ms) / seconds if seconds else math.nan
    sql = f"{percentile(queries, 0.5):>4.0f}" if queries else f"{'':>4}"
    return (
        f"{label:<52} {len(ms):>5} {percentile(ms, 0.5):>8.2f} {percentile(ms, 0.95):>8.2f}"
        f" {max(ms, default=math.nan):>8.2f} {rate:>8.1f} {sql}"
    )


def _row(label: str, timed: Timed) -> str:
    return _line(label, timed.ms, timed.queries)


def print_results(run: Results) -> None:
    print(HEADER)
    print(_row("(a) quote_booking (4 price groups, payer checked)", run.quote))
    print(_row("(b) reserve_paid_booking + choose_payment(invoice)", run.invoice))
    print(_row("(c) reserve + choose_payment(online), HTTP inside", run.online_checkout))
    print(_line("    of which the signed HTTP round trip to the fake", run.online_http_ms))
    print(_row("    signed 'ok' callback → record_provider_news", run.online_callback))
    end_to_end = [
        a + b for a, b in zip(run.online_checkout.ms, run.online_callback.ms, strict=True)
    ]
    print(_line("    online payment end to end (checkout + callback)", end_to_end))
    print(_row("(d) the same callback replayed (no-op)", run.replay))
    print("(SQL: median statements per operation; ops/s: one caller, back to back)")
    print()
    print(
        f"{'(e) invoice export':<28} {'rows':>6} {'export ms':>10} {'CSV ms':>8}"
        f" {'total ms':>9} {'rows/s':>8} {'bytes':>9}"
    )
    for rows, export_ms, csv_ms, size in run.exports:
        total = export_ms + csv_ms
        print(
            f"{'':<28} {rows:>6} {export_ms:>10.1f} {csv_ms:>8.1f} {total:>9.1f}"
            f" {rows / total * 1000:>8.0f} {size:>9,}"
        )
    print(
        "  (export ms: export_invoice_rows, rows locked and marked in one transaction;"
        " CSV ms: export_csv renders the file)"
    )
    print()
    invoices, paid = len(run.invoice.ms), len(run.online_callback.ms)
    ok = (
        run.invoice_ok == invoices
        and run.online_ok == paid
        and run.replay_changed == 0
        and run.export_ok
        and run.overlapping == 0
    )
    print(
        f"check: invoiced {run.invoice_ok}/{invoices}, paid online {run.online_ok}/{paid},"
        f" replays changed {'nothing' if run.replay_changed == 0 else 'SOMETHING'},"
        f" export rows and CSV lines {'match' if run.export_ok else 'DO NOT MATCH'},"
        f" overlapping active bookings {run.overlapping} → {'OK' if ok else 'NOT OK'}"
    )
