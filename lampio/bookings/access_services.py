"""Writes for access: personal codes, door systems' sync, and staff's access settings.

Called by the booking services inside their transactions; door systems hear of a change only
after it commits (see `doors`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlsplit

from auditlog.registry import auditlog
from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.bookings import doors
from lampio.bookings.models import (
    ACTIVE_STATUSES,
    Booking,
    BookingSeries,
    DoorSync,
    DoorSyncAction,
    DoorSyncStatus,
    DoorSystem,
    DoorSystemKind,
)
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.core.multilingual import Translated, set_translated
from lampio.spaces.models import AccessMethod, Space
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

# Staff set up door systems and handle alerts: the audit log keeps who did what, without the
# secrets and without the codes a push carries. (Here rather than in bookings.audit, which
# another part owns; `contains` keeps a second registration there harmless.)
if not auditlog.contains(DoorSystem):
    auditlog.register(DoorSystem, exclude_fields=["signing_secret", "controller_key_hash"])
if not auditlog.contains(DoorSync):
    auditlog.register(DoorSync, exclude_fields=["payload"])

# Eight digits fit any keypad; with the door-side lookup rate-limited, guessing a code that
# works in one booking's window is out of reach, and codes are unique among a space's bookings.
CODE_DIGITS = 8


def new_code(space_id: int) -> str:
    while True:
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        in_use = Booking.objects.filter(
            space_id=space_id, access_code=code, status__in=ACTIVE_STATUSES
        ).exists()
        if not in_use:
            return code


def grant_access(booking: Booking) -> None:
    """A confirmed booking of a code space gets its personal code, and the doors learn it."""
    if booking.space.access_method != AccessMethod.CODE:
        return
    if not booking.access_code:
        booking.access_code = new_code(booking.space_id)
        booking.save(update_fields=["access_code"])
    doors.queue_sync(booking, DoorSyncAction.GRANT)


def grant_series_access(series: BookingSeries, occurrences: Sequence[Booking]) -> None:
    """One code for every confirmed occurrence of a series: people learn one code per season.

    The code is drawn once, unique among the space's active bookings, and kept on the series.
    """
    if series.space.access_method != AccessMethod.CODE:
        return
    if not series.access_code:
        series.access_code = new_code(series.space_id)
        series.save(update_fields=["access_code"])
    confirmed = [booking for booking in occurrences if booking.status == "confirmed"]
    Booking.objects.filter(pk__in=[booking.pk for booking in confirmed]).update(
        access_code=series.access_code
    )
    for booking in confirmed:
        booking.access_code = series.access_code
        doors.queue_sync(booking, DoorSyncAction.GRANT)


def access_moved(booking: Booking) -> None:
    """The booking's times changed: the code keeps its digits, the doors get the new window."""
    if booking.access_code and booking.status == "confirmed":
        doors.queue_sync(booking, DoorSyncAction.GRANT)


def revoke_access(booking: Booking) -> None:
    """Cancelled: the code stops working at once (derived); vendors that keep lists are told."""
    if booking.access_code:
        doors.queue_sync(booking, DoorSyncAction.REVOKE)


# --- Staff: the organisation's door system, its alerts, and each space's way in ---------------

# Plain http only to this machine (a vendor's test bridge); anything else must use TLS.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
MIN_SECRET_LENGTH = 16


def _require_manage(actor: User, organisation: Organisation) -> None:
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied()


def door_system_of(organisation: Organisation) -> DoorSystem:
    """The organisation's door system; one that was never set up is local."""
    found = DoorSystem.objects.filter(organisation=organisation).first()
    return found or DoorSystem(organisation=organisation, kind=DoorSystemKind.LOCAL)


def configure_door_system(
    *,
    actor: User,
    organisation: Organisation,
    kind: str,
    endpoint_url: str,
    signing_secret: str = "",
) -> DoorSystem:
    """Save the kind and the vendor's endpoint; an empty secret keeps the one saved before."""
    _require_manage(actor, organisation)
    endpoint_url = endpoint_url.strip()
    signing_secret = signing_secret.strip()
    with transaction.atomic(), set_actor(actor):
        door_system = door_system_of(organisation)
        if kind == DoorSystemKind.WEBHOOK:
            parts = urlsplit(endpoint_url)
            if not endpoint_url:
                raise InvalidInput(_("Give the lock vendor's address."), field="endpoint_url")
            if parts.scheme != "https" and parts.hostname not in LOCAL_HOSTS:
                raise InvalidInput(
                    _("The address must start with https:// so codes travel encrypted."),
                    field="endpoint_url",
                )
            if signing_secret and len(signing_secret) < MIN_SECRET_LENGTH:
                raise InvalidInput(
                    _("The signing secret must be at least %(count)d characters long.")
                    % {"count": MIN_SECRET_LENGTH},
                    field="signing_secret",
                )
            if not signing_secret and not door_system.signing_secret:
                raise InvalidInput(
                    _("Give the signing secret agreed with the lock vendor."),
                    field="signing_secret",
                )
        elif kind != DoorSystemKind.LOCAL:
            raise InvalidInput(_("Choose the kind of door system."), field="kind")
        door_system.kind = kind
        door_system.endpoint_url = endpoint_url
        if signing_secret:
            door_system.signing_secret = signing_secret
        door_system.save()
    return door_system


