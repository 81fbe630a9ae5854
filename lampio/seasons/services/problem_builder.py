"""The round as the solver's plain data (`allocation.problem`): wishes, free weekly time, locks.

Times are wall-clock minutes from local midnight. A booking is turned into minutes by its
local (Helsinki) wall clock on each date it touches, so a booking 18.00–20.00 on a
daylight-saving change day still takes 1080–1200, and one across midnight takes the end of one
weekday and the start of the next.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, time, timedelta

from lampio.bookings.models import Booking, blocking
from lampio.core.timeranges import LOCAL_ZONE, local_datetime
from lampio.seasons.allocation.problem import Placement, Problem, SpaceWeek, Wish
from lampio.seasons.models import (
    Allocation,
    ApplicationRound,
    ApplicationStatus,
    WishedSlot,
)
from lampio.spaces.models import OpeningHours, Space

DAY = 24 * 60
Minutes = tuple[int, int]


def minutes(at: time) -> int:
    return at.hour * 60 + at.minute


def clock(value: int) -> time:
    """Minutes from midnight as a time of day (24.00 is not one: callers keep below it)."""
    return time(value // 60, value % 60)


def merge_minutes(intervals: Iterable[Minutes]) -> list[Minutes]:
    merged: list[Minutes] = []
    for start, end in sorted(intervals):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def subtract_minutes(free: Iterable[Minutes], taken: Iterable[Minutes]) -> list[Minutes]:
    remaining = merge_minutes(free)
    for cut_start, cut_end in merge_minutes(taken):
        pieces: list[Minutes] = []
        for start, end in remaining:
            if end <= cut_start or cut_end <= start:
                pieces.append((start, end))
                continue
            if start < cut_start:
                pieces.append((start, cut_start))
            if cut_end < end:
                pieces.append((cut_end, end))
        remaining = pieces
    return remaining


def weekly_opening(hours: Iterable[OpeningHours]) -> dict[int, list[Minutes]]:
    """ISO weekday → opening minutes; a period past midnight continues on the next weekday."""
    opening: dict[int, list[Minutes]] = defaultdict(list)
    for period in hours:
        weekday = period.weekday + 1  # OpeningHours counts Monday as 0
        opens, closes = minutes(period.opens), minutes(period.closes)
        if closes > opens:
            opening[weekday].append((opens, closes))
        else:
            opening[weekday].append((opens, DAY))
            opening[weekday % 7 + 1].append((0, closes))
    return {weekday: merge_minutes(periods) for weekday, periods in opening.items()}


def _wall(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_ZONE).replace(tzinfo=None)


def taken_minutes(
    application_round: ApplicationRound, spaces: Iterable[Space], now: datetime
) -> dict[int, dict[int, list[Minutes]]]:
    """Space → ISO weekday → minutes taken on *some* date of that weekday in the season.

    Each cut is widened by the space's buffers, so a new booking's own buffers do not run into
    the booking that is already there. Bookings of series this round published do not count.
    """
    by_pk = {space.pk: space for space in spaces}
    first, last = application_round.season_starts, application_round.season_ends
    published = Allocation.objects.filter(
        application_round=application_round, series__isnull=False
    ).values("series_id")
    bookings = (
        Booking.objects.filter(
            blocking(now),
            space_id__in=list(by_pk),
            blocked_until__gt=local_datetime(first, time()),
            blocked_from__lt=local_datetime(last + timedelta(days=1), time()),
        )
        .exclude(series_id__in=published)
        .values_list("space_id", "blocked_from", "blocked_until")
    )
    taken: dict[int, dict[int, list[Minutes]]] = defaultdict(lambda: defaultdict(list))
    for space_id, blocked_from, blocked_until in bookings:
        space = by_pk[space_id]
        start = _wall(blocked_from) - space.buffer_after
        end = _wall(blocked_until) + space.buffer_before
        day = max(start.date(), first)
        while day <= min(end.date(), last):
            midnight = datetime.combine(day, time())
            cut_start = max(0, int((start - midnight).total_seconds() // 60))
            cut_end = min(DAY, -int(-(end - midnight).total_seconds() // 60))
            if cut_start < cut_end:
                taken[space_id][day.isoweekday()].append((cut_start, cut_end))
            day += timedelta(days=1)
    return taken


def free_minutes(
    application_round: ApplicationRound, spaces: Iterable[Space], now: datetime
) -> dict[int, dict[int, list[Minutes]]]:
    """Space → ISO weekday → minutes open every week and free on every date of the season."""
    spaces = list(spaces)
    opening_of: dict[int, list[OpeningHours]] = defaultdict(list)
    for period in OpeningHours.objects.filter(space__in=spaces):
        opening_of[period.space_id].append(period)
    taken = taken_minutes(application_round, spaces, now)
    free: dict[int, dict[int, list[Minutes]]] = {}
    for space in spaces:
        opening = weekly_opening(opening_of[space.pk])
        free[space.pk] = {
            weekday: subtract_minutes(opening.get(weekday, []), taken[space.pk][weekday])
            for weekday in range(1, 8)
        }
    return free


def applicant_key(application_id: int, applicant_id: int | None, org_id: int | None) -> str:
    if org_id is not None:
        return f"org:{org_id}"
    # An erased person still counts as one applicant: by the application, not lumped together.
    return f"user:{applicant_id}" if applicant_id is not None else f"application:{application_id}"


def submitted_wishes(application_round: ApplicationRound) -> list[WishedSlot]:
    """The wishes of submitted applications, in submission order."""
    return list(
        WishedSlot.objects.filter(
            application__application_round=application_round,
            application__status=ApplicationStatus.SUBMITTED,
        )
        .select_related("application__priority_class")
        .prefetch_related("space_choices")
        .order_by("application__submitted_at", "application_id", "position", "pk")
    )


def locked_placements(application_round: ApplicationRound) -> list[Placement]:
    return [
        Placement(wish=wish_id, space=space_id, start=minutes(starts))
        for wish_id, space_id, starts in Allocation.objects.filter(
            application_round=application_round, locked=True
        )
        .order_by("wish_id")
        .values_list("wish_id", "space_id", "starts_time")
    ]


def build_problem(application_round: ApplicationRound, now: datetime) -> Problem:
    spaces = list(application_round.spaces.order_by("pk"))
    round_space_ids = {space.pk for space in spaces}
    wishes = submitted_wishes(application_round)
    locked = [
        placement
        for placement in locked_placements(application_round)
        if placement.wish in {wish.pk for wish in wishes}
    ]
    locked_by_wish = {placement.wish: placement for placement in locked}
    problem_wishes: list[Wish] = []
    for order, wish in enumerate(wishes):
        application = wish.application
        choices = [
            choice.space_id
            for choice in sorted(wish.space_choices.all(), key=lambda c: (c.preference, c.pk))
            if choice.space_id in round_space_ids
        ]
        window = (minutes(wish.earliest_start), minutes(wish.latest_end))
        if (fixed := locked_by_wish.get(wish.pk)) is not None:
            # Staff may place a wish outside what was asked; the solver keeps it as it is.
            if fixed.space not in choices:
                choices.append(fixed.space)
            window = (
                min(window[0], fixed.start),
                max(window[1], fixed.start + wish.duration_minutes),
            )
        problem_wishes.append(
            Wish(
                id=wish.pk,
                applicant=applicant_key(
                    application.pk, application.applicant_id, application.for_organisation_id
                ),
                rank=application.priority_class.rank,
                weekday=wish.weekday,
                window_start=window[0],
                window_end=window[1],
                duration=wish.duration_minutes,
                attendees=wish.attendees,
                spaces=tuple(choices),
                order=order,
            )
        )
    free = free_minutes(application_round, spaces, now)
    return Problem(
        wishes=tuple(problem_wishes),
        spaces=tuple(
            SpaceWeek(
                id=space.pk,
                capacity=space.capacity,
                free={weekday: tuple(periods) for weekday, periods in free[space.pk].items()},
            )
            for space in spaces
        ),
        locked=tuple(locked),
        max_minutes_per_week=application_round.max_minutes_per_week,
    )
