"""Sending queued messages, with retries.

A send is claimed by a conditional update that leases the row for a few minutes, so two
workers running the same job never both send; the row is marked sent by a second conditional
update. A worker that dies mid-send leaves the lease to run out and the sweep to try again
(at least once, never lost). A failed send keeps the row with the error and a time to retry,
backing off 1, 5, 30 and 120 minutes; after five attempts it is FAILED and staff may send it
again from the delivery log.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import datetime, timedelta

from django.core.mail import EmailMessage
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from lampio.core.sms import SmsNotSent, send_sms
from lampio.notifications.models import Channel, Delivery, DeliveryStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_MINUTES = (1, 5, 30, 120)
# Longer than any send may take (the SMS gateway times out in seconds).
LEASE = timedelta(minutes=5)
PENDING = (DeliveryStatus.QUEUED, DeliveryStatus.RETRYING)


def retry_at(attempts: int, now: datetime) -> datetime:
    """When to try again after `attempts` failed attempts."""
    minutes = BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1]
    return now + timedelta(minutes=minutes)


def claimable(now: datetime) -> Q:
    """Rows waiting to be sent that nobody holds a lease on."""
    return Q(status__in=PENDING) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def _claim(delivery_id: int, now: datetime) -> Delivery | None:
    taken = Delivery.objects.filter(claimable(now), pk=delivery_id).update(
        next_attempt_at=now + LEASE
    )
    return Delivery.objects.filter(pk=delivery_id).first() if taken else None


def _send(delivery: Delivery) -> None:
    if delivery.channel == Channel.EMAIL:
        message = EmailMessage(subject=delivery.subject, body=delivery.body, to=[delivery.to])
        for attachment in delivery.attachments:
            message.attach(attachment["name"], attachment["content"], attachment["content_type"])
        message.send()
    else:
        send_sms(delivery.to, delivery.body)


def describe(error: Exception) -> str:
    """A short reason for the delivery log: our own words, or the mail server's answer."""
    if isinstance(error, SmsNotSent):
        return error.detail
    if isinstance(error, smtplib.SMTPException | OSError):
        return f"{type(error).__name__}: {error}"[:200]
    return type(error).__name__  # unexpected: details go to the log, not to the staff page


def _record_failure(delivery: Delivery, error: Exception, now: datetime) -> None:
    attempts = delivery.attempts + 1
    permanent = isinstance(error, SmsNotSent) and not error.transient
    failed = permanent or attempts >= MAX_ATTEMPTS
    Delivery.objects.filter(pk=delivery.pk, status__in=PENDING).update(
        attempts=attempts,
        last_error=describe(error),
        status=DeliveryStatus.FAILED if failed else DeliveryStatus.RETRYING,
        next_attempt_at=None if failed else retry_at(attempts, now),
    )
    if failed:
        # For operators (staff see it on their pages): no address or text in the log.
        logger.error(
            "Delivery %s (%s, %s, organisation %s) failed for good after %s attempts: %s",
            delivery.pk,
            delivery.channel,
            delivery.key,
            delivery.organisation_id,
            attempts,
            type(error).__name__,
        )


@task()
def deliver(delivery_id: int) -> None:
    now = timezone.now()
    delivery = _claim(delivery_id, now)
    if delivery is None:
        return  # sent already, held by another worker, waiting for its retry time, or gone
    try:
        _send(delivery)
    except Exception as error:  # every failure is kept for a retry: none is lost
        logger.warning("Delivery %s failed: %s", delivery.pk, describe(error), exc_info=True)
        _record_failure(delivery, error, now)
        return
    Delivery.objects.filter(pk=delivery.pk, status__in=PENDING).update(
        status=DeliveryStatus.SENT,
        attempts=delivery.attempts + 1,
        last_error="",
        next_attempt_at=None,
        sent_at=timezone.now(),
    )
