"""Money back: through the provider for online payments, as a credit note for invoices, at
the venue for on-site payments. Refunds are rows first and provider calls after commit, so a
provider that is down delays a refund but never loses it (the sweep tries again)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.payments import messages, tasks
from lampio.payments.errors import RefundTooLarge
from lampio.payments.models import (
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderRow,
    OrderStatus,
    PaymentMethod,
    Refund,
    RefundStatus,
)
from lampio.payments.money import euros
from lampio.payments.providers.base import ProviderUnavailable
from lampio.payments.providers.paytrail import online_provider
from lampio.tenancy.permissions import Action, can

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
# Attention notes are stored in English and shown in each reader's language: the staff order
# page translates them line by line (payments/templatetags/payment_text.py).
REFUND_REFUSED = gettext_noop(
    "The payment service refused a refund: refund the customer another way."
)
ON_SITE_REFUND = gettext_noop(
    "Paid on site and then cancelled: pay the money back to the customer."
)


def _flag(order: Order, text: str) -> None:
    order.attention = f"{order.attention}\n{text}".strip() if order.needs_attention else text
    order.attention_resolved_at = None
    order.attention_resolved_by = None
    order.save(update_fields=["attention", "attention_resolved_at", "attention_resolved_by"])


def _may_manage(actor: User, order: Order) -> bool:
    # An order names its owner `seller`: `can` finds no `organisation_id` on it, so ask about
    # the seller itself.
    return can(actor, Action.MANAGE, order.seller)


def refundable(order: Order) -> Decimal:
    """What is left to refund: the total less refunds done or under way."""
    under_way = (
        order.refunds.exclude(status=RefundStatus.FAILED)
        .filter(stray=False)
        .aggregate(s=Sum("amount"))["s"]
    )
    return euros(order.total - (under_way or 0))


def settling_payment(order: Order) -> OnlinePayment | None:
    """The online payment that paid the order (not one returned as stray)."""
    return (
        order.online_payments.filter(status=OnlineStatus.OK)
        .exclude(refunds__stray=True)
        .order_by("settled_at", "pk")
        .first()
    )


def refund_online(
    order: Order,
    payment: OnlinePayment,
    *,
    amount: Decimal | None = None,
    reason: str = "",
    actor: User | None = None,
    attention: str = "",
    stray: bool = False,
) -> Refund:
    """Queue a provider refund (sent after commit). Call inside a transaction.

    A stray refund returns the whole `payment`, which the order did not need."""
    if stray:
        amount = payment.amount
    refund = Refund.objects.create(
        order=order,
        payment=payment,
        amount=amount if amount is not None else refundable(order),
        method=PaymentMethod.ONLINE,
        reason=reason[:300],
        created_by=actor,
        stray=stray,
    )
    if attention:
        _flag(order, attention)
    transaction.on_commit(lambda: tasks.send_refund.enqueue(refund.pk))
    return refund


def _credit_invoice(order: Order, amount: Decimal, reason: str, actor: User | None) -> Refund:
    """Negative rows for the finance system, in proportion to each row of the order."""
    share = amount / order.total
    today = timezone.localdate()
    for row in list(order.rows.filter(total__gt=0)):
        OrderRow.objects.create(
            order=order,
            description=_("Credit: %(row)s") % {"row": row.description},
            quantity=-row.quantity,
            unit=row.unit,
            unit_price=euros(row.unit_price * share),
            vat_rate=row.vat_rate,
            total=-euros(row.total * share),
            service_date=today,
        )
    return Refund.objects.create(
        order=order,
        amount=amount,
        method=PaymentMethod.INVOICE,
        status=RefundStatus.DONE,
        reason=reason[:300],
        created_by=actor,
        settled_at=timezone.now(),
    )


def apply_refund_news(params: dict[str, str], *, now: datetime | None = None) -> Refund:
    """The provider's callback about a refund (its stamp is the refund's): final word on it.

    A refund the provider first accepted may still fail later; staff are then asked to
    return the money another way.
    """
    now = now or timezone.now()
    provider = online_provider()
    if provider is None:
        raise NotFound()
    news = provider.verify(params)  # BadSignature propagates: the caller answers 400
    with transaction.atomic():
        refund = Refund.objects.select_for_update().filter(stamp=news.stamp).first()
        if refund is None:
            raise NotFound()
        if news.status == "ok" and refund.status == RefundStatus.PENDING:
            refund.status, refund.settled_at = RefundStatus.DONE, now
            refund.save(update_fields=["status", "settled_at"])
            _settle_refund_totals(Order.objects.select_for_update().get(pk=refund.order_id))
        elif news.status == "fail" and refund.status != RefundStatus.FAILED:
            refund.status = RefundStatus.FAILED
            refund.save(update_fields=["status"])
            order = Order.objects.select_for_update().get(pk=refund.order_id)
            _settle_refund_totals(order)
            _flag(order, REFUND_REFUSED)
    return refund


def _settle_refund_totals(order: Order) -> None:
    done = (
        order.refunds.filter(status=RefundStatus.DONE, stray=False).aggregate(s=Sum("amount"))["s"]
        or 0
    )
    order.refunded = euros(done)
    if order.refunded >= order.total and order.total > 0:
        order.status = OrderStatus.REFUNDED
    elif order.status == OrderStatus.REFUNDED:  # a refund failed after all
        order.status = OrderStatus.PAID if order.paid_at else OrderStatus.INVOICED
    order.save(update_fields=["refunded", "status"])


def release_order(order: Order, *, actor: User | None, reason: str) -> None:
    """The booking was cancelled or denied: undo what the order owes or was paid.

    Called inside the transaction that released the booking.
    """
    order = Order.objects.select_for_update().get(pk=order.pk)
    now = timezone.now()
    if order.status in (OrderStatus.PENDING, OrderStatus.PAY_ON_SITE, OrderStatus.FREE):
        order.status = OrderStatus.CANCELLED
        order.cancelled_at = now
        order.save(update_fields=["status", "cancelled_at"])
    elif order.status == OrderStatus.INVOICED:
        if not order.rows.filter(exported_in__isnull=False).exists():
            order.status = OrderStatus.CANCELLED  # never invoiced: nothing to credit
            order.cancelled_at = now
            order.save(update_fields=["status", "cancelled_at"])
        else:
            _credit_invoice(order, refundable(order), reason, actor)
            _settle_refund_totals(order)
    elif order.status == OrderStatus.PAID and refundable(order) > 0:
        if order.method == PaymentMethod.ONLINE:
            payment = settling_payment(order)
            if payment is not None:
                refund_online(order, payment, reason=reason, actor=actor)
        else:
            Refund.objects.create(
                order=order,
                amount=refundable(order),
                method=PaymentMethod.ON_SITE,
                reason=reason[:300],
                created_by=actor,
            )
            _flag(order, ON_SITE_REFUND)
    messages.order_message(order, "released")


def refund_order(*, actor: User, order: Order, amount: Decimal, reason: str) -> Refund:
    """Staff return part or all of a paid or invoiced order."""
    if not _may_manage(actor, order):
        raise PermissionDenied()
    if amount <= 0:
        raise InvalidInput(_("Give an amount greater than zero."), field="amount")
    if not reason.strip():
        raise InvalidInput(_("Give a reason for the refund."), field="reason")
    with transaction.atomic(), set_actor(actor):
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status not in (OrderStatus.PAID, OrderStatus.INVOICED):
            raise Conflict(_("Only paid or invoiced orders can be refunded."))
        if euros(amount) > refundable(order):
            raise RefundTooLarge(field="amount")
        amount = euros(amount)
        if order.method == PaymentMethod.ONLINE:
            payment = settling_payment(order)
            if payment is None:
                raise Conflict(_("No completed online payment was found for this order."))
            refund = refund_online(order, payment, amount=amount, reason=reason, actor=actor)
        elif order.method == PaymentMethod.INVOICE:
            refund = _credit_invoice(order, amount, reason, actor)
            _settle_refund_totals(order)
        else:
            refund = Refund.objects.create(
                order=order,
                amount=amount,
                method=PaymentMethod.ON_SITE,
                status=RefundStatus.DONE,
                reason=reason[:300],
                created_by=actor,
                settled_at=timezone.now(),
            )
            _settle_refund_totals(order)
    return refund


def send_refund(refund_id: int, *, now: datetime | None = None) -> None:
    """Ask the provider to pay a refund back; on failure, leave it for the sweep or for staff."""
    now = now or timezone.now()
    refund = Refund.objects.select_related("order", "payment").filter(pk=refund_id).first()
    if refund is None or refund.status != RefundStatus.PENDING or refund.payment is None:
        return
    provider = online_provider()
    outcome = None
    if provider is not None:
        try:
            from lampio.payments.services.online import refund_urls

            outcome = provider.refund(refund.payment, refund, refund_urls())
        except ProviderUnavailable:
            outcome = None
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status != RefundStatus.PENDING:
            return
        refund.attempts += 1
        order = refund.order
        if outcome is not None and outcome.status in ("ok", "pending"):
            refund.status = RefundStatus.DONE
            refund.settled_at = now
            refund.save(update_fields=["status", "settled_at", "attempts"])
            _settle_refund_totals(Order.objects.select_for_update().get(pk=order.pk))
            messages.order_message(order, "refunded", amount=refund.amount, tag=str(refund.pk))
        elif outcome is not None or refund.attempts >= MAX_ATTEMPTS:
            refund.status = RefundStatus.FAILED
            refund.save(update_fields=["status", "attempts"])
            _flag(order, REFUND_REFUSED)
        else:
            refund.save(update_fields=["attempts"])


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=2 ** min(attempts, 6))


def resolve_attention(*, actor: User, order: Order) -> None:
    if not _may_manage(actor, order):
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        order = Order.objects.select_for_update().get(pk=order.pk)
        order.attention_resolved_at = timezone.now()
        order.attention_resolved_by = actor
        order.save(update_fields=["attention_resolved_at", "attention_resolved_by"])
        order.refunds.filter(method=PaymentMethod.ON_SITE, status=RefundStatus.PENDING).update(
            status=RefundStatus.DONE, settled_at=timezone.now()
        )
        _settle_refund_totals(order)


def mark_paid_on_site(*, actor: User, order: Order) -> None:
    if not _may_manage(actor, order):
        raise PermissionDenied()
    with transaction.atomic(), set_actor(actor):
        order = Order.objects.select_for_update().get(pk=order.pk)
        if order.status != OrderStatus.PAY_ON_SITE:
            raise Conflict(_("Only orders to be paid on site can be marked paid."))
        order.status = OrderStatus.PAID
        order.paid_at = timezone.now()
        order.save(update_fields=["status", "paid_at"])
        messages.order_message(order, "paid")
