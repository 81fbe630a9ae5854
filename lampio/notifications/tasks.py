"""Sending queued messages. STUB for the retry policy: the notifications helper completes it."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from lampio.core.sms import send_sms
from lampio.notifications.models import Channel, Delivery, DeliveryStatus


@task()
def deliver(delivery_id: int) -> None:
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.status == DeliveryStatus.SENT:
        return
    if delivery.channel == Channel.EMAIL:
        message = EmailMessage(subject=delivery.subject, body=delivery.body, to=[delivery.to])
        for attachment in delivery.attachments:
            message.attach(attachment["name"], attachment["content"], attachment["content_type"])
        message.send()
    else:
        send_sms(delivery.to, delivery.body)
    delivery.status = DeliveryStatus.SENT
    delivery.attempts += 1
    delivery.sent_at = timezone.now()
    delivery.save(update_fields=["status", "attempts", "sent_at"])
