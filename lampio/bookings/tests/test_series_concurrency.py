"""Two series and a crowd of one-off bookings race for the same evenings: the database never
holds two overlapping active bookings, and each series is booked whole or not at all."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time, timedelta

import pytest
from django.db import connection, connections

from lampio.bookings import series_services, services
from lampio.bookings.errors import SeriesCollides, SlotTaken
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingSeries
from lampio.core.timeranges import local_datetime

NOW = local_datetime(date(2030, 6, 1), time(12))
WEDNESDAYS = [date(2030, 6, 12) + timedelta(weeks=week) for week in range(6)]
ONE_OFFS = 16


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_series_and_single_bookings_racing_never_overlap(make_space, make_user):
    space = make_space(allows_recurring=True, buffer_after_minutes=15)
    series_people = [make_user() for _ in range(2)]
    people = [make_user() for _ in range(ONE_OFFS)]
    barrier = threading.Barrier(len(series_people) + len(people))

    def book_series(index: int) -> str:
        try:
            barrier.wait(timeout=30)
            series_services.create_series(
                actor=series_people[index],
                space=space,
                weekdays=[3],
                interval_weeks=1,
                first_date=WEDNESDAYS[0],
                last_date=WEDNESDAYS[-1],
                starts_time=time(18),
                ends_time=time(20),
                purpose="Kuoro",
                attendees=10,
                # One series takes what is left; the other wants every date or none.
                skip_collisions=index == 0,
                now=NOW,
            )
            return "series"
        except (SeriesCollides, SlotTaken):
            return "series refused"
        finally:
            connections.close_all()

    def book_one(index: int) -> str:
        # The last Wednesday is left to the series, so one of them always gets something.
        day = WEDNESDAYS[index % (len(WEDNESDAYS) - 1)]
        start = time(19) if index % 2 else time(17, 30)
        try:
            barrier.wait(timeout=30)
            services.book_space(
                actor=people[index],
                space=space,
                starts_at=local_datetime(day, start),
                ends_at=local_datetime(day, start) + timedelta(hours=1),
                purpose="Sähly",
                attendees=4,
                now=NOW,
            )
            return "booked"
        except SlotTaken:
            return "taken"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(series_people) + len(people)) as pool:
        series_results = [pool.submit(book_series, index) for index in range(2)]
        single_results = [pool.submit(book_one, index) for index in range(ONE_OFFS)]
        outcomes = [future.result() for future in series_results + single_results]

    active = list(
        Booking.objects.filter(space=space, status__in=ACTIVE_STATUSES).values_list(
            "blocked_from", "blocked_until"
        )
    )
    for position, (start, end) in enumerate(active):
        for other_start, other_end in active[position + 1 :]:
            assert not (start < other_end and other_start < end), "overlapping active bookings"
    # Whatever won, each series is whole: its dates plus the ones it left out are the pattern.
    for made in BookingSeries.objects.all():
        booked = made.occurrences.filter(status__in=ACTIVE_STATUSES).count()
        assert booked + len(made.skipped_dates) == len(WEDNESDAYS)
        if made.booker == series_people[1]:
            assert booked == len(WEDNESDAYS)
    assert outcomes.count("series") == BookingSeries.objects.count() >= 1
    assert Booking.objects.filter(space=space, series__isnull=True).count() == outcomes.count(
        "booked"
    )
