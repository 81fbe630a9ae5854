"""CSV files for staff and the finance system: semicolons, decimal commas, Finnish dates and
UTF-8 with a byte order mark, so that spreadsheet programs set to Finnish read them right."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.payments.models import Order
from lampio.payments.money import euros


def amount(value: Decimal) -> str:
    """Euros with two decimals and a decimal comma: 40,00."""
    return f"{euros(value):.2f}".replace(".", ",")


def number(value: Decimal) -> str:
    """A quantity or a rate without needless zeros: 2, 1,5, 25,5."""
    return f"{value.normalize():f}".replace(".", ",")


def day(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def text(value: str) -> str:
    """Text as given, except that a leading formula character is defused for spreadsheets."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def orders_csv(orders: Iterable[Order]) -> bytes:
    """The staff's order list as a spreadsheet, one line per order."""
    header = [
        _("Order number"),
        _("Ordered"),
        _("Status"),
        _("Payment method"),
        _("Customer"),
        _("Business ID"),
        _("Total"),
        _("Refunded"),
        _("Needs attention"),
    ]
    rows = (
        [
            order.reference,
            timezone.localtime(order.created_at).strftime("%d.%m.%Y %H:%M"),
            str(order.get_status_display()),
            str(order.get_method_display()) if order.method else "",
            text(order.billing_name or (order.customer.display_name if order.customer else "")),
            order.billing_business_id,
            amount(order.total),
            amount(order.refunded),
            str(_("yes")) if order.needs_attention else "",
        ]
        for order in orders
    )
    return render(header, rows)
