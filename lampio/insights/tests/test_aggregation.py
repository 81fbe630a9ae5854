"""The aggregation of spaces and bookings, the month window, the sweep and the command."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Sum

from lampio.bookings.models import Booking, BookingKind, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.insights.models import AggregationRun, Fact
from lampio.insights.services.aggregation import aggregate_months
from lampio.insights.sweeps import aggregate_nightly

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 20, 10, tzinfo=UTC)  # a Thursday; 2025-03-05 is a Wednesday


def book(space: Any, day: date, start: time, end: time, **fields: Any) -> Booking:
    starts, ends = local_datetime(day, start), local_datetime(day, end)
    values: dict[str, Any] = {"status": BookingStatus.CONFIRMED, "purpose": "Harjoitukset"}
    values.update(fields)
    return Booking.objects.create(
        space=space,
        starts_at=starts,
        ends_at=ends,
        blocked_from=starts,
        blocked_until=ends,
        **values,
    )


def facts(
    measure: str, **filters: Any
) -> dict[tuple[int | None, int | None], tuple[float, float, int]]:
    return {
        (f.weekday, f.hour): (f.value, f.base, f.n)
        for f in Fact.objects.filter(measure=measure, **filters)
    }


def test_booked_hours_split_over_clock_hours_against_open_hours(make_space: Any) -> None:
    space = make_space()  # open every day 08–22
    book(space, date(2025, 3, 5), time(17, 30), time(19))
    run = aggregate_months(date(2025, 3, 1), date(2025, 3, 1), now=NOW)
    cells = facts("space_utilisation", space=space)
    assert cells[(2, 17)][0] == pytest.approx(0.5)
    assert cells[(2, 18)][0] == pytest.approx(1.0)
    assert cells[(2, 17)][2] == cells[(2, 18)][2] == 1
    # Open hours count the days before 20 March only: Wednesdays 5, 12 and 19 March.
    assert cells[(2, 17)][1] == pytest.approx(3.0)
    total_open = Fact.objects.filter(measure="space_utilisation").aggregate(b=Sum("base"))["b"]
    assert total_open == pytest.approx(19 * 14)
    assert run.finished_at is not None and run.facts == Fact.objects.count()
    fact = Fact.objects.filter(measure="space_utilisation").first()
    assert fact is not None
    assert fact.organisation_id == space.venue.organisation_id
    assert fact.municipality_id == space.venue.organisation.municipality_id
    assert fact.venue_id == space.venue_id and fact.space_type == space.space_type


def test_bookings_cancellations_and_no_shows_count_by_starting_hour(make_space: Any) -> None:
    space = make_space()
    day = date(2025, 3, 5)
    book(space, day, time(9), time(11))
    book(space, date(2025, 3, 12), time(9, 30), time(10), no_show_at=NOW)
    book(space, day, time(12), time(13), status=BookingStatus.CANCELLED, cancelled_at=NOW)
    book(space, day, time(14), time(15), kind=BookingKind.BLOCK)
    book(space, day, time(16), time(17), status=BookingStatus.DENIED)
    book(space, date(2025, 3, 25), time(9), time(10))  # after the cut: not yet
    aggregate_months(date(2025, 3, 1), date(2025, 3, 1), now=NOW)
    assert facts("bookings") == {(2, 9): (2.0, 0.0, 2)}
    assert facts("booking_no_shows") == {(2, 9): (1.0, 0.0, 1)}
    assert facts("booking_cancellations") == {(2, 12): (1.0, 0.0, 1)}


def test_a_month_is_replaced_not_added_to(make_space: Any) -> None:
    space = make_space()
    book(space, date(2025, 2, 10), time(9), time(10))
    first = aggregate_months(date(2025, 2, 1), date(2025, 3, 1), now=NOW)
    second = aggregate_months(date(2025, 2, 1), date(2025, 3, 1), now=NOW)
    assert first.facts == second.facts == Fact.objects.count()
    assert Fact.objects.filter(measure="bookings").count() == 1


def test_future_months_get_no_facts(make_space: Any) -> None:
    space = make_space()
    book(space, date(2025, 4, 10), time(9), time(10))
    run = aggregate_months(date(2025, 4, 1), date(2025, 5, 1), now=NOW)
    assert run.facts == 0


def test_daylight_saving_day_splits_in_real_hours(make_space: Any) -> None:
    space = make_space(opens=time(0), closes=time(0))  # open around the clock
    # 30 March 2025 is 23 hours long in Helsinki.
    book(space, date(2025, 3, 30), time(1), time(5))
    aggregate_months(date(2025, 3, 1), date(2025, 3, 1), now=datetime(2025, 4, 2, tzinfo=UTC))
    cells = facts("space_utilisation", space=space)
    booked = sum(value for value, _base, _n in cells.values())
    assert booked == pytest.approx(3.0)
    total_open = sum(base for _value, base, _n in cells.values())
    assert total_open == pytest.approx(31 * 24 - 1)


def test_the_sweep_runs_once_a_day_over_two_months(make_space: Any) -> None:
    space = make_space()
    book(space, date(2025, 2, 10), time(9), time(10))
    assert aggregate_nightly(NOW) > 0
    run = AggregationRun.objects.get()
    assert (run.first_month, run.last_month) == (date(2025, 2, 1), date(2025, 3, 1))
    assert aggregate_nightly(NOW.replace(hour=20)) == 0
    assert aggregate_nightly(datetime(2025, 3, 21, 1, tzinfo=UTC)) > 0
    assert AggregationRun.objects.count() == 2


def test_the_command_aggregates_recent_months(make_space: Any) -> None:
    make_space()
    call_command("aggregate_insights", "--months", "3", verbosity=0)
    run = AggregationRun.objects.get()
    assert run.finished_at is not None
    assert (run.last_month.year * 12 + run.last_month.month) - (
        run.first_month.year * 12 + run.first_month.month
    ) == 2
    call_command("aggregate_insights", "--since", "2025-01", verbosity=0)
    assert AggregationRun.objects.first().first_month == date(2025, 1, 1)  # type: ignore[union-attr]


def test_the_database_samples_the_new_facts_for_its_query_plans(make_space: Any) -> None:
    """Until it does, the dashboards' plans are chosen for the tables as they were before."""
    from django.db import connection

    book(make_space(), date(2025, 3, 5), time(17), time(19))
    aggregate_months(date(2025, 3, 1), date(2025, 3, 1), now=NOW)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # ANALYZE counts the rows this transaction inserted as live.
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'insights_fact'")
            assert cursor.fetchone()[0] == Fact.objects.count() > 0
        else:
            cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1 WHERE tbl LIKE 'insights_%'")
            assert {row[0] for row in cursor.fetchall()} >= {"insights_fact"}
