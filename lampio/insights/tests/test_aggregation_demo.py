"""On the demo network, every measure's monthly network figures equal a straightforward
recomputation from the raw rows (plain loops over the models, no statistics selectors), and
the published network totals agree with them wherever they are not suppressed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q, Sum
from django.test import override_settings
from django.utils import timezone

from lampio.bookings.models import Booking, BookingReview, WaitlistEntry
from lampio.core.timeranges import local_datetime
from lampio.digital.models import SessionFeedback, Viewer
from lampio.feedback.models import Feedback
from lampio.insights.measures import MEASURES, Kind
from lampio.insights.models import AggregationRun, Fact
from lampio.insights.selectors import Level, Query, Scope, measure_result
from lampio.offerings.models import Enrolment, GroupOrder, Occurrence
from lampio.seasons.models import WishedSlot
from lampio.spaces.models import Space
from lampio.spaces.opening import opening_periods_between
from lampio.surveys.models import VisitorResponse
from lampio.tenancy.models import Membership

Figures = dict[str, tuple[float, float]]  # measure -> (value, base)
# Slow (the whole demo with its history); the collectors run on PostgreSQL in test_collectors.
pytestmark = pytest.mark.sqlite_pass


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[datetime]:
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        # Loading the demo aggregates its year of history; the figures are as of that run.
        call_command("load_demo", verbosity=0)
        run = AggregationRun.objects.order_by("-started_at").first()
        assert run is not None
        yield run.started_at
        transaction.set_rollback(True)


def _month_back(day: date, months: int) -> date:
    month = day.replace(day=1)
    for _ in range(months):
        month = (month - timedelta(days=1)).replace(day=1)
    return month


def _window(month: date, today: date) -> tuple[datetime, datetime, date]:
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    end_day = min(following, max(today, month))
    return local_datetime(month, time()), local_datetime(end_day, time()), end_day


def _in(moment: datetime | None, start: datetime, end: datetime) -> bool:
    return moment is not None and start <= moment < end


@cache
def recompute(month: date, now: datetime) -> Figures:
    """Cached: both tests read the same months of the same loaded demo."""
    today = timezone.localdate(now)
    start, end, end_day = _window(month, today)
    figures: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])

    def add(measure: str, value: float, base: float = 0.0) -> None:
        figures[measure][0] += value
        figures[measure][1] += base

    # The database only narrows each loop to the month (a day's margin); the loops decide.
    near = {"starts_at__gte": start - timedelta(days=1), "starts_at__lt": end + timedelta(days=1)}
    for booking in Booking.objects.filter(kind="booking", **near):
        if not _in(booking.starts_at, start, end):
            continue
        if booking.status == "cancelled":
            add("booking_cancellations", 1)
        elif booking.status == "confirmed":
            add("bookings", 1)
            add("booking_no_shows", 1 if booking.no_show_at else 0)
            add("space_utilisation", (booking.ends_at - booking.starts_at).total_seconds() / 3600)
    if end_day > month:
        for space in Space.objects.all():
            for period in opening_periods_between(space, month, end_day - timedelta(days=1)):
                add("space_utilisation", 0, period.duration.total_seconds() / 3600)

    def held(occurrence: Occurrence | None) -> bool:
        return (
            occurrence is not None
            and occurrence.status != "cancelled"
            and _in(occurrence.starts_at, start, end)
        )

    around = {f"occurrence__{k}": v for k, v in near.items()}
    for enrolment in Enrolment.objects.select_related("occurrence").filter(
        Q(**around) | Q(created_at__gte=start, created_at__lt=end)
    ):
        if enrolment.status == "confirmed" and held(enrolment.occurrence):
            add("enrolments", enrolment.seats)
        if enrolment.status == "waitlisted" and _in(enrolment.created_at, start, end):
            add("unmet_demand", 1)
    for order in GroupOrder.objects.select_related("occurrence", "unit", "offering").filter(
        **around
    ):
        if order.status == "accepted" and held(order.occurrence):
            add("enrolments", order.group_size)
            if order.unit.kind == "care_unit" and order.offering.format != "on_site":
                add("care_units_reached", 1)
    for occurrence in Occurrence.objects.filter(**near):
        if not held(occurrence):
            continue
        if occurrence.attendance is not None:
            add("attendance", occurrence.attendance)
        if occurrence.ends_at <= end and occurrence.status != "postponed" and occurrence.capacity:
            add("fill_rate", occurrence.seats_taken, occurrence.capacity)
    for viewer in Viewer.objects.select_related("occurrence").filter(**around):
        if held(viewer.occurrence):
            add("digital_viewers", 1)
    for feedback in Feedback.objects.all():
        if _in(feedback.submitted_at, start, end):
            add("feedback_received", 1)
        if feedback.answered_at and _in(feedback.answered_at, start, end):
            days = (feedback.answered_at - feedback.submitted_at).total_seconds() / 86400
            add("feedback_response_days", days, 1)
    for response in VisitorResponse.objects.all():
        if month <= response.answered_on < end_day:
            add("satisfaction", response.overall, 1)
            add("survey_responses", 1)
    for review in BookingReview.objects.all():
        if _in(review.created_at, start, end):
            add("satisfaction", review.rating, 1)
    for grade in SessionFeedback.objects.all():
        if _in(grade.created_at, start, end):
            add("satisfaction", grade.rating, 1)
    for entry in WaitlistEntry.objects.all():
        if _in(entry.created_at, start, end):
            add("unmet_demand", 1)
    for wish in WishedSlot.objects.select_related("application__application_round"):
        round_ = wish.application.application_round
        if (
            wish.application.status == "submitted"
            and _in(round_.published_at, start, end)
            and not hasattr(wish, "allocation")
        ):
            add("unmet_demand", 1)
    return {key: (value, base) for key, (value, base) in figures.items()}


def aggregated(month: date) -> Figures:
    rows = (
        Fact.objects.filter(month=month)
        .values("measure")
        .annotate(value=Sum("value"), base=Sum("base"))
        .order_by()
    )
    return {row["measure"]: (row["value"], row["base"]) for row in rows}


@pytest.mark.django_db
def test_every_measure_matches_the_raw_rows_month_by_month(demo: datetime) -> None:
    today = timezone.localdate(demo)
    months = [_month_back(today, back) for back in range(12, -1, -1)]
    seen: set[str] = set()
    for month in months:
        expected, got = recompute(month, demo), aggregated(month)
        for measure in MEASURES:
            want = expected.get(measure, (0.0, 0.0))
            have = got.get(measure, (0.0, 0.0))
            assert have == pytest.approx(want, rel=1e-9, abs=1e-6), (measure, month)
            if have[0] or have[1]:
                seen.add(measure)
    # The demo holds bookings and offerings at least; the rest depends on what it loads.
    assert {"bookings", "space_utilisation", "enrolments"} <= seen


@pytest.mark.django_db
def test_published_network_totals_agree_with_the_recomputation(demo: datetime) -> None:
    staff = Membership.objects.select_related("user").first()
    assert staff is not None
    today = timezone.localdate(demo)
    first, last = _month_back(today, 12), _month_back(today, 1)
    months = [_month_back(today, back) for back in range(12, 0, -1)]
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for month in months:
        for measure, (value, base) in recompute(month, demo).items():
            totals[measure][0] += value
            totals[measure][1] += base
    for measure in MEASURES.values():
        query = Query(measure, (), first, last, Scope(Level.NETWORK))
        figure = measure_result(actor=staff.user, query=query).table.figures[()]
        if figure.suppressed or figure.value is None:
            continue
        value, base = totals.get(measure.key, [0.0, 0.0])
        expected = value if measure.kind == Kind.COUNT else value / base
        assert figure.value == pytest.approx(expected, rel=1e-9, abs=1e-6), measure.key
