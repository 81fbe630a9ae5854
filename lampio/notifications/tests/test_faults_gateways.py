"""Fault tests: the SMS and email gateways fail. Messages are retried with backoff, then marked
failed; operators get an ERROR line and the organisation's staff (only theirs) an alert that
leads to the delivery log, where the messages can be sent again."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.notifications import services, tasks
from lampio.notifications.models import Channel, Delivery, DeliveryStatus
from lampio.notifications.sweeps import retry_due_deliveries

pytestmark = pytest.mark.django_db

CONTEXT = {"space": "Sali", "time": "18:00"}
CLOSED = "127.0.0.1"  # port 1: nothing listens, the connection is refused at once


@pytest.fixture
def gateways_down(settings: Any) -> None:
    """The real adapters, pointed at addresses where nobody answers."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = CLOSED, 1, 0.5
    settings.LAMPIO_SMS_BACKEND = "gatewayapi"
    settings.LAMPIO_SMS_GATEWAY_URL = f"http://{CLOSED}:1/rest/mtsms"
    settings.LAMPIO_SMS_GATEWAY_TOKEN = "test-token"
    settings.LAMPIO_SMS_GATEWAY_TIMEOUT = 0.5
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


def _staff_home(client: Any, person: Any) -> str:
    client.force_login(person)
    with translation.override("en"):
        response = client.get(reverse("tenancy:staff_home"))
    assert response.status_code == 200
    return response.content.decode()


def test_failing_gateways_retry_then_fail_and_alert_only_their_staff(
    gateways_down: None,
    make_organisation: Any,
    make_member: Any,
    make_user: Any,
    client: Any,
    caplog: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    library, theatre = make_organisation(), make_organisation()
    librarian = make_member(library)
    actor = make_member(theatre)
    person = make_user(phone="+358401234567")
    with django_capture_on_commit_callbacks(execute=True):
        rows = services.notify(
            recipient=person, key="test.offer", context=CONTEXT, organisation_id=library.pk
        )
    assert {row.channel for row in rows} == {Channel.EMAIL, Channel.SMS}

    # The job ran after commit (inline in tests): both failed once and wait for a retry.
    for row in Delivery.objects.all():
        assert (row.status, row.attempts) == (DeliveryStatus.RETRYING, 1)
        assert row.next_attempt_at > timezone.now()
    sms = Delivery.objects.get(channel=Channel.SMS)
    assert sms.last_error == "SMS gateway unreachable"
    assert "ConnectionRefusedError" in Delivery.objects.get(channel=Channel.EMAIL).last_error

    # While retrying, the staff already see that messages are delayed.
    home = _staff_home(client, librarian)
    assert "2 messages are waiting to be tried again." in home

    # The sweep tries again at each backoff time (here: time moved on) until the last attempt.
    with caplog.at_level(logging.ERROR, logger="lampio.notifications.tasks"):
        for attempt in range(2, tasks.MAX_ATTEMPTS + 1):
            later = timezone.now() + timedelta(minutes=tasks.BACKOFF_MINUTES[attempt - 2] + 1)
            assert retry_due_deliveries(later) == 2
            assert set(Delivery.objects.values_list("attempts", flat=True)) == {attempt}
    assert set(Delivery.objects.values_list("status", flat=True)) == {DeliveryStatus.FAILED}
    failed_logs = [r for r in caplog.records if "failed for good" in r.getMessage()]
    assert len(failed_logs) == 2 and all(r.levelno == logging.ERROR for r in failed_logs)
    assert all(person.email not in r.getMessage() for r in failed_logs)
    assert retry_due_deliveries(timezone.now() + timedelta(days=1)) == 0  # nothing more

    # The library's staff see the alert, linking to the failed messages with "Send again".
    home = _staff_home(client, librarian)
    assert "2 messages could not be delivered." in home
    with translation.override("en"):
        log_url = reverse(
            "notifications_staff:deliveries",
            kwargs={"municipality": library.municipality.slug, "organisation": library.slug},
        )
    assert f"{log_url}?status=failed" in home
    with translation.override("en"):
        log = client.get(log_url, {"status": "failed"}).content.decode()
    assert "2 messages could not be delivered." in log
    assert log.count("Send again") == 2

    # The theatre's staff see nothing of the library's messages.
    assert "could not be delivered" not in _staff_home(client, actor)


def test_the_alert_ends_when_the_staff_send_the_message_again(
    make_organisation: Any,
    make_member: Any,
    make_user: Any,
    client: Any,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    library = make_organisation()
    librarian = make_member(library)
    (row,) = services.notify(
        recipient=make_user(),
        key="test.offer",
        context=CONTEXT,
        organisation_id=library.pk,
    )
    Delivery.objects.filter(pk=row.pk).update(status=DeliveryStatus.FAILED, attempts=5)
    assert "1 message could not be delivered." in _staff_home(client, librarian)
    # The gateway works again: one press sends it, and the alert is gone.
    with django_capture_on_commit_callbacks(execute=True):
        services.retry_delivery(actor=librarian, organisation=library, delivery_id=row.pk)
    assert Delivery.objects.get(pk=row.pk).status == DeliveryStatus.SENT
    assert "could not be delivered" not in _staff_home(client, librarian)
