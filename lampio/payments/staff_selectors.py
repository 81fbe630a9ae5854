"""Reads of an organisation's payments for its staff: orders, daily totals, invoice exports,
prices and free-of-charge organisations.

Every function takes the actor and the seller; a person who may not manage the seller gets
PermissionDenied, and another seller's order or export is NotFound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Case,
    Count,
    DecimalField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate

from lampio.core.errors import NotFound, PermissionDenied
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.core.timeranges import LOCAL_ZONE, local_day_bounds
from lampio.offerings.models import Offering, OfferingStatus
from lampio.payments.models import (
    FreeOfCharge,
    InvoiceExport,
    Order,
    OrderRow,
    OrderStatus,
    PaymentMethod,
    PriceRule,
    Refund,
    RefundStatus,
)
from lampio.spaces.models import Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can

# The status filter's own option for orders a person must look at.
NEEDS_ATTENTION = "attention"
ZERO = Decimal("0.00")


def _check(actor: Actor, seller: Organisation) -> None:
    if not can(actor, Action.MANAGE, seller):
        raise PermissionDenied()


def _attention_q() -> Q:
    return ~Q(attention="") & Q(attention_resolved_at__isnull=True)


@dataclass(frozen=True)
class OrderFilters:
    status: str = ""  # an OrderStatus, NEEDS_ATTENTION, or "" for all
    method: str = ""
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


def seller_orders(
    *, actor: Actor, seller: Organisation, filters: OrderFilters | None = None
) -> QuerySet[Order]:
    """The seller's orders, those needing attention first, then newest first."""
    _check(actor, seller)
    filters = filters or OrderFilters()
    orders = Order.objects.filter(seller=seller).select_related("customer", "booking__space")
    if filters.status == NEEDS_ATTENTION:
        orders = orders.filter(_attention_q())
    elif filters.status:
        orders = orders.filter(status=filters.status)
    if filters.method:
        orders = orders.filter(method=filters.method)
    if filters.date_from:
        orders = orders.filter(created_at__gte=local_day_bounds(filters.date_from).start)
    if filters.date_to:
        orders = orders.filter(created_at__lt=local_day_bounds(filters.date_to).end)
    if text := filters.text.strip():
        orders = orders.filter(Q(reference__icontains=text) | Q(billing_name__icontains=text))
    return orders.annotate(
        flagged=Case(
            When(_attention_q(), then=Value(True)), default=False, output_field=BooleanField()
        )
    ).order_by("-flagged", "-created_at", "-pk")


def seller_order(*, actor: Actor, seller: Organisation, order_id: int) -> Order:
    """One order with its rows, payments and refunds; the read is audited (billing details)."""
    _check(actor, seller)
    order = (
        Order.objects.filter(seller=seller, pk=order_id)
        .select_related(
            "customer",
            "payer_organisation",
            "booking__space__venue",
            "seller",
            "enrolment__occurrence__offering",
            "group_order__occurrence",
            "group_order__offering",
            "group_order__unit",
        )
        .prefetch_related("rows", "online_payments", "refunds__created_by")
        .first()
    )
    if order is None:
        raise NotFound()
    log_personal_data_read(
        actor=actor,
        kind=PersonalDataRead.PAYMENT_ORDER,
        subject=order,
        organisation_id=seller.pk,
    )
    return order


@dataclass
class DayTotals:
    day: date | None  # None on the total row
    orders: int = 0
    online: Decimal = ZERO
    invoiced: Decimal = ZERO
    to_pay_on_site: Decimal = ZERO
    paid_on_site: Decimal = ZERO
    refunded: Decimal = ZERO

    @property
    def net(self) -> Decimal:
        """Sales of the day (paid, invoiced or to be paid on site) less refunds made that day."""
        sales = self.online + self.invoiced + self.to_pay_on_site + self.paid_on_site
        return sales - self.refunded


@dataclass(frozen=True)
class DailyReport:
    days: list[DayTotals]
    total: DayTotals = field(default_factory=lambda: DayTotals(day=None))


def _sum(condition: Q, column: str = "total") -> Coalesce:
    money: DecimalField[Decimal, Decimal] = DecimalField(max_digits=12, decimal_places=2)
    return Coalesce(Sum(column, filter=condition), Value(ZERO), output_field=money)


