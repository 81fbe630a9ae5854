"""An order's rows: the quote of the moment, snapshotted."""

from __future__ import annotations

from lampio.payments.models import Order, OrderRow
from lampio.payments.pricing import Quote


def write_rows(order: Order, quote: Quote) -> None:
    """Replace the (saved) order's rows with `quote`'s and set its total; the caller saves it."""
    order.rows.all().delete()
    add_rows(order, quote)


def add_rows(order: Order, quote: Quote) -> None:
    """The rows of a new order, which has none yet: nothing to look up and delete first."""
    OrderRow.objects.bulk_create(
        OrderRow(
            order=order,
            description=row.description[:300],
            quantity=row.quantity,
            unit=row.unit,
            unit_price=row.unit_price,
            vat_rate=row.vat_rate,
            total=row.total,
            service_date=row.service_date,
        )
        for row in quote.rows
    )
    order.total = quote.total
