"""Side effects of payments: refunds go to the provider from a job, after commit."""

from __future__ import annotations

from django_tasks import task


@task()
def send_refund(refund_id: int) -> None:
    from lampio.payments.services.refunds import send_refund as send

    send(refund_id)
