"""Message kinds of payments (receipts, invoice and refund notices), and queueing them.

Called inside the transaction of the change; the notifications outbox sends after commit.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lampio.notifications.registry import MessageKind, register
from lampio.notifications.services import notify
from lampio.payments.models import Order, OrderStatus

GREETING = _("Hello {{ name }},")
SUMMARY = _("Order {{ reference }}\n{{ rows }}\nTotal {{ total }} € (VAT {{ vat }} €)")
RECEIPT_LINK = _("Receipt: {{ url }}")
SIGNATURE = _("Lämpiö – culture services of your city")


def _body(*parts: Any) -> Any:
    pieces = [GREETING, *parts, SIGNATURE]
    return format_lazy("\n\n".join("{}" for _piece in pieces), *pieces)


SAMPLE = {
    "name": "Maija Meikäläinen",
    "reference": "L7K2M9Q4TX",
    "rows": "Sali 1, 01.12.2026 18:00 – 2,00 h × 25,00 € = 50,00 €",
    "total": "50,00",
    "vat": "0,00",
    "seller": "Oulun kulttuuritalo",
    "method": "Verkkomaksu",
    "invoice": True,
    "amount": "50,00",
    "url": "https://lampio.example.fi/fi/payments/receipt/00000000-0000-0000-0000-000000000000/",
}

KINDS = [
    MessageKind(
        key="payments.receipt",
        label=_("Receipt of a payment"),
        essential=True,
        subject=_("Receipt: {{ seller }}, order {{ reference }}"),
        body=_body(
            _("Thank you for your payment to {{ seller }}. Paid with: {{ method }}."),
            SUMMARY,
            RECEIPT_LINK,
        ),
        sample=SAMPLE,
    ),
    MessageKind(
        key="payments.confirmed",
        label=_("Order to be invoiced or paid on site"),
        essential=True,
        subject=_("Order {{ reference }}: {{ seller }}"),
        body=_body(
            _(
                "{% if invoice %}Your order is confirmed. {{ seller }} will send the invoice "
                "to the billing details you gave.{% else %}Your order is confirmed. Pay it on "
                "site when you arrive.{% endif %}"
            ),
            SUMMARY,
            RECEIPT_LINK,
        ),
        sample=SAMPLE,
    ),
    MessageKind(
        key="payments.refunded",
        label=_("Refund of a payment"),
        essential=True,
        subject=_("Refund: order {{ reference }}"),
        body=_body(
            _(
                "{{ amount }} € of your order {{ reference }} has been refunded to the way you "
                "paid. It may take a few banking days to show on your account."
            ),
            RECEIPT_LINK,
        ),
        sample=SAMPLE,
    ),
]
for _kind in KINDS:
    register(_kind)


def _money(value: Decimal) -> str:
    return number_format(value, 2)


def order_context(order: Order, language: str, amount: Decimal | None = None) -> dict[str, Any]:
    order_rows = list(order.rows.all())
    with translation.override(language):
        rows = "\n".join(
            f"{row.description} – {_money(row.quantity)} {row.unit} × {_money(row.unit_price)} €"
            f" = {_money(row.total)} €"
            for row in order_rows
        )
        path = reverse("payments:receipt", kwargs={"receipt_token": order.receipt_token})
        return {
            "name": order.customer.get_full_name() if order.customer else "",
            "reference": order.reference,
            "rows": rows,
            "total": _money(order.total),
            "vat": _money(sum((row.vat_amount for row in order_rows), Decimal(0))),
            "seller": order.seller.name,
            "method": str(order.get_method_display()),
            "invoice": order.status == OrderStatus.INVOICED,
            "amount": _money(amount or Decimal(0)),
            "url": f"{settings.LAMPIO_SITE_URL}{path}",
        }


EVENT_KINDS = {"paid": "payments.receipt", "refunded": "payments.refunded"}


def order_message(
    order: Order, event: str, *, amount: Decimal | None = None, tag: str = ""
) -> None:
    """Queue the message of `event` to the order's customer, if it has one."""
    key = EVENT_KINDS.get(event)
    if event == "confirmed" and order.status in (OrderStatus.INVOICED, OrderStatus.PAY_ON_SITE):
        key = "payments.confirmed"
    if key is None or order.customer is None:
        return
    language = order.customer.preferred_language or "fi"
    notify(
        recipient=order.customer,
        key=key,
        context=order_context(order, language, amount),
        organisation_id=order.seller_id,
        dedupe_key=f"{key}:{order.pk}:{event}:{tag}",
    )
