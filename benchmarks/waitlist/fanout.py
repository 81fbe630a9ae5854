"""(b) The fan-out of a freed slot to the people watching its space or venue.

10,000 watches: a popular school gym has ~500 people watching its Tuesday evenings (most the
gym itself, some its whole venue, in windows such as 17–19 or 18–21); other people watch the
same gym at other times, and the rest watch spaces and venues all over the network on any day.
Freed slots of the hot gym (Tuesdays 17–21, one hour each, over the coming weeks) and of
watched spaces elsewhere are let go by SQL first; then `watch_services.alert_watchers(space,
freed, now)` is timed for each, as the job after a cancellation runs it.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock

TUESDAY = 1
HOT_WINDOWS = [(17, 19), (18, 20), (17, 21), (18, 21), (16, 20), (19, 21), (17, 20), (18, 19)]
HOT_HOURS = (17, 18, 19, 20)
MAX_PER_PERSON = 20  # watch_services.MAX_WATCHES_PER_PERSON

HOT_GYM = """
SELECT s.id FROM spaces_space s JOIN spaces_venue v ON v.id = s.venue_id
WHERE s.space_type = 'gym' AND s.visibility = 'public' AND s.who_may_book = 'registered'
  AND NOT s.requires_handling AND s.is_published AND v.is_published
ORDER BY s.id LIMIT 1
"""

LET_GO = """
UPDATE bookings_booking SET status = 'cancelled', cancelled_at = now()
WHERE space_id = %s AND status IN ('held', 'requested', 'confirmed')
  AND blocked_from < %s AND blocked_until > %s
