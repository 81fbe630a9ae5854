"""Online payment: ask the provider for a payment page, and apply what it says back.

Every word from the provider is verified (signature, account, amount to the cent) and applied
once: each payment records each status once, a paid payment stays paid, and a payment the
order no longer needs is returned whole.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from lampio.accounts.models import User
from lampio.bookings import hold_services
from lampio.bookings.errors import SlotTaken
from lampio.core.errors import Conflict, NotFound
from lampio.payments import messages
from lampio.payments.errors import PaymentServiceDown
from lampio.payments.models import (
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderStatus,
    PaymentMethod,
    ProviderEvent,
)
from lampio.payments.money import to_cents
from lampio.payments.providers.base import (
    BadSignature,
    PaymentNews,
    ProviderUnavailable,
    ReturnUrls,
)
from lampio.payments.providers.paytrail import online_provider
from lampio.payments.services import refunds

logger = logging.getLogger(__name__)


def refund_urls() -> ReturnUrls:
    """Where the provider tells the final word on a refund."""
    callback = settings.LAMPIO_SITE_URL + reverse("payments_refund_callback")
    return ReturnUrls(success="", cancel="", callback_success=callback, callback_cancel=callback)


def return_urls() -> ReturnUrls:
    site = settings.LAMPIO_SITE_URL
    back = site + reverse("payments:return")
    callback = site + reverse("payments_callback")
    return ReturnUrls(
        success=back, cancel=back, callback_success=callback, callback_cancel=callback
    )


def start_online(order: Order, payment: OnlinePayment, actor: User) -> str:
    """Ask the provider for a payment page, outside any transaction (it is a network call)."""
    provider = online_provider()
    if provider is None:
        raise PaymentServiceDown()
    try:
        started = provider.create_payment(order, payment, return_urls(), email=actor.email or "")
    except ProviderUnavailable as error:
        OnlinePayment.objects.filter(pk=payment.pk).update(status=OnlineStatus.FAIL)
        raise PaymentServiceDown() from error
    OnlinePayment.objects.filter(pk=payment.pk).update(transaction_id=started.transaction_id)
    return started.redirect_url


def record_provider_news(params: dict[str, str], *, now: datetime | None = None) -> Order:
    """Apply a redirect or callback from the provider, once, after verifying its signature.

    The same news arriving twice (the browser's redirect and the server's callback, or a
    replay) changes nothing the second time: each payment records each status once, and a
    payment that is paid stays paid whatever comes after.
    """
    provider = online_provider()
    if provider is None:
        raise NotFound()
    news = provider.verify(params)  # BadSignature propagates: the caller answers 400
    return apply_news(news, now=now)


def apply_news(news: PaymentNews, *, now: datetime | None = None) -> Order:
    now = now or timezone.now()
    with transaction.atomic():
        payment = (
            OnlinePayment.objects.select_for_update()
            .select_related("order")
            .filter(stamp=news.stamp)
            .first()
        )
        if payment is None or (
            payment.transaction_id and payment.transaction_id != news.transaction_id
        ):
            raise BadSignature()
        order = payment.order
        if news.amount_cents != to_cents(payment.amount):
            logger.error("payment %s: amount %s differs", payment.pk, news.amount_cents)
            raise BadSignature()
        try:
            with transaction.atomic():
                ProviderEvent.objects.create(payment=payment, status=news.status)
        except IntegrityError:
            return order  # this news was applied already
        if payment.status == OnlineStatus.OK:
            return order  # paid is final; a later "fail" is stale
        payment.transaction_id = news.transaction_id
        payment.payment_service = news.payment_service[:64]
        if news.status == "ok":
            payment.status = OnlineStatus.OK
            payment.settled_at = now
            payment.save(
                update_fields=["transaction_id", "payment_service", "status", "settled_at"]
            )
            _settle_paid(order, payment, now)
        elif news.status == "fail":
            payment.status = OnlineStatus.FAIL
            payment.save(update_fields=["transaction_id", "payment_service", "status"])
        else:
            payment.status = OnlineStatus.PENDING
            payment.save(update_fields=["transaction_id", "payment_service", "status"])
    return Order.objects.get(pk=order.pk)


def _settle_paid(order: Order, payment: OnlinePayment, now: datetime) -> None:
    order = Order.objects.select_for_update().get(pk=order.pk)
    was = order.status
    if was != OrderStatus.PENDING:
        # Paid twice (two payment pages), or after the order was settled another way or
        # released: this payment goes back whole, and the order stays as it is.
        refunds.refund_online(
            order,
            payment,
            stray=True,
            reason=gettext_noop("The order did not need this payment."),
            attention=gettext_noop(
                "A payment arrived for an order that was already settled or released; it is "
                "being refunded. Check that the customer knows."
            )
            if was in (OrderStatus.CANCELLED, OrderStatus.REFUNDED)
            else "",
        )
        return
    order.status = OrderStatus.PAID
    order.method = PaymentMethod.ONLINE
    order.paid_at = now
    order.save(update_fields=["status", "method", "paid_at"])
    messages.order_message(order, "paid")
    if order.booking_id is None:
        return
    try:
        with transaction.atomic():
            hold_services.confirm_hold(booking_id=order.booking_id, now=now)
        return
    except (SlotTaken, Conflict):
        pass
    # The hold lapsed and someone else took the slot, or the person cancelled meanwhile: the
    # money goes back, and staff see what happened.
    refunds.refund_online(
        order,
        payment,
        reason=gettext_noop("The payment arrived after the time was released."),
        attention=gettext_noop(
            "Paid online after the held time was released; the payment is being refunded. "
            "Check that the customer knows."
        ),
    )
