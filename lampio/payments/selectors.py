"""Reads of orders for the person who ordered, and for receipts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.payments.models import Order
from lampio.payments.money import euros, vat_inside
from lampio.payments.pricing import seller_settings


def _orders() -> QuerySet[Order]:
    return Order.objects.select_related(
        "seller",
        "booking__space__venue",
        "payer_organisation",
        "enrolment__occurrence__offering",
        "group_order__occurrence",
        "group_order__offering",
        "group_order__unit",
    ).prefetch_related("rows", "refunds")


def order_of(*, actor: User, order_id: int) -> Order:
    """The person's own order; anyone else's is NotFound (its existence is not revealed)."""
    order = _orders().filter(pk=order_id, customer=actor).first()
    if order is None:
        raise NotFound()
    return order


def order_by_receipt_token(token: uuid.UUID) -> Order:
    order = _orders().filter(receipt_token=token).first()
    if order is None:
        raise NotFound()
    return order


def orders_of(*, actor: User) -> QuerySet[Order]:
    return _orders().filter(customer=actor)


@dataclass(frozen=True)
class VatLine:
    rate: Decimal
    net: Decimal
    vat: Decimal
    gross: Decimal


def vat_breakdown(order: Order) -> list[VatLine]:
    """Totals per VAT rate, as a receipt must show them."""
    gross: dict[Decimal, Decimal] = {}
    for row in order.rows.all():
        gross[row.vat_rate] = gross.get(row.vat_rate, Decimal(0)) + row.total
    lines = []
    for rate, total in sorted(gross.items()):
        vat = vat_inside(total, rate)
        lines.append(VatLine(rate=rate, net=euros(total - vat), vat=vat, gross=euros(total)))
    return lines


def seller_business_id(order: Order) -> str:
    return seller_settings(order.seller_id).business_id
