"""The provider's side of a session: go live, end, the stream address and the chat switch.

Each change is audited (django-auditlog registers Broadcast) and, after commit, tells the
viewers' pages to reload their player area (`live-state`).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.digital import hub
from lampio.digital.audience import is_provider_staff
from lampio.digital.models import Broadcast, Viewer
from lampio.digital.phase import session_phase
from lampio.offerings.models import Occurrence

# A viewer counts as watching for this long after their page or socket was last seen.
PRESENT_FOR = timedelta(seconds=90)


def _broadcast_for(actor: User, occurrence: Occurrence) -> Broadcast:
    if not is_provider_staff(actor, occurrence):
        raise PermissionDenied()
    broadcast, _created = Broadcast.objects.select_for_update().get_or_create(occurrence=occurrence)
    return broadcast


def _announce(occurrence: Occurrence, now: datetime) -> None:
    # The cached `occurrence.broadcast` may be stale; read the phase from the database.
    fresh = Occurrence.objects.select_related("broadcast").get(pk=occurrence.pk)
    event = {"type": "live-state", "phase": str(session_phase(fresh, now))}
    hub.publish_after_commit(occurrence.pk, event)


def go_live(*, actor: User, occurrence: Occurrence, now: datetime | None = None) -> Broadcast:
    """Show the player now, whatever the clock says; going live again after an end restarts."""
    now = now or timezone.now()
    with transaction.atomic(), set_actor(actor):
        broadcast = _broadcast_for(actor, occurrence)
        broadcast.went_live_at = now
        broadcast.ended_at = None
        broadcast.save(update_fields=["went_live_at", "ended_at"])
        _announce(occurrence, now)
    occurrence.broadcast = broadcast
    return broadcast


def end_broadcast(*, actor: User, occurrence: Occurrence, now: datetime | None = None) -> Broadcast:
    """End the session now: the page turns to feedback and recordings."""
    now = now or timezone.now()
    with transaction.atomic(), set_actor(actor):
        broadcast = _broadcast_for(actor, occurrence)
        if broadcast.went_live_at and broadcast.went_live_at > now:
            broadcast.went_live_at = now
        broadcast.ended_at = now
        broadcast.save(update_fields=["went_live_at", "ended_at"])
        _announce(occurrence, now)
    occurrence.broadcast = broadcast
    return broadcast


def set_stream_url(*, actor: User, occurrence: Occurrence, url: str) -> Broadcast:
    """The provider's HLS or MP4 address for this time; blank uses the offering's own link."""
    url = (url or "").strip()
    if url:
        try:
            URLValidator(schemes=["https"])(url)
        except ValidationError as error:
            raise InvalidInput(
                _("Enter a secure web address that starts with https://."), field="stream_url"
            ) from error
    with transaction.atomic(), set_actor(actor):
        broadcast = _broadcast_for(actor, occurrence)
        broadcast.stream_url = url
        broadcast.save(update_fields=["stream_url"])
        _announce(occurrence, timezone.now())
    occurrence.broadcast = broadcast
    return broadcast


def set_chat_open(*, actor: User, occurrence: Occurrence, is_open: bool) -> Broadcast:
    with transaction.atomic(), set_actor(actor):
        broadcast = _broadcast_for(actor, occurrence)
        broadcast.chat_open = is_open
        broadcast.save(update_fields=["chat_open"])
        hub.publish_after_commit(occurrence.pk, {"type": "chat-state", "open": is_open})
    occurrence.broadcast = broadcast
    return broadcast


# --- Who is watching: counts, never identities ------------------------------------------------


def viewer_key(raw: str) -> str:
    """A keyed hash of a browser session or socket: counts people without storing who."""
    return hmac.new(settings.SECRET_KEY.encode(), raw.encode(), hashlib.sha256).hexdigest()


def touch_viewer(
    *,
    occurrence: Occurrence | int,
    key: str,
    now: datetime,
    show_name: bool = False,
    display_name: str = "",
) -> None:
    """Mark one viewer as seen now. A name is kept only if the person chose to show it."""
    occurrence_id = occurrence if isinstance(occurrence, int) else occurrence.pk
    Viewer.objects.update_or_create(
        occurrence_id=occurrence_id,
        key=key,
        defaults={
            "last_seen_at": now,
            "show_name": show_name and bool(display_name),
            "display_name": display_name[:60] if show_name else "",
        },
    )


def touch_viewers(*, occurrence_id: int, keys: list[str], now: datetime) -> None:
    """Keep many connected viewers present with one statement (the hub's heartbeat)."""
    if keys:
        Viewer.objects.filter(occurrence_id=occurrence_id, key__in=keys).update(last_seen_at=now)


def audience_count(*, occurrence: Occurrence | int, now: datetime) -> int:
    occurrence_id = occurrence if isinstance(occurrence, int) else occurrence.pk
    return Viewer.objects.filter(
        occurrence_id=occurrence_id, last_seen_at__gte=now - PRESENT_FOR
    ).count()


def named_viewers(*, occurrence: Occurrence, now: datetime) -> list[str]:
    """The names of viewers present now who chose to show them to the performer."""
    return list(
        Viewer.objects.filter(
            occurrence=occurrence, last_seen_at__gte=now - PRESENT_FOR, show_name=True
        )
        .exclude(display_name="")
        .order_by("display_name")
        .values_list("display_name", flat=True)
    )