def _key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_controller_key(*, actor: User, organisation: Organisation) -> str:
    """A new key for the organisation's door controllers, returned once; the old one stops."""
    _require_manage(actor, organisation)
    with transaction.atomic(), set_actor(actor):
        door_system = door_system_of(organisation)
        if door_system.pk is None:
            door_system.save()
        key = f"ldk_{door_system.pk}_{secrets.token_urlsafe(32)}"
        door_system.controller_key_hash = _key_hash(key)
        door_system.save(update_fields=["controller_key_hash", "updated_at"])
    return key


def door_system_for_key(key: str) -> DoorSystem | None:
    """The door system a controller's key belongs to, or None (compared in constant time)."""
    prefix, _sep, rest = key.strip().partition("_")
    number, _sep, secret = rest.partition("_")
    if prefix != "ldk" or not number.isdigit() or not secret:
        return None
    door_system = DoorSystem.objects.filter(pk=int(number)).first()
    if door_system is None or not door_system.controller_key_hash:
        return None
    if not hmac.compare_digest(door_system.controller_key_hash, _key_hash(key.strip())):
        return None
    return door_system


def _failed_sync(organisation: Organisation, sync_id: int) -> DoorSync:
    sync = (
        DoorSync.objects.select_for_update()
        .filter(pk=sync_id, organisation=organisation, status=DoorSyncStatus.FAILED)
        .first()
    )
    if sync is None:
        raise NotFound()
    return sync


def retry_door_sync(*, actor: User, organisation: Organisation, sync_id: int) -> DoorSync:
    """Staff send a failed push again now (after the vendor is back)."""
    _require_manage(actor, organisation)
    with transaction.atomic(), set_actor(actor):
        sync = _failed_sync(organisation, sync_id)
        sync.status = DoorSyncStatus.PENDING
        sync.attempts = 0
        sync.next_attempt_at = None
        sync.save(update_fields=["status", "attempts", "next_attempt_at"])
        from lampio.bookings import tasks  # tasks import the booking services

        transaction.on_commit(partial(tasks.push_door_sync.enqueue, sync.pk))
    return sync


def mark_door_sync_handled(*, actor: User, organisation: Organisation, sync_id: int) -> DoorSync:
    """Staff dealt with the alert some other way (e.g. set the code on the lock by hand)."""
    _require_manage(actor, organisation)
    with transaction.atomic(), set_actor(actor):
        sync = _failed_sync(organisation, sync_id)
        if sync.resolved_by_id is None:
            sync.resolved_by = actor
            sync.save(update_fields=["resolved_by"])
    return sync


@dataclass(frozen=True)
class SpaceAccess:
    access_method: str
    instructions: Translated
    door_id: str
    code_valid_before_minutes: int
    code_valid_after_minutes: int
    offer_hold_minutes: int


def update_space_access(*, actor: User, space: Space, details: SpaceAccess) -> Space:
    """How people with a booking get into `space`; codes of existing bookings keep working."""
    if not can(actor, Action.MANAGE, space):
        raise PermissionDenied()
    if details.access_method not in AccessMethod.values:
        raise InvalidInput(_("Choose how people get in."), field="access_method")
    door_id = details.door_id.strip()
    if details.access_method == AccessMethod.CODE and not door_id:
        raise InvalidInput(
            _("A space opened by code needs the door's identifier in the door system."),
            field="door_id",
        )
    if details.access_method == AccessMethod.KEY and not details.instructions.fi.strip():
        raise InvalidInput(
            _("Tell where and when the key is picked up."), field="access_instructions_fi"
        )
    with transaction.atomic(), set_actor(actor):
        locked = Space.objects.select_for_update().get(pk=space.pk)
        locked.access_method = details.access_method
        set_translated(locked, "access_instructions", details.instructions)
        locked.door_id = door_id
        locked.code_valid_before_minutes = details.code_valid_before_minutes
        locked.code_valid_after_minutes = details.code_valid_after_minutes
        locked.offer_hold_minutes = details.offer_hold_minutes
        locked.save()
    return locked
