"""Small hand-made allocation problems for the solver tests (plain data, no database)."""

from __future__ import annotations

from lampio.seasons.allocation.problem import SpaceWeek, Wish

H = 60
MONDAY = 1


def hm(hours: int, minutes: int = 0) -> int:
    return hours * H + minutes


def space(
    space_id: int, *, capacity: int = 30, opens: int = hm(16), closes: int = hm(22)
) -> SpaceWeek:
    """A space free on weekdays from `opens` to `closes`."""
    return SpaceWeek(
        id=space_id, capacity=capacity, free={day: ((opens, closes),) for day in range(1, 6)}
    )


def wish(
    wish_id: int,
    *,
    window: tuple[int, int],
    duration: int,
    spaces: tuple[int, ...] = (1,),
    rank: int = 1,
    applicant: str | None = None,
    weekday: int = MONDAY,
    attendees: int = 10,
    order: int | None = None,
) -> Wish:
    return Wish(
        id=wish_id,
        applicant=applicant or f"org:{wish_id}",
        rank=rank,
        weekday=weekday,
        window_start=window[0],
        window_end=window[1],
        duration=duration,
        attendees=attendees,
        spaces=spaces,
        order=wish_id if order is None else order,
    )
