"""Invoice rows handed to the city's finance system: an export takes every invoice row not yet
exported (credit rows of refunds included) and the file is rendered from the rows it holds, so
downloading an old export again gives the same rows."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, PermissionDenied
from lampio.payments import staff_csv
from lampio.payments.models import InvoiceExport, OrderRow
from lampio.payments.money import euros
from lampio.payments.pricing import seller_settings
from lampio.payments.staff_selectors import export_rows, exportable_rows
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


class NothingToExport(Conflict):
    code = "nothing_to_export"
    default_message = gettext_lazy(
        "There are no new invoice rows to export. Rows appear here when customers choose to "
        "pay by invoice, or when an invoiced order is refunded."
    )


def export_invoice_rows(*, actor: User, seller: Organisation) -> InvoiceExport:
    """Put every invoice row of `seller` not yet exported into a new export.

    Locks the rows (in primary key order) so that two exports at once cannot take a row twice.
    """
    if not can(actor, Action.MANAGE, seller):
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        row_ids = list(
            exportable_rows(seller).select_for_update(of=("self",)).values_list("pk", flat=True)
        )
        if not row_ids:
            raise NothingToExport()
        export = InvoiceExport.objects.create(seller=seller, created_by=actor)
        taken = OrderRow.objects.filter(pk__in=row_ids, exported_in__isnull=True)
        export.row_count = taken.update(exported_in=export)
        export.total = euros(export.rows.aggregate(s=Sum("total"))["s"] or 0)
        export.due_on = timezone.localdate() + timedelta(
            days=seller_settings(seller.pk).invoice_due_days
        )
        export.save(update_fields=["row_count", "total", "due_on"])
    return export


# The finance system's columns, in its order.
def _columns() -> list[str]:
    return [
        _("Invoice key"),
        _("Customer name"),
        _("Business ID"),
        _("Street address"),
        _("Postcode"),
        _("Town"),
        _("E-invoice address"),
        _("E-invoice operator"),
        _("Email"),
        _("Customer reference"),
        _("Row description"),
        _("Date of service"),
        _("Quantity"),
        _("Unit"),
        _("Unit price excluding VAT"),
        _("VAT %"),
        _("VAT amount"),
        _("Total including VAT"),
        _("Due date"),
    ]


def due_date(export: InvoiceExport) -> date:
    if export.due_on is not None:
        return export.due_on
    days = seller_settings(export.seller_id).invoice_due_days
    return timezone.localtime(export.created_at).date() + timedelta(days=days)


def export_csv(export: InvoiceExport) -> bytes:
    """The export as the finance system reads it, one line per invoice row."""
    due = staff_csv.day(due_date(export))
    lines = []
    for row in export_rows(export):
        order = row.order
        unit_net = row.unit_price * 100 / (100 + row.vat_rate)
        lines.append(
            [
                order.reference,
                staff_csv.text(order.billing_name),
                order.billing_business_id,
                staff_csv.text(order.billing_address),
                order.billing_postcode,
                staff_csv.text(order.billing_city),
                order.einvoice_address,
                order.einvoice_operator,
                order.billing_email,
                staff_csv.text(order.customer_reference),
                staff_csv.text(row.description),
                staff_csv.day(row.service_date),
                staff_csv.number(row.quantity),
                row.unit,
                staff_csv.amount(unit_net),
                staff_csv.number(row.vat_rate),
                staff_csv.amount(row.vat_amount),
                staff_csv.amount(row.total),
                due,
            ]
        )
    return staff_csv.render(_columns(), lines)
