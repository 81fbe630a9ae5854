"""(a) From a cancellation to the first waitlist offer being queued.

For N taken future slots (each in its own space), three people get in line through
`join_waitlist`; then the booker cancels through `cancel_booking`. The offer (a HELD booking
and its `waitlist.offer` outbox rows) is made inside the cancelling transaction, so the time
measured is from the call to the COMMIT that makes the offer durable; the whole call (with
the job rows enqueued after commit) is reported too.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

from common.db import OVERLAPPING_BOOKINGS

# Future confirmed bookings, at most one per space, far enough ahead that the booker may
# still cancel (24 h) and near enough that a waitlist may be joined (60 days), of spaces any
# verified resident books at once (no approval, no membership).
SLOTS = """
SELECT DISTINCT ON (b.space_id) b.id
FROM bookings_booking b
JOIN spaces_space s ON s.id = b.space_id
WHERE b.status = 'confirmed' AND b.kind = 'booking'
  AND b.starts_at > now() + interval '26 hours' AND b.starts_at < now() + interval '50 days'
  AND s.visibility = 'public' AND s.who_may_book = 'registered' AND NOT s.requires_handling
ORDER BY b.space_id, b.starts_at
"""


@dataclass
class OfferRun:
    to_commit_ms: list[float] = field(default_factory=list)
    call_ms: list[float] = field(default_factory=list)
    join_ms: list[float] = field(default_factory=list)
    queries: list[float] = field(default_factory=list)  # SQL statements per cancellation
    offered_to_first: int = 0
    held_bookings: int = 0
    offer_deliveries: int = 0
    others_still_waiting: int = 0
    skipped: int = 0
    overlapping: int = -1
    problems: list[str] = field(default_factory=list)


class CommitClock:
    """Notes when the database connection commits, so "call → commit" excludes what runs after."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.original = connection._commit
        self.at: float | None = None

    def __enter__(self) -> CommitClock:
        def timed() -> None:
            self.original()
            self.at = time.perf_counter()

        self.connection._commit = timed
        return self

    def __exit__(self, *exc: object) -> None:
        self.connection._commit = self.original


def run(slots: int, seed: int = 5) -> OfferRun:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lampio.accounts.models import User
    from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
    from lampio.bookings.services import cancel_booking
    from lampio.bookings.waitlist_services import join_waitlist
    from lampio.core.errors import DomainError
    from lampio.notifications.models import Delivery

    rng = random.Random(seed)  # noqa: S311 (repeatable test data, not secrets)
    out = OfferRun()
    with connection.cursor() as cursor:
        cursor.execute(SLOTS)
        ids = [row[0] for row in cursor.fetchall()]
    rng.shuffle(ids)
    users = list(User.objects.order_by("pk"))
    done = 0
    for booking in Booking.objects.filter(pk__in=ids[: slots * 2]).select_related(
        "space__venue__organisation", "booker"
    ):
        if done >= slots:
            break
        people = [user for user in rng.sample(users, 4) if user.pk != booking.booker_id][:3]
        entries = []
        try:
            for person in people:
                started = time.perf_counter()
                entries.append(
                    join_waitlist(
                        actor=person,
                        space=booking.space,
                        starts_at=booking.starts_at,
                        ends_at=booking.ends_at,
                    )
                )
                out.join_ms.append((time.perf_counter() - started) * 1000)
        except DomainError as error:  # e.g. a public holiday; try another slot
            out.skipped += 1
            if len(out.problems) < 3:
                out.problems.append(f"join refused: {error!r}")
            continue
        booker = booking.booker
        assert booker is not None  # SLOTS are bookings, never staff blocks
        with CaptureQueriesContext(connection) as sql, CommitClock(connection) as clock:
            started = time.perf_counter()
            cancel_booking(actor=booker, booking=booking)
            ended = time.perf_counter()
        assert clock.at is not None
        out.to_commit_ms.append((clock.at - started) * 1000)
        out.call_ms.append((ended - started) * 1000)
        out.queries.append(float(len(sql.captured_queries)))
        done += 1
        first, *rest = entries
        first.refresh_from_db()
        if first.status == WaitlistStatus.OFFERED and first.offer_id is not None:
            out.offered_to_first += 1
        out.held_bookings += Booking.objects.filter(
            pk=first.offer_id or 0, status=BookingStatus.HELD, booker=first.person
        ).count()
        out.offer_deliveries += int(
            Delivery.objects.filter(
                key="waitlist.offer",
                recipient=first.person,
                dedupe_key__startswith=f"waitlist-offer:{first.pk}:",
            ).exists()
        )
        out.others_still_waiting += WaitlistEntry.objects.filter(
            pk__in=[entry.pk for entry in rest], status=WaitlistStatus.WAITING
        ).count()
    with connection.cursor() as cursor:
        cursor.execute(OVERLAPPING_BOOKINGS)
        out.overlapping = cursor.fetchone()[0]
    return out
