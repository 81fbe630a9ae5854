"""The lock vendor's webhook, against a local fake vendor that checks the signature: grants,
revocations, retries with backoff after a 500 or a timeout, and the staff alert when the
vendor stays down. The booking stays valid and its code shown whatever the vendor does."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time as clock
from collections.abc import Iterator
from datetime import date, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.utils import timezone

from lampio.bookings import access_services, doors, services
from lampio.bookings.access import access_for, door_alerts
from lampio.bookings.models import (
    BookingStatus,
    DoorSync,
    DoorSyncStatus,
    DoorSystem,
    DoorSystemKind,
)
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Role

SECRET = "vendor-shared-secret-123"
DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


class FakeVendor:
    """A lock vendor: answers per `mode` ("ok", "fail" or "slow") and checks each signature."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.received: list[dict[str, Any]] = []
        self.bad_signatures = 0
        vendor = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                parts = dict(p.split("=", 1) for p in self.headers["X-Lampio-Signature"].split(","))
                expected = hmac.new(
                    SECRET.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256
                ).hexdigest()
                if not hmac.compare_digest(expected, parts["v1"]):
                    vendor.bad_signatures += 1
                    self.send_response(401)
                    self.end_headers()
                    return
                if vendor.mode == "slow":
                    clock.sleep(1.5)
                vendor.received.append(
                    {"body": json.loads(body), "key": self.headers["Idempotency-Key"]}
                )
                self.send_response(500 if vendor.mode == "fail" else 204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/lampio"


@pytest.fixture
def vendor(settings) -> Iterator[FakeVendor]:
    settings.LAMPIO_DOOR_WEBHOOK_TIMEOUT = 0.5
    fake = FakeVendor()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def code_space(make_space, vendor, make_member):
    space = make_space(access_method=AccessMethod.CODE, door_id="main")
    organisation = space.venue.organisation
    DoorSystem.objects.create(
        organisation=organisation,
        kind=DoorSystemKind.WEBHOOK,
        endpoint_url=vendor.url,
        signing_secret=SECRET,
    )
    make_member(organisation, role=Role.ADMIN, preferred_language="en")
    return space


def book(space, person):
    return services.book_space(
        actor=person,
        space=space,
        starts_at=local_datetime(DAY, time(18)),
        ends_at=local_datetime(DAY, time(20)),
        purpose="Kuoroharjoitus",
        attendees=5,
        now=NOW,
    )


def test_a_grant_is_pushed_signed_with_an_opaque_reference(
    code_space, resident, vendor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(code_space, resident)
    assert vendor.bad_signatures == 0
    [request] = vendor.received
    body = request["body"]
    assert body["action"] == "grant" and body["door"] == "main"
    assert body["code"] == booking.access_code
    assert body["valid_from"] == "2030-06-12T14:45:00Z"  # 17.45 in Helsinki summer time
    assert body["valid_until"] == "2030-06-12T17:00:00Z"
    assert str(booking.pk) != body["booking_ref"] and len(body["booking_ref"]) == 24
    sync = DoorSync.objects.get()
    assert request["key"] == body["id"] == f"lampio-door-{sync.pk}"
    assert sync.status == DoorSyncStatus.SENT and sync.attempts == 1


def test_a_cancellation_pushes_a_revocation(
    code_space, resident, vendor, django_capture_on_commit_callbacks
):
    booking = book(code_space, resident)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=resident, booking=booking, now=NOW)
    assert [r["body"]["action"] for r in vendor.received] == ["revoke"]
    assert vendor.received[0]["body"]["code"] == booking.access_code


def test_no_pushes_for_a_local_door_system(
    make_space, resident, django_capture_on_commit_callbacks
):
    space = make_space(access_method=AccessMethod.CODE, door_id="main")
    with django_capture_on_commit_callbacks(execute=True):
        book(space, resident)
    assert not DoorSync.objects.exists()


@pytest.mark.parametrize("mode, error", [("fail", "HTTP 500"), ("slow", "timeout")])
def test_a_vendor_that_stays_down_is_retried_then_staff_are_alerted(
    code_space, resident, vendor, django_capture_on_commit_callbacks, mode, error
):
    vendor.mode = mode
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(code_space, resident)
    sync = DoorSync.objects.get()
    assert (sync.status, sync.attempts, sync.last_error) == (DoorSyncStatus.PENDING, 1, error)
    assert sync.next_attempt_at is not None
    # Nothing is due before the backoff has passed.
    assert doors.retry_due_syncs(timezone.now()) == 0
    moment = timezone.now()
    for _attempt in range(doors.MAX_ATTEMPTS - 1):
        moment += timedelta(hours=3)
        with django_capture_on_commit_callbacks(execute=True):
            assert doors.retry_due_syncs(moment) == 1
    sync.refresh_from_db()
    assert (sync.status, sync.attempts) == (DoorSyncStatus.FAILED, doors.MAX_ATTEMPTS)
    assert list(door_alerts(code_space.venue.organisation)) == [sync]
    assert doors.retry_due_syncs(moment + timedelta(days=1)) == 0
    # The booking stays valid and its code is still shown to the booker.
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert access_for(booking, viewer=resident).code == booking.access_code
    # The organisation's admin is told once.
    alerts = [m for m in mail.outbox if "Door system not answering" in m.subject]
    assert len(alerts) == 1 and error in alerts[0].body


def test_an_older_grant_retried_after_a_revocation_is_not_sent(
    code_space, resident, vendor, django_capture_on_commit_callbacks
):
    vendor.mode = "fail"
    with django_capture_on_commit_callbacks(execute=True):
        booking = book(code_space, resident)
    vendor.mode = "ok"
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(actor=resident, booking=booking, now=NOW)
    assert doors.retry_due_syncs(timezone.now() + timedelta(hours=1)) == 1
    grant = DoorSync.objects.get(action="grant")
    assert grant.status == DoorSyncStatus.SENT and grant.last_error == "superseded"
    # The grant's failed first attempt, then the revocation; the grant is not sent again.
    assert [r["body"]["action"] for r in vendor.received] == ["grant", "revoke"]


def test_staff_retry_a_failed_push_or_mark_it_handled(
    code_space, resident, vendor, make_member, django_capture_on_commit_callbacks
):
    vendor.mode = "fail"
    with django_capture_on_commit_callbacks(execute=True):
        book(code_space, resident)
    sync = DoorSync.objects.get()
    DoorSync.objects.filter(pk=sync.pk).update(status=DoorSyncStatus.FAILED, attempts=5)
    organisation = code_space.venue.organisation
    staff = make_member(organisation)
    vendor.mode = "ok"
    with django_capture_on_commit_callbacks(execute=True):
        access_services.retry_door_sync(actor=staff, organisation=organisation, sync_id=sync.pk)
    sync.refresh_from_db()
    assert sync.status == DoorSyncStatus.SENT
    assert LogEntry.objects.get_for_object(sync).filter(actor=staff).exists()

    DoorSync.objects.filter(pk=sync.pk).update(status=DoorSyncStatus.FAILED)
    access_services.mark_door_sync_handled(actor=staff, organisation=organisation, sync_id=sync.pk)
    assert not door_alerts(organisation).exists()
