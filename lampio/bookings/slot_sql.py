"""The questions a booking's transaction asks, as SQL written by hand (decision 0021).

Every booking locks the person and the space, counts the person's upcoming bookings of the space
and looks for bookings in the way. Built through the ORM, each of these cost three to six times
more of the web worker's time than the database took to answer it: on a busy server a fifth of
a booking request went to composing these four statements. They are plain enough to write once
for both databases. Row locks are taken only where the database has them; SQLite's IMMEDIATE
transactions serialise writers already. Moments are passed as the ORM would store them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connection

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingStatus
from lampio.core.timeranges import Interval
from lampio.spaces.models import Space

# Names and constants of the code, never input: safe to write into the statements (S608).
ACTIVE = ", ".join(f"'{status.value}'" for status in ACTIVE_STATUSES)
HELD = f"'{BookingStatus.HELD.value}'"
BOOKINGS = Booking._meta.db_table
# A hold whose time has run out no longer keeps its slot (`models.blocking`).
LAPSED = f"status = {HELD} AND hold_expires_at IS NOT NULL AND hold_expires_at <= %s"


def _for_update() -> str:
    return " FOR UPDATE" if connection.features.has_select_for_update else ""


def _moment(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def _rows(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _lock(table: str, pk: int) -> None:
    _rows(f"SELECT id FROM {table} WHERE id = %s{_for_update()}", [pk])  # noqa: S608


def lock_person(user_id: int) -> None:
    """One person's bookings queue here, so two at once cannot both pass the limit."""
    _lock(User._meta.db_table, user_id)


def lock_space(space_id: int) -> None:
    """Writers of one space queue here, so each sees what the one before it committed."""
    _lock(Space._meta.db_table, space_id)


def upcoming_count(*, booker_id: int, space_id: int, now: datetime) -> int:
    """The person's bookings of the space that have not ended and keep their slot at `now`."""
    moment = _moment(now)
    rows = _rows(
        f"SELECT COUNT(*) FROM {BOOKINGS} WHERE booker_id = %s AND space_id = %s"  # noqa: S608
        f" AND ends_at > %s AND status IN ({ACTIVE}) AND NOT ({LAPSED})",
        [booker_id, space_id, moment, moment],
    )
    return int(rows[0][0])


def overlapping(
    *, space_id: int, within: Interval, now: datetime, moving: int | None = None
) -> list[tuple[int, bool]]:
    """Active bookings of the space whose blocked time meets `within` (but `moving`), locked,
    each with whether it is a hold that has lapsed."""
    params: list[Any] = [
        _moment(now),
        space_id,
        _moment(within.end),
        _moment(within.start),
    ]
    other = ""
    if moving is not None:
        other = " AND id <> %s"
        params.append(moving)
    rows = _rows(
        f"SELECT id, {LAPSED} FROM {BOOKINGS} WHERE space_id = %s AND status IN ({ACTIVE})"  # noqa: S608
        f" AND blocked_from < %s AND blocked_until > %s{other}{_for_update()}",
        params,
    )
    return [(int(pk), bool(lapsed)) for pk, lapsed in rows]
