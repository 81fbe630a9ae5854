"""Door systems behind one small interface, one implementation per kind of lock.

`LocalDoorSystem` answers "would this code open door X at time T" from Lämpiö's own bookings:
the demo and the tests use it, and so do door controllers that ask online (the door-check API).
`WebhookDoorSystem` pushes each grant and revocation to a lock vendor's endpoint as a signed
request (see docs/door-webhook.md). A push that fails is retried with backoff; after
MAX_ATTEMPTS it is FAILED, which is the staff's alert. The booking stays valid whatever the
vendor answers: the code's validity is derived from the booking, never from a push.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lampio.bookings.access import code_opens
from lampio.bookings.models import (
    Booking,
    BookingStatus,
    DoorSync,
    DoorSyncAction,
    DoorSyncStatus,
    DoorSystem,
    DoorSystemKind,
)
from lampio.spaces.models import AccessMethod

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BACKOFF_MINUTES = (1, 5, 30, 120)
# Longer than one push may take: a worker that dies mid-push lets the row go after this.
LEASE = timedelta(minutes=2)
# A row whose job never ran (lost queue) is picked up by the sweep after this grace.
LOST_JOB_GRACE = timedelta(minutes=1)
SIGNATURE_HEADER = "X-Lampio-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
# Windows are bounded by the space settings' limits (a day each way), so the lookup below can
# narrow by the booking's times before it checks each candidate's exact window.
LONGEST_MARGIN = timedelta(days=1)


class DoorUnreachable(Exception):
    """The vendor did not take the push: timeout, connection refused, 5xx or another refusal."""


# --- Local: the doors ask Lämpiö -----------------------------------------------------------------


class LocalDoorSystem:
    """Answers from the bookings of one organisation's spaces that have the door's identifier."""

    def __init__(self, organisation_id: int) -> None:
        self.organisation_id = organisation_id

    def opening_booking(self, door_id: str, code: str, at: datetime) -> Booking | None:
        if not door_id.strip() or not code.strip():
            return None
        candidates = Booking.objects.filter(
            space__venue__organisation_id=self.organisation_id,
            space__door_id=door_id.strip(),
            space__access_method=AccessMethod.CODE,
            access_code=code.strip(),
            status=BookingStatus.CONFIRMED,
            starts_at__lte=at + LONGEST_MARGIN,
            ends_at__gte=at - LONGEST_MARGIN,
        ).select_related("space")
        return next((booking for booking in candidates if code_opens(booking, at)), None)

    def would_open(self, door_id: str, code: str, at: datetime) -> bool:
        return self.opening_booking(door_id, code, at) is not None


# --- Webhook: Lämpiö tells the vendor ------------------------------------------------------------


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value: HMAC-SHA256 over "<timestamp>.<body>"."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def booking_ref(booking: Booking) -> str:
    """A stable, opaque reference: vendors can pair a grant with its revocation, but the
    database id (and so the number of bookings) is not revealed."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"door-booking:{booking.pk}".encode(), hashlib.sha256).hexdigest()[:24]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


class WebhookDoorSystem:
    def __init__(self, door_system: DoorSystem) -> None:
        self.door_system = door_system

    def push(self, sync: DoorSync, *, now: datetime) -> None:
        """POST the sync's payload once; raises DoorUnreachable unless the vendor took it."""
        body = json.dumps(sync.payload, sort_keys=True, separators=(",", ":")).encode()
        # The address was checked to be https (or loopback) when staff saved it.
        request = urllib.request.Request(  # noqa: S310
            self.door_system.endpoint_url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "Lampio-Doors/1",
                SIGNATURE_HEADER: sign(self.door_system.signing_secret, int(now.timestamp()), body),
                IDEMPOTENCY_HEADER: sync.payload["id"],
            },
        )
        timeout = float(getattr(settings, "LAMPIO_DOOR_WEBHOOK_TIMEOUT", 5))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as error:
            raise DoorUnreachable(f"HTTP {error.code}") from error
        except TimeoutError as error:
            raise DoorUnreachable("timeout") from error
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            kind = "timeout" if isinstance(reason, TimeoutError) else type(reason).__name__
            raise DoorUnreachable(kind) from error
        if not 200 <= status < 300:
            raise DoorUnreachable(f"HTTP {status}")


def payload_for(booking: Booking, action: str, *, issued_at: datetime) -> dict[str, object]:
    space = booking.space
    # The window the code had or has; a revocation names it so the vendor finds the grant.
    valid_from = booking.starts_at - timedelta(minutes=space.code_valid_before_minutes)
    valid_until = booking.ends_at + timedelta(minutes=space.code_valid_after_minutes)
    return {
        "action": action,
        "booking_ref": booking_ref(booking),
        "door": space.door_id,
        "code": booking.access_code,
        "valid_from": _iso(valid_from),
        "valid_until": _iso(valid_until),
        "issued_at": _iso(issued_at),
    }


