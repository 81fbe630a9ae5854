"""Sending with retries: backoff, FAILED after five attempts, the sweep, never twice."""

from __future__ import annotations

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from lampio.core import schedule
from lampio.core.sms import SmsNotSent
from lampio.notifications import services, tasks
from lampio.notifications.models import Delivery, DeliveryStatus
from lampio.notifications.sweeps import retry_due_deliveries

pytestmark = pytest.mark.django_db
CONTEXT = {"space": "Sali 2", "time": "17:00"}


@pytest.fixture
def broken_mail(monkeypatch):
    """The mail server refuses every message until `fixed` is set."""
    state = {"fixed": False, "calls": 0}

    def send(self, fail_silently=False):
        state["calls"] += 1
        if not state["fixed"]:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.append(self)
        return 1

    monkeypatch.setattr("django.core.mail.EmailMessage.send", send)
    return state


def queue(make_user) -> Delivery:
    (row,) = services.notify(recipient=make_user(), key="test.reminder", context=CONTEXT)
    return row


def test_a_failure_keeps_the_row_for_a_retry_with_backoff(make_user, broken_mail):
    row = queue(make_user)
    before = timezone.now()
    tasks.deliver.call(row.pk)
    row.refresh_from_db()
    assert row.status == DeliveryStatus.RETRYING
    assert row.attempts == 1
    assert row.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert (
        before + timedelta(minutes=1)
        <= row.next_attempt_at
        <= timezone.now() + timedelta(minutes=1)
    )


def test_the_job_does_not_send_before_the_retry_time(make_user, broken_mail):
    row = queue(make_user)
    tasks.deliver.call(row.pk)
    tasks.deliver.call(row.pk)  # a duplicate job: the row waits for its retry time
    assert broken_mail["calls"] == 1


def test_backoff_grows_and_the_fifth_failure_is_final(make_user, broken_mail):
    row = queue(make_user)
    now = timezone.now()
    waits = []
    for _attempt in range(5):
        retry_due_deliveries(now)  # releases the row when due and queues the (inline) job
        tasks.deliver.call(row.pk)
        row.refresh_from_db()
        if row.next_attempt_at:
            waits.append(round((row.next_attempt_at - timezone.now()).total_seconds() / 60))
            now = row.next_attempt_at + timedelta(seconds=1)
    assert waits == [1, 5, 30, 120]
    assert row.status == DeliveryStatus.FAILED
    assert row.attempts == 5
    assert row.next_attempt_at is None
    assert retry_due_deliveries(now + timedelta(days=1)) == 0


def test_the_sweep_sends_what_is_due_and_nothing_is_lost(make_user, broken_mail):
    row = queue(make_user)
    tasks.deliver.call(row.pk)
    assert retry_due_deliveries(timezone.now()) == 0  # not due yet
    broken_mail["fixed"] = True
    assert retry_due_deliveries(timezone.now() + timedelta(minutes=2)) == 1
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    assert row.attempts == 2
    assert row.last_error == ""
    assert len(mail.outbox) == 1


def test_a_row_whose_job_was_lost_is_swept_after_a_grace_period(make_user):
    row = queue(make_user)  # never enqueued: the test has no on-commit callbacks run
    assert retry_due_deliveries(timezone.now()) == 0
    assert retry_due_deliveries(timezone.now() + timedelta(minutes=3)) == 1
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT


def test_a_sent_row_is_never_sent_twice(make_user):
    row = queue(make_user)
    tasks.deliver.call(row.pk)
    tasks.deliver.call(row.pk)
    assert len(mail.outbox) == 1
    assert retry_due_deliveries(timezone.now() + timedelta(days=1)) == 0


def test_a_row_held_by_another_worker_is_left_alone(make_user):
    row = queue(make_user)
    Delivery.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now() + tasks.LEASE)
    tasks.deliver.call(row.pk)
    assert mail.outbox == []
    row.refresh_from_db()
    assert row.status == DeliveryStatus.QUEUED


def test_a_message_the_gateway_refuses_as_such_fails_at_once(make_user, monkeypatch):
    person = make_user(phone="+358401234567")
    rows = services.notify(recipient=person, key="test.offer", context=CONTEXT)
    sms_row = next(row for row in rows if row.channel == "sms")

    def refuse(to, text):
        raise SmsNotSent("SMS gateway answered 422 (0x0219)", transient=False)

    monkeypatch.setattr(tasks, "send_sms", refuse)
    tasks.deliver.call(sms_row.pk)
    sms_row.refresh_from_db()
    assert sms_row.status == DeliveryStatus.FAILED
    assert sms_row.last_error == "SMS gateway answered 422 (0x0219)"


def test_the_sweep_is_registered():
    assert "notifications.retry_due_deliveries" in {sweep.name for sweep in schedule.sweeps()}
