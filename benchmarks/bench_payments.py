"""Payments (issue #7): what pricing, checkout, the provider's callbacks and the invoice export
cost, through the services, on PostgreSQL.

Builds its own database `lampio_bench_payments` on 127.0.0.1:5432 (dropped, recreated and
migrated), writes one city with the ORM (40 paid spaces open every day 07–23 with price rules
for every group, an association whose 210 members pay by invoice, a school free of charge)
and runs in this process, one caller back to back, as a request would:

(a) `quote_booking` latency, the four price groups in turn;
(b) `reserve_paid_booking` + `choose_payment(invoice)`, hold to confirmed booking, end to end;
(c) `reserve_paid_booking` + `choose_payment(online)`, including the signed HTTP round trip to
    a FakePaytrail served on loopback (`lampio.payments.fake_paytrail.serve`), then its signed
    "ok" callback applied through `record_provider_news`: p50/p95 and payments per second;
(d) the same callbacks replayed: verified, found already applied, nothing changes;
(e) `export_invoice_rows` of 2,000 fresh invoice rows and `export_csv` of the export.

Jobs (messages, refunds) use the default database backend: enqueued after commit, not run.

Run: `make bench` or `.venv/bin/python benchmarks/bench_payments.py`. Knobs: BENCH_QUOTES (a,
default 500), BENCH_PAYMENTS (b and c each, default 100), BENCH_EXPORT_ROWS (2,000),
BENCH_EXPORT_ROUNDS (3).
"""

from __future__ import annotations

import os
import sys
import time

from payments import dataset, report, scenarios


def load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # progress under make
    started = time.perf_counter()
    load_before = load()
    quotes = int(os.environ.get("BENCH_QUOTES", "500"))
    payments = int(os.environ.get("BENCH_PAYMENTS", "100"))
    export_rows = int(os.environ.get("BENCH_EXPORT_ROWS", "2000"))
    export_rounds = int(os.environ.get("BENCH_EXPORT_ROUNDS", "3"))
    print(f"Payments on PostgreSQL ({dataset.DATABASE}), services in this process")
    print(f"database created and migrated in {dataset.build():.1f} s")
    dataset.setup_django()

    from django.conf import settings

    from lampio.payments.fake_paytrail import FakePaytrail, serve

    fake = FakePaytrail(
        account=settings.LAMPIO_PAYTRAIL_ACCOUNT, secret=settings.LAMPIO_PAYTRAIL_SECRET
    )
    fake.send_callbacks = False  # the benchmark delivers the callback itself, timed
    server = serve(fake)
    settings.LAMPIO_PAYTRAIL_URL = fake.base_url
    city = dataset.populate(spaces=40, people=2 * payments + 10)
    print(
        f"{len(city.spaces)} paid spaces, {len(city.people):,} members of an association;"
        f" FakePaytrail at {fake.base_url}\n"
    )
    out = scenarios.Results()
    try:
        scenarios.quotes(city, quotes, out)
        scenarios.invoices(city, payments, out)
        callbacks = scenarios.online(city, fake, payments, out)
        scenarios.replays(callbacks, out)
        scenarios.exports(city, export_rows, export_rounds, out)
        out.overlapping = scenarios.overlapping()
    finally:
        server.shutdown()
        server.server_close()
    report.print_results(out)
    print(f"\nmachine: {os.cpu_count()} CPUs, load average {load_before} before, {load()} after")
    print(f"total run time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
