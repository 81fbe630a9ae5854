"""Reads of a person's waitlist entries and watches; someone else's are never found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import BookingStatus, WaitlistEntry, WaitlistStatus, Watch
from lampio.core.errors import NotFound


@dataclass(frozen=True)
class EntryView:
    entry: WaitlistEntry
    state: str  # waiting, offered, lapsed, accepted, declined, withdrawn
    position: int | None  # in line, while waiting
    held_until: datetime | None  # while an offer is open

    @property
    def is_open_offer(self) -> bool:
        return self.state == WaitlistStatus.OFFERED


def offer_state(entry: WaitlistEntry, *, now: datetime) -> str:
    """The entry's state at `now`: an offer whose hold has lapsed reads as lapsed at once."""
    if entry.status == WaitlistStatus.OFFERED:
        hold = entry.offer
        if hold is None or hold.status != BookingStatus.HELD or not hold.is_blocking(now):
            return WaitlistStatus.LAPSED
    return str(entry.status)


def positions(entries: list[WaitlistEntry]) -> dict[int, int]:
    """Each waiting entry's place in its line, with one query for all of them."""
    waiting = [entry for entry in entries if entry.status == WaitlistStatus.WAITING]
    if not waiting:
        return {}
    lines = WaitlistEntry.objects.filter(
        status=WaitlistStatus.WAITING,
        space_id__in={entry.space_id for entry in waiting},
        starts_at__in={entry.starts_at for entry in waiting},
    ).values_list("pk", "space_id", "starts_at", "ends_at", "created_at")
    rows = sorted(lines, key=lambda row: (row[4], row[0]))
    places: dict[int, int] = {}
    for entry in waiting:
        slot = (entry.space_id, entry.starts_at, entry.ends_at)
        ahead = [row for row in rows if (row[1], row[2], row[3]) == slot]
        places[entry.pk] = 1 + next(
            (index for index, row in enumerate(ahead) if row[0] == entry.pk), 0
        )
    return places


def describe(entry: WaitlistEntry, *, now: datetime, position: int | None = None) -> EntryView:
    state = offer_state(entry, now=now)
    offered = state == WaitlistStatus.OFFERED and entry.offer is not None
    held_until = entry.offer.hold_expires_at if offered and entry.offer else None
    return EntryView(
        entry, state, position if state == WaitlistStatus.WAITING else None, held_until
    )


def _entries(actor: User) -> QuerySet[WaitlistEntry]:
    return WaitlistEntry.objects.filter(person=actor).select_related(
        "space__venue__organisation__municipality", "offer"
    )


def entries_of(*, actor: User, now: datetime | None = None) -> list[EntryView]:
    """The person's entries for times still ahead, except those they left."""
    now = now or timezone.now()
    entries = list(
        _entries(actor)
        .filter(ends_at__gt=now)
        .exclude(status=WaitlistStatus.WITHDRAWN)
        .order_by("starts_at", "pk")[:100]
    )
    places = positions(entries)
    return [describe(entry, now=now, position=places.get(entry.pk)) for entry in entries]


def entry_of(*, actor: User, entry_id: int, now: datetime | None = None) -> EntryView:
    entry = _entries(actor).filter(pk=entry_id).first()
    if entry is None:
        raise NotFound()
    return describe(entry, now=now or timezone.now(), position=positions([entry]).get(entry.pk))


def watches_of(*, actor: User) -> QuerySet[Watch]:
    return Watch.objects.filter(person=actor).select_related("space__venue", "venue")
