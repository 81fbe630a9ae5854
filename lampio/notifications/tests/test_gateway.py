"""The GatewayAPI adapter against a local fake that speaks the same protocol.

The fake checks the token and the JSON body as the real `POST /rest/mtsms` would, and can be
told to be down (503), slow (longer than the timeout) or to refuse a number (422).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from lampio.core import sms
from lampio.core.sms import SmsNotSent
from lampio.notifications import services, tasks
from lampio.notifications.models import Delivery, DeliveryStatus
from lampio.notifications.sweeps import retry_due_deliveries

TOKEN = "test-token-not-secret"


class FakeGateway(BaseHTTPRequestHandler):
    mode = "ok"
    received: list[dict[str, Any]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        if self.headers.get("Authorization") != f"Token {TOKEN}":
            return self._answer(401, {"code": "0x0003", "message": "Unauthorized"})
        if self.path != "/rest/mtsms":
            return self._answer(404, {})
        if FakeGateway.mode == "down":
            return self._answer(503, {"message": "Service unavailable"})
        if FakeGateway.mode == "slow":
            time.sleep(1.5)
        if FakeGateway.mode == "refuse":
            return self._answer(422, {"code": "0x0219", "message": "Invalid recipient"})
        FakeGateway.received.append(body)
        self._answer(200, {"ids": [len(FakeGateway.received)], "usage": {"count": 1}})

    def _answer(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def gateway(settings) -> Iterator[type[FakeGateway]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeGateway.mode, FakeGateway.received = "ok", []
    settings.LAMPIO_SMS_BACKEND = "gatewayapi"
    settings.LAMPIO_SMS_GATEWAY_URL = f"http://127.0.0.1:{server.server_port}/rest/mtsms"
    settings.LAMPIO_SMS_GATEWAY_TOKEN = TOKEN
    settings.LAMPIO_SMS_SENDER = "Lampio"
    settings.LAMPIO_SMS_GATEWAY_TIMEOUT = 0.5
    yield FakeGateway
    server.shutdown()
    server.server_close()


def test_a_message_is_posted_as_the_gateway_documents_it(gateway):
    sms.send_sms("+358401234567", "Koodisi on 123456")
    assert gateway.received == [
        {
            "sender": "Lampio",
            "message": "Koodisi on 123456",
            "recipients": [{"msisdn": 358401234567}],
        }
    ]


@pytest.mark.parametrize(
    ("mode", "detail", "transient"),
    [
        ("down", "SMS gateway answered 503", True),
        ("slow", "SMS gateway timed out", True),
        ("refuse", "SMS gateway answered 422 (0x0219)", False),
    ],
)
def test_failures_are_classified(gateway, mode, detail, transient):
    gateway.mode = mode
    with pytest.raises(SmsNotSent) as caught:
        sms.send_sms("+358401234567", "Hei")
    assert caught.value.detail == detail
    assert caught.value.transient is transient
    assert str(caught.value.message)  # a translated sentence for the person waiting


def test_a_wrong_token_is_worth_retrying_and_is_not_stored(gateway, settings):
    settings.LAMPIO_SMS_GATEWAY_TOKEN = "wrong-secret"
    with pytest.raises(SmsNotSent) as caught:
        sms.send_sms("+358401234567", "Hei")
    assert caught.value.transient
    assert "wrong-secret" not in caught.value.detail


def test_an_unreachable_gateway(settings):
    settings.LAMPIO_SMS_BACKEND = "gatewayapi"
    settings.LAMPIO_SMS_GATEWAY_URL = "http://127.0.0.1:9/rest/mtsms"
    settings.LAMPIO_SMS_GATEWAY_TOKEN = TOKEN
    with pytest.raises(SmsNotSent) as caught:
        sms.send_sms("+358401234567", "Hei")
    assert caught.value.detail == "SMS gateway unreachable"
    assert caught.value.transient


def test_the_gateway_needs_a_token(settings):
    settings.LAMPIO_SMS_BACKEND = "gatewayapi"
    settings.LAMPIO_SMS_GATEWAY_TOKEN = ""
    with pytest.raises(ImproperlyConfigured):
        sms.send_sms("+358401234567", "Hei")


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["down", "slow"])
def test_gateway_trouble_leaves_the_message_retrying_and_nothing_is_lost(
    gateway, mode, django_user_model
):
    person = django_user_model.objects.create_phone_user("+358401234567")
    (row,) = services.notify(
        recipient=person, key="test.offer", context={"space": "Sali", "time": "18"}
    )
    gateway.mode = mode
    tasks.deliver.call(row.pk)
    row.refresh_from_db()
    assert row.status == DeliveryStatus.RETRYING
    assert row.attempts == 1
    assert row.last_error in {"SMS gateway answered 503", "SMS gateway timed out"}
    assert TOKEN not in row.last_error
    gateway.mode = "ok"
    retry_due_deliveries(timezone.now() + timedelta(minutes=2))
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    assert gateway.received[-1]["message"] == "Lämpiö: Sali 18"
    assert Delivery.objects.count() == 1
