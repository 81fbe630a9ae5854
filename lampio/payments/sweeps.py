"""Periodic sweeps of payments (registered with the scheduler): retry refunds, and ask the
provider about payments whose redirect and callback both went missing."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from lampio.bookings.models import BookingStatus
from lampio.core.schedule import register_sweep
from lampio.payments import tasks
from lampio.payments.models import (
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderStatus,
    Refund,
    RefundStatus,
)
from lampio.payments.providers.base import BadSignature, ProviderUnavailable
from lampio.payments.providers.paytrail import online_provider
from lampio.payments.services import refunds

logger = logging.getLogger(__name__)
BATCH = 100
# A payment page left open this long without news is asked about.
QUIET = timedelta(minutes=10)


def retry_refunds(now: datetime) -> int:
    # Refunds never tried count too (attempts 0, due a minute after creation): their job may
    # have been lost, and a lost job must delay a refund, never lose it.
    due = [
        refund.pk
        for refund in Refund.objects.filter(status=RefundStatus.PENDING, method="online").order_by(
            "created_at"
        )[:BATCH]
        if refund.created_at + refunds.retry_delay(refund.attempts) <= now
    ]
    for refund_id in due:
        tasks.send_refund.enqueue(refund_id)
    return len(due)


def reconcile_open_payments(now: datetime) -> int:
    """Settle payments the provider knows about but never told us (the browser was closed and
    the callback was lost), and close orders whose hold lapsed with no payment under way."""
    from lampio.payments.services.online import apply_news

    provider = online_provider()
    settled = 0
    quiet = OnlinePayment.objects.filter(
        status__in=(OnlineStatus.NEW, OnlineStatus.PENDING),
        transaction_id__isnull=False,
        created_at__lte=now - QUIET,
        created_at__gte=now - timedelta(days=2),
    )[:BATCH]
    for payment in quiet:
        if provider is None:
            break
        try:
            news = provider.payment_status(payment)
            if news.status != payment.status:
                apply_news(news, now=now)
                settled += 1
        except (ProviderUnavailable, BadSignature) as error:
            logger.warning("payment %s: status query failed: %s", payment.pk, error)
    in_flight = OnlinePayment.objects.filter(
        status__in=(OnlineStatus.NEW, OnlineStatus.PENDING), created_at__gt=now - timedelta(hours=1)
    ).values("order_id")
    lapsed = Order.objects.filter(status=OrderStatus.PENDING, booking__isnull=False).filter(
        Q(booking__status__in=(BookingStatus.EXPIRED, BookingStatus.CANCELLED))
        | Q(booking__status=BookingStatus.HELD, booking__hold_expires_at__lte=now - QUIET)
    )
    closed = lapsed.exclude(pk__in=in_flight).update(
        status=OrderStatus.CANCELLED, cancelled_at=timezone.now()
    )
    return settled + closed


register_sweep("payments.retry_refunds", retry_refunds, every_seconds=120)
register_sweep("payments.reconcile", reconcile_open_payments, every_seconds=300)
