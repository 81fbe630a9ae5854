"""Orders are bookkeeping records (kept six years by the Accounting Act): a person's export
lists them, and erasure blanks who bought and the billing contact while the amounts stay."""

from __future__ import annotations

from typing import Any

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.payments.models import BILLING_FIELDS, Order


def export_orders(user: User) -> list[dict[str, Any]]:
    return [
        {
            "reference": order.reference,
            "seller": order.seller.name,
            "created_at": order.created_at.isoformat(),
            "status": order.status,
            "method": order.method,
            "price_group": order.price_group,
            "total": str(order.total),
            "refunded": str(order.refunded),
            "rows": [
                {
                    "description": row.description,
                    "quantity": str(row.quantity),
                    "total": str(row.total),
                }
                for row in order.rows.all()
            ],
            "billing": {name: getattr(order, name) for name in BILLING_FIELDS},
        }
        for order in Order.objects.filter(customer=user).select_related("seller")
    ]


def erase_orders(user: User) -> None:
    Order.objects.filter(customer=user).update(customer=None, **dict.fromkeys(BILLING_FIELDS, ""))


register_personal_data("orders", export=export_orders, erase=erase_orders)
