"""Where a session is in its life, derived from timestamps at read time (no job needed)."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from lampio.digital.models import Broadcast
from lampio.offerings.models import Occurrence

# The page opens its "doors" this long before the start: countdown and the sound test.
DOORS_OPEN = timedelta(minutes=30)


class Phase(StrEnum):
    UPCOMING = "upcoming"  # more than DOORS_OPEN away
    DOORS_OPEN = "doors_open"  # countdown and sound test
    LIVE = "live"  # the player shows
    ENDED = "ended"  # feedback, and recordings if any


def broadcast_of(occurrence: Occurrence) -> Broadcast | None:
    try:
        return occurrence.broadcast
    except Broadcast.DoesNotExist:
        return None


def session_phase(occurrence: Occurrence, now: datetime) -> Phase:
    """The provider's "go live" and "end" override the clock; otherwise the times decide."""
    broadcast = broadcast_of(occurrence)
    if broadcast and broadcast.ended_at and broadcast.ended_at <= now:
        return Phase.ENDED
    if broadcast and broadcast.went_live_at and broadcast.went_live_at <= now:
        return Phase.LIVE
    if now >= occurrence.ends_at:
        return Phase.ENDED
    if now >= occurrence.starts_at:
        return Phase.LIVE
    if now >= occurrence.starts_at - DOORS_OPEN:
        return Phase.DOORS_OPEN
    return Phase.UPCOMING


def stream_url(occurrence: Occurrence) -> str:
    """The provider's stream for this time, or the offering's own link."""
    broadcast = broadcast_of(occurrence)
    return (broadcast.stream_url if broadcast else "") or occurrence.offering.online_url
