"""Orders made straight in the database for the staff tests: the staff pages read what the
checkout left behind, whatever way it got there."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from lampio.payments.models import (
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderRow,
    OrderStatus,
    PaymentMethod,
)
from lampio.tenancy.models import Organisation

BILLING = {
    "billing_name": "Kuoro Laulu ry",
    "billing_business_id": "0201256-6",
    "billing_address": "Kirkkokatu 2",
    "billing_postcode": "90100",
    "billing_city": "Oulu",
    "billing_email": "laskut@kuoro.example.fi",
    "einvoice_address": "003702012566",
    "einvoice_operator": "E204503",
    "customer_reference": "Kevätkonsertti",
}


def make_order(
    seller: Organisation,
    *,
    method: str = PaymentMethod.INVOICE,
    status: str = OrderStatus.INVOICED,
    hours: int = 2,
    price: str = "20.00",
    vat: str = "0.0",
    created_at: datetime | None = None,
    service_date: date = date(2030, 6, 12),
    **fields: Any,
) -> Order:
    """An order of `hours` hours at `price` € an hour (VAT included), with one row."""
    total = Decimal(price) * hours
    if method == PaymentMethod.INVOICE:
        fields = {**BILLING, **fields}
    order = Order.objects.create(seller=seller, method=method, status=status, total=total, **fields)
    OrderRow.objects.create(
        order=order,
        description="Juhlasali 12.6.2030 18.00–20.00",
        quantity=Decimal(hours),
        unit="h",
        unit_price=Decimal(price),
        vat_rate=Decimal(vat),
        total=total,
        service_date=service_date,
    )
    if method == PaymentMethod.ONLINE and status in (OrderStatus.PAID, OrderStatus.REFUNDED):
        OnlinePayment.objects.create(
            order=order, amount=total, status=OnlineStatus.OK, transaction_id=f"tx-{order.pk}"
        )
    if created_at is not None:
        Order.objects.filter(pk=order.pk).update(created_at=created_at)
        order.refresh_from_db()
    return order