"""


@dataclass
class FanOut:
    label: str
    ms: list[float] = field(default_factory=list)
    notified: list[int] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)  # watches of the space or its venue
    queries: list[float] = field(default_factory=list)  # SQL statements per fan-out


@dataclass
class FanOutRun:
    watches: int = 0
    hot_watchers: int = 0
    runs: list[FanOut] = field(default_factory=list)
    deliveries: int = 0
    repeat_notified: int = -1
    create_seconds: float = 0.0


def _next_weekday(day: datetime, weekday: int) -> datetime:
    return day + timedelta(days=(weekday - day.weekday()) % 7 or 7)


def create_watches(total: int, hot: int, rng: random.Random) -> tuple[int, int, float]:
    """Write the watches; return the hot gym, how many watch its Tuesday evenings, seconds."""
    from django.db import connection

    from lampio.accounts.models import User
    from lampio.bookings.models import Watch
    from lampio.spaces.models import Space

    Watch.objects.all().delete()  # a run on a reused database starts from the same 10,000
    with connection.cursor() as cursor:
        cursor.execute(HOT_GYM)
        gym_id = cursor.fetchone()[0]
    gym = Space.objects.get(pk=gym_id)
    people = list(User.objects.values_list("pk", flat=True))
    rng.shuffle(people)
    hot = min(hot, len(people), total)
    per_person = {person: 0 for person in people}
    watches: list[Watch] = []

    def add(
        person: int, space: int | None, venue: int | None, day: int, hours: tuple[int, int]
    ) -> None:
        per_person[person] += 1
        watches.append(
            Watch(
                person_id=person,
                space_id=space,
                venue_id=venue,
                weekday=day,
                starts=clock(hours[0]),
                ends=clock(hours[1]),
            )
        )

    for person in people[:hot]:  # one watch each: they all want the gym on Tuesday evenings
        on_venue = rng.random() < 0.3
        window = rng.choice(HOT_WINDOWS)
        space_id, venue_id = (None, gym.venue_id) if on_venue else (gym.pk, None)
        add(person, space_id, venue_id, TUESDAY, window)
    spaces = list(Space.objects.values_list("pk", "venue_id"))
    others = people[hot:] or people
    same_gym_elsewhen = min(total - len(watches), max(0, total // 20))
    while len(watches) < total:
        person = rng.choice(others)
        if per_person[person] >= MAX_PER_PERSON:
            continue
        start = rng.randrange(7, 21)
        hours = (start, min(23, start + rng.choice((1, 2, 3))))
        if len(watches) < hot + same_gym_elsewhen:
            # The same gym at other times: read by the query, never matched.
            day = rng.choice([d for d in range(7) if d != TUESDAY])
            add(person, gym.pk, None, day, hours)
            continue
        space, venue = rng.choice(spaces)
        on_venue = rng.random() < 0.2
        space_id, venue_id = (None, venue) if on_venue else (space, None)
        add(person, space_id, venue_id, rng.randrange(7), hours)
    started = time.perf_counter()
    Watch.objects.bulk_create(watches, batch_size=2_000)
    return gym_id, hot, time.perf_counter() - started


def _let_go(space_id: int, starts: datetime, ends: datetime) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(LET_GO, [space_id, ends, starts])


def _measure(label: str, slots: list[tuple[int, datetime]]) -> FanOut:
    from django.db import connection
    from django.db.models import Q
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from lampio.bookings.models import Watch
    from lampio.bookings.watch_services import alert_watchers
    from lampio.core.timeranges import Interval
    from lampio.spaces.models import Space

    result = FanOut(label)
    for space_id, starts in slots:
        ends = starts + timedelta(hours=1)
        _let_go(space_id, starts, ends)
        space = Space.objects.select_related("venue__organisation").get(pk=space_id)
        result.candidates.append(
            Watch.objects.filter(Q(space_id=space_id) | Q(venue_id=space.venue_id)).count()
        )
        with CaptureQueriesContext(connection) as sql:
            started = time.perf_counter()
            notified = alert_watchers(space, Interval(starts, ends), timezone.now())
            result.ms.append((time.perf_counter() - started) * 1000)
        result.queries.append(float(len(sql.captured_queries)))
        result.notified.append(notified)
    return result


def run(total: int, hot: int, freed: int, seed: int = 7) -> FanOutRun:
    from django.utils import timezone

    from lampio.bookings.models import Watch
    from lampio.core.timeranges import LOCAL_ZONE, Interval
    from lampio.notifications.models import Delivery

    rng = random.Random(seed)  # noqa: S311 (repeatable test data, not secrets)
    out = FanOutRun()
    gym_id, out.hot_watchers, out.create_seconds = create_watches(total, hot, rng)
    out.watches = Watch.objects.count()
    today = timezone.localtime(timezone.now(), LOCAL_ZONE).replace(
        hour=0, minute=0, second=0, microsecond=0, tzinfo=None
    )
    first_tuesday = _next_weekday(today + timedelta(days=1), TUESDAY)
    hot_slots = []
    for n in range(freed):
        day = first_tuesday + timedelta(weeks=n // len(HOT_HOURS))
        hour = HOT_HOURS[n % len(HOT_HOURS)]
        hot_slots.append((gym_id, day.replace(hour=hour, tzinfo=LOCAL_ZONE)))
    before = Delivery.objects.filter(key="watch.alert").count()
    out.runs.append(_measure("hot gym, Tuesday evenings", hot_slots))
    # Elsewhere: watched spaces all over the network, each on its watch's own day and hour.
    elsewhere = []
    picked = (
        Watch.objects.filter(space__isnull=False)
        .exclude(space_id=gym_id)
        .order_by("?")
        .values_list("space_id", "weekday", "starts")[:freed]
    )
    for space_id, weekday, starts in picked:
        day = _next_weekday(today + timedelta(days=rng.randrange(1, 21)), weekday)
        elsewhere.append((space_id, day.replace(hour=starts.hour, tzinfo=LOCAL_ZONE)))
    out.runs.append(_measure("watched spaces elsewhere", elsewhere))
    out.deliveries = Delivery.objects.filter(key="watch.alert").count() - before
    # The same freed slot again: everyone has heard of it, so nobody is told twice.
    from lampio.bookings.watch_services import alert_watchers
    from lampio.spaces.models import Space

    space = Space.objects.select_related("venue__organisation").get(pk=gym_id)
    again = hot_slots[0][1]
    out.repeat_notified = alert_watchers(
        space, Interval(again, again + timedelta(hours=1)), timezone.now()
    )
    return out