def queue_sync(booking: Booking, action: DoorSyncAction) -> DoorSync | None:
    """Record a grant/revoke for a webhook door system and push it after commit.

    Call inside the transaction of the booking's change: the row commits with it, so a push is
    never made for a change that rolled back nor lost for one that committed.
    """
    door_system = DoorSystem.objects.filter(
        organisation_id=booking.space.organisation_id, kind=DoorSystemKind.WEBHOOK
    ).first()
    if door_system is None or not booking.access_code:
        return None
    now = timezone.now()
    sync = DoorSync.objects.create(
        booking=booking,
        organisation_id=door_system.organisation_id,
        action=action,
        payload=payload_for(booking, str(action), issued_at=now),
    )
    # The idempotency key stays the same through every retry of this one change.
    sync.payload["id"] = f"lampio-door-{sync.pk}"
    sync.save(update_fields=["payload"])
    from lampio.bookings import tasks  # tasks import the booking services, which import us

    transaction.on_commit(partial(tasks.push_door_sync.enqueue, sync.pk))
    return sync


def retry_at(attempts: int, now: datetime) -> datetime:
    return now + timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def _due(now: datetime) -> Q:
    return Q(status=DoorSyncStatus.PENDING) & (
        Q(next_attempt_at__lte=now)
        | Q(next_attempt_at__isnull=True, created_at__lte=now - LOST_JOB_GRACE)
    )


def _claim(sync_id: int, now: datetime, *, first: bool) -> DoorSync | None:
    """Lease the row by a conditional update, so two workers never push it both."""
    due = (Q(status=DoorSyncStatus.PENDING) & Q(next_attempt_at__isnull=True)) if first else Q()
    taken = DoorSync.objects.filter(due | _due(now), pk=sync_id).update(next_attempt_at=now + LEASE)
    if not taken:
        return None
    return DoorSync.objects.select_related("organisation").filter(pk=sync_id).first()


def _superseded(sync: DoorSync) -> bool:
    """Each payload carries the booking's whole state, so only its latest change matters: an
    older grant retried after a revocation must not open the door again."""
    return DoorSync.objects.filter(booking_id=sync.booking_id, pk__gt=sync.pk).exists()


def push_sync(sync_id: int, *, now: datetime | None = None, first: bool = False) -> bool:
    """Try one push; returns whether the vendor took it. Never raises for the vendor's faults."""
    now = now or timezone.now()
    sync = _claim(sync_id, now, first=first)
    if sync is None:
        return False
    if _superseded(sync):
        DoorSync.objects.filter(pk=sync.pk).update(
            status=DoorSyncStatus.SENT, next_attempt_at=None, last_error="superseded"
        )
        return True
    door_system = DoorSystem.objects.filter(
        organisation_id=sync.organisation_id, kind=DoorSystemKind.WEBHOOK
    ).first()
    try:
        if door_system is None:
            raise DoorUnreachable("the door system is no longer a webhook")
        WebhookDoorSystem(door_system).push(sync, now=now)
    except DoorUnreachable as error:
        _record_failure(sync, str(error), now)
        return False
    DoorSync.objects.filter(pk=sync.pk).update(
        status=DoorSyncStatus.SENT,
        attempts=sync.attempts + 1,
        sent_at=now,
        next_attempt_at=None,
        last_error="",
    )
    return True


def _record_failure(sync: DoorSync, reason: str, now: datetime) -> None:
    attempts = sync.attempts + 1
    failed = attempts >= MAX_ATTEMPTS
    logger.warning("door push %s failed (attempt %s): %s", sync.pk, attempts, reason)
    with transaction.atomic():
        DoorSync.objects.filter(pk=sync.pk, status=DoorSyncStatus.PENDING).update(
            attempts=attempts,
            last_error=reason[:500],
            status=DoorSyncStatus.FAILED if failed else DoorSyncStatus.PENDING,
            next_attempt_at=None if failed else retry_at(attempts, now),
        )
        if failed:
            from lampio.bookings.messages import door_down  # messages import the access reads

            door_down(sync, reason=reason[:200], now=now)


def retry_due_syncs(now: datetime) -> int:
    """Push every pending sync whose retry is due; returns how many were tried."""
    due = list(DoorSync.objects.filter(_due(now)).order_by("pk").values_list("pk", flat=True))
    for sync_id in due:
        push_sync(sync_id, now=now)
    return len(due)