def daily_totals(*, actor: Actor, seller: Organisation, start: date, end: date) -> DailyReport:
    """Per local day from `start` to `end` inclusive: the orders made that day by method and
    state, and the refunds settled that day. Pending and cancelled orders moved no money."""
    _check(actor, seller)
    since, until = local_day_bounds(start).start, local_day_bounds(end).end
    sales = (
        Order.objects.filter(seller=seller, created_at__gte=since, created_at__lt=until)
        .exclude(status__in=(OrderStatus.PENDING, OrderStatus.CANCELLED))
        .annotate(day=TruncDate("created_at", tzinfo=LOCAL_ZONE))
        .values("day")
        .annotate(
            count=Count("pk"),
            online=_sum(Q(method=PaymentMethod.ONLINE)),
            invoiced=_sum(Q(method=PaymentMethod.INVOICE)),
            to_pay=_sum(Q(method=PaymentMethod.ON_SITE, status=OrderStatus.PAY_ON_SITE)),
            paid=_sum(Q(method=PaymentMethod.ON_SITE) & ~Q(status=OrderStatus.PAY_ON_SITE)),
        )
    )
    refunds = (
        Refund.objects.filter(
            order__seller=seller,
            status=RefundStatus.DONE,
            settled_at__gte=since,
            settled_at__lt=until,
        )
        .annotate(day=TruncDate("settled_at", tzinfo=LOCAL_ZONE))
        .values("day")
        .annotate(amount=_sum(Q(), "amount"))
    )
    every_day = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    days = {day: DayTotals(day=day) for day in every_day}
    for row in sales:
        totals = days[row["day"]]
        totals.orders = row["count"]
        totals.online, totals.invoiced = row["online"], row["invoiced"]
        totals.to_pay_on_site, totals.paid_on_site = row["to_pay"], row["paid"]
    for row in refunds:
        days[row["day"]].refunded = row["amount"]
    report = DailyReport(days=list(days.values()))
    for totals in report.days:
        report.total.orders += totals.orders
        report.total.online += totals.online
        report.total.invoiced += totals.invoiced
        report.total.to_pay_on_site += totals.to_pay_on_site
        report.total.paid_on_site += totals.paid_on_site
        report.total.refunded += totals.refunded
    return report


def invoice_exports(*, actor: Actor, seller: Organisation) -> QuerySet[InvoiceExport]:
    _check(actor, seller)
    return InvoiceExport.objects.filter(seller=seller).select_related("created_by")


def invoice_export(*, actor: Actor, seller: Organisation, export_id: int) -> InvoiceExport:
    export = invoice_exports(actor=actor, seller=seller).filter(pk=export_id).first()
    if export is None:
        raise NotFound()
    return export


def exportable_rows(seller: Organisation) -> QuerySet[OrderRow]:
    """Invoice rows (credit rows too) not yet handed to the finance system. No permission
    check: the export service and `rows_waiting_for_export` check first."""
    return (
        OrderRow.objects.filter(
            order__seller=seller, order__method=PaymentMethod.INVOICE, exported_in__isnull=True
        )
        .exclude(order__status=OrderStatus.CANCELLED)
        .order_by("pk")
    )


def rows_waiting_for_export(*, actor: Actor, seller: Organisation) -> int:
    """How many invoice rows the next export would take."""
    _check(actor, seller)
    return exportable_rows(seller).count()


def export_rows(export: InvoiceExport) -> QuerySet[OrderRow]:
    """The rows of an export, in the order of the file: by order, then as they were made."""
    return export.rows.select_related("order").order_by("order__reference", "pk")


# Prices and free of charge, for the settings page.


@dataclass(frozen=True)
class SpaceRules:
    space: Space
    rules: list[PriceRule]


def seller_spaces(*, actor: Actor, seller: Organisation) -> QuerySet[Space]:
    _check(actor, seller)
    return (
        Space.objects.filter(venue__organisation=seller)
        .select_related("venue")
        .order_by("venue__name", "name")
    )


def price_rules_by_space(*, actor: Actor, seller: Organisation) -> list[SpaceRules]:
    spaces = list(seller_spaces(actor=actor, seller=seller))
    rules: dict[int, list[PriceRule]] = {space.pk: [] for space in spaces}
    for rule in PriceRule.objects.filter(organisation=seller, space__in=spaces).order_by(
        "group", "-valid_from"
    ):
        rules[rule.space_id].append(rule)  # type: ignore[index]
    return [SpaceRules(space=space, rules=rules[space.pk]) for space in spaces]


@dataclass(frozen=True)
class OfferingRules:
    offering: Offering
    rules: list[PriceRule]


def seller_offerings(*, actor: Actor, seller: Organisation) -> QuerySet[Offering]:
    """The seller's offerings that may still be sold (not cancelled)."""
    _check(actor, seller)
    return (
        Offering.objects.filter(organisation=seller)
        .exclude(status=OfferingStatus.CANCELLED)
        .order_by("title")
    )


def price_rules_by_offering(*, actor: Actor, seller: Organisation) -> list[OfferingRules]:
    offerings = list(seller_offerings(actor=actor, seller=seller))
    rules: dict[int, list[PriceRule]] = {offering.pk: [] for offering in offerings}
    for rule in PriceRule.objects.filter(organisation=seller, offering__in=offerings).order_by(
        "group", "-valid_from"
    ):
        rules[rule.offering_id].append(rule)  # type: ignore[index]
    return [OfferingRules(offering=o, rules=rules[o.pk]) for o in offerings]


def seller_price_rule(*, actor: Actor, seller: Organisation, rule_id: int) -> PriceRule:
    _check(actor, seller)
    rule = PriceRule.objects.filter(organisation=seller, pk=rule_id).first()
    if rule is None:
        raise NotFound()
    return rule


def free_of_charge_of(*, actor: Actor, seller: Organisation) -> QuerySet[FreeOfCharge]:
    _check(actor, seller)
    return (
        FreeOfCharge.objects.filter(seller=seller)
        .select_related("beneficiary", "space__venue")
        .order_by("beneficiary__name", "space__name")
    )


def beneficiary_choices(*, actor: Actor, seller: Organisation) -> QuerySet[Organisation]:
    """Who may be made free of charge: the other active organisations of the seller's city."""
    _check(actor, seller)
    return (
        Organisation.objects.filter(municipality_id=seller.municipality_id, is_active=True)
        .exclude(pk=seller.pk)
        .order_by("name")
    )
