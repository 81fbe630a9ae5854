"""The measured operations, each through the services as a request or a job would call them.

(a) `quote_booking` for the four price groups (with the payer's free-of-charge check);
(b) `reserve_paid_booking` + `choose_payment(invoice)`: hold → priced → confirmed;
(c) `reserve_paid_booking` + `choose_payment(online)` with its signed HTTP round trip to a
    FakePaytrail on loopback, then the signed "ok" callback through `record_provider_news`;
(d) the same callbacks again: verified, found applied, nothing changed;
(e) `export_invoice_rows` of fresh invoice rows and `export_csv` of the export.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as wall_time
from typing import Any, TypeVar

from common.db import OVERLAPPING_BOOKINGS

from payments.dataset import City

T = TypeVar("T")
HOURS = range(8, 22)  # one-hour slots from 08 to 22, inside the opening hours 07–23
GROUPS = ("adult", "reduced", "association", "company")


@dataclass
class Timed:
    ms: list[float] = field(default_factory=list)
    queries: list[float] = field(default_factory=list)


@dataclass
class Results:
    quote: Timed = field(default_factory=Timed)
    invoice: Timed = field(default_factory=Timed)
    invoice_ok: int = 0
    online_checkout: Timed = field(default_factory=Timed)  # reserve + choose (HTTP inside)
    online_http_ms: list[float] = field(default_factory=list)  # the round trip alone
    online_callback: Timed = field(default_factory=Timed)
    online_ok: int = 0
    replay: Timed = field(default_factory=Timed)
    replay_changed: int = -1
    exports: list[tuple[int, float, float, int]] = field(default_factory=list)  # rows, ms, ms, B
    export_ok: bool = False
    overlapping: int = -1


def _timed(into: Timed, call: Callable[[], T]) -> T:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()  # a full log would make the count wrong
    with CaptureQueriesContext(connection) as sql:
        started = time.perf_counter()
        result = call()
        into.ms.append((time.perf_counter() - started) * 1000)
    into.queries.append(float(len(sql.captured_queries)))
    return result


def _slots(city: City, count: int, first_day: int, now: datetime) -> Iterator[tuple[Any, datetime]]:
    """`count` distinct one-hour slots, spread over the spaces, from `first_day` days ahead."""
    from lampio.core.timeranges import local_datetime

    per_day = len(city.spaces) * len(HOURS)
    today = now.date()
    for index in range(count):
        day = today + timedelta(days=first_day + index // per_day)
        space = city.spaces[index % len(city.spaces)]
        hour = HOURS[(index // len(city.spaces)) % len(HOURS)]
        yield space, local_datetime(day, wall_time(hour))


def quotes(city: City, count: int, out: Results) -> None:
    from django.utils import timezone

    from lampio.payments.pricing import quote_booking

    for (space, starts_at), index in zip(
        _slots(city, count, 3, timezone.now()), range(count), strict=True
    ):
        group = GROUPS[index % len(GROUPS)]
        payer = city.association if group in ("association", "company") else None

        def quote(
            space: Any = space,
            starts_at: datetime = starts_at,
            group: str = group,
            payer: Any = payer,
        ) -> Any:
            return quote_booking(
                space=space,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=2),
                group=group,
                payer=payer,
            )

        _timed(out.quote, quote)


def invoices(city: City, count: int, out: Results) -> None:
    from django.utils import timezone

    from lampio.payments.models import OrderStatus
    from lampio.payments.services.checkout import (
        BillingDetails,
        PaymentChoice,
        choose_payment,
        reserve_paid_booking,
    )

    billing = BillingDetails(
        name="Tanssiseura ry", business_id="2468135-7", email="laskut@tanssiseura.example.fi"
    )
    choice = PaymentChoice(
        method="invoice", group="association", payer=city.association, billing=billing
    )
    now = timezone.now()
    for index, (space, starts_at) in enumerate(_slots(city, count, 10, now)):
        person = city.people[index]

        def book(person: Any = person, space: Any = space, starts_at: datetime = starts_at) -> Any:
            order = reserve_paid_booking(
                actor=person,
                space=space,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=1),
                purpose="Harjoitus",
                attendees=12,
            )
            return choose_payment(actor=person, order=order, choice=choice).order

        order = _timed(out.invoice, book)
        out.invoice_ok += int(order.status == OrderStatus.INVOICED and order.total > 0)


def online(city: City, fake: Any, count: int, out: Results) -> list[dict[str, str]]:
    """Pay `count` bookings online; return the signed callbacks, for replaying."""
    from django.utils import timezone

    from lampio.payments.models import OrderStatus
    from lampio.payments.providers.paytrail import Paytrail
    from lampio.payments.services.checkout import (
        PaymentChoice,
        choose_payment,
        reserve_paid_booking,
    )
    from lampio.payments.services.online import record_provider_news

    original = Paytrail._call

    def timed_call(self: Paytrail, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            out.online_http_ms.append((time.perf_counter() - started) * 1000)

    Paytrail._call = timed_call  # type: ignore[method-assign]
    callbacks = []
    offset = len(out.invoice.ms)  # people who have not booked yet
    try:
        for index, (space, starts_at) in enumerate(_slots(city, count, 40, timezone.now())):
            person = city.people[offset + index]

            def pay(
                person: Any = person, space: Any = space, starts_at: datetime = starts_at
            ) -> Any:
                order = reserve_paid_booking(
                    actor=person,
                    space=space,
                    starts_at=starts_at,
                    ends_at=starts_at + timedelta(hours=1),
                    purpose="Konsertti",
                    attendees=30,
                )
                return choose_payment(
                    actor=person, order=order, choice=PaymentChoice(method="online")
                )

            step = _timed(out.online_checkout, pay)
            # The person pays on the provider's page; its signed callback comes back.
            payment = fake.payments[step.redirect_url.rsplit("/", 1)[1]]
            payment.status = "ok"
            params = fake.signed_params(payment, "ok")
            order = _timed(out.online_callback, lambda params=params: record_provider_news(params))
            out.online_ok += int(order.status == OrderStatus.PAID)
            callbacks.append(params)
    finally:
        Paytrail._call = original  # type: ignore[method-assign]
    return callbacks


def replays(callbacks: list[dict[str, str]], out: Results) -> None:
    from lampio.payments.models import Order, ProviderEvent
    from lampio.payments.services.online import record_provider_news

    def state() -> tuple[int, int, list[tuple[int, str]]]:
        orders = list(Order.objects.order_by("pk").values_list("pk", "status"))
        return ProviderEvent.objects.count(), len(orders), orders

    before = state()
    for params in callbacks:
        _timed(out.replay, lambda params=params: record_provider_news(params))
    out.replay_changed = int(state() != before)


def exports(city: City, rows: int, rounds: int, out: Results) -> None:
    from django.utils import timezone

    from lampio.payments.models import Order, OrderRow
    from lampio.payments.services.invoices import export_csv, export_invoice_rows

    today = timezone.localdate()
    counts_ok = True
    for round_ in range(rounds):
        orders = Order.objects.bulk_create(
            Order(
                seller=city.export_seller,
                payer_organisation=city.association,
                price_group="association",
                method="invoice",
                status="invoiced",
                total=40,
                billing_name="Tanssiseura ry",
                billing_business_id="2468135-7",
                billing_address="Kirkkokatu 14 B",
                billing_postcode="90100",
                billing_city="Penkkilä",
                customer_reference=f"Kevät {round_}-{index}",
            )
            for index in range(rows)
        )
        OrderRow.objects.bulk_create(
            OrderRow(
                order=order,
                description=f"Harjoitushuone, {today:%d.%m.%Y} 18:00",
                quantity=2,
                unit="h",
                unit_price=20,
                vat_rate=0,
                total=40,
                service_date=today,
            )
            for order in orders
        )
        started = time.perf_counter()
        export = export_invoice_rows(actor=city.export_admin, seller=city.export_seller)
        exported = time.perf_counter()
        data = export_csv(export)
        rendered = time.perf_counter()
        lines = data.decode("utf-8-sig").count("\r\n")
        counts_ok = counts_ok and export.row_count == rows and lines == rows + 1
        out.exports.append(
            (export.row_count, (exported - started) * 1000, (rendered - exported) * 1000, len(data))
        )
    out.export_ok = counts_ok


def overlapping() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(OVERLAPPING_BOOKINGS)
        return int(cursor.fetchone()[0])
