"""The demo's insights: a year of history in every city, survey answers with a deliberately
small group, aggregated facts, open-data measures, and a second load that adds nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db.models import Count, Sum
from django.utils import timezone

from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry
from lampio.demo.insights import history_months, load_insights
from lampio.demo.insights_data import CITIES, HISTORY_MONTHS, OPEN_DATA_MEASURES, SMALL_SITE
from lampio.insights.models import AggregationRun, Fact, MeasureSetting
from lampio.offerings.models import Enrolment, Occurrence
from lampio.surveys.models import VisitorResponse
from lampio.tenancy.models import Organisation

# The year of history takes a while to load; what it holds does not depend on the database.
pytestmark = [pytest.mark.django_db, pytest.mark.sqlite_pass]


def _organisations() -> dict[tuple[str, str], Organisation]:
    return {
        (organisation.municipality.slug, organisation.slug): organisation
        for organisation in Organisation.objects.select_related("municipality")
    }


def test_history_months_are_the_twelve_before_this_one() -> None:
    months = history_months(timezone.localdate().replace(month=3, day=15))
    assert len(months) == HISTORY_MONTHS
    assert months[-1].month == 2 and months[0].month == 3
    assert all(month.day == 1 for month in months)


def test_every_city_has_a_year_of_bookings(demo_with_history: None) -> None:
    first = history_months(timezone.localdate())[0]
    past = Booking.objects.filter(starts_at__date__gte=first, kind="booking")
    by_city = dict(
        past.values_list("space__venue__organisation__municipality__slug")
        .annotate(n=Count("pk"))
        .values_list("space__venue__organisation__municipality__slug", "n")
    )
    assert set(by_city) == set(CITIES)
    assert all(count > 1000 for count in by_city.values())
    months = {when.month for when in past.values_list("starts_at", flat=True)}
    assert len(months) == 12
    assert past.filter(status=BookingStatus.CANCELLED).exists()
    no_shows = past.filter(no_show_at__isnull=False)
    assert no_shows.exists()
    assert not no_shows.exclude(status=BookingStatus.CONFIRMED).exists()
    assert all(b.no_show_at and b.no_show_at > b.ends_at for b in no_shows[:50])
    assert WaitlistEntry.objects.filter(created_at__date__lt=first + timedelta(days=40)).exists()


def test_past_occurrences_hold_their_seats(demo_with_history: None) -> None:
    past = Occurrence.objects.filter(ends_at__lt=timezone.now() - timedelta(days=30))
    assert past.count() > 500
    assert past.filter(attendance__isnull=False).exists()
    seats = dict(
        Enrolment.objects.filter(occurrence__in=past, status="confirmed")
        .values_list("occurrence")
        .annotate(seats=Sum("seats"))
        .values_list("occurrence", "seats")
    )
    for occurrence in past.prefetch_related("orders")[:300]:
        orders = sum(o.seats for o in occurrence.orders.all() if o.status == "accepted")
        assert occurrence.seats_taken == seats.get(occurrence.pk, 0) + orders
        assert occurrence.seats_taken <= occurrence.capacity
        if occurrence.attendance is not None:
            assert occurrence.attendance <= occurrence.seats_taken


def test_survey_answers_differ_by_city_and_include_a_small_group(demo_with_history: None) -> None:
    responses = VisitorResponse.objects.all()
    assert 3500 <= responses.count() <= 5500
    city, slug = SMALL_SITE
    small = (
        responses.filter(organisation__municipality__slug=city, organisation__slug=slug)
        .values_list("answered_on__month")
        .annotate(n=Count("pk"))
    )
    assert any(0 < n < 5 for _month, n in small)
    lahti = [r.overall for r in responses.filter(municipality__slug="lahti")]
    kuopio = [r.overall for r in responses.filter(municipality__slug="kuopio")]
    assert sum(lahti) / len(lahti) < sum(kuopio) / len(kuopio)


def test_facts_are_aggregated_and_some_measures_published(demo_with_history: None) -> None:
    assert AggregationRun.objects.exists()
    measures = set(Fact.objects.values_list("measure", flat=True).distinct())
    assert {"space_utilisation", "bookings", "booking_no_shows", "enrolments"} <= measures
    assert {"satisfaction", "survey_responses", "feedback_received"} <= measures
    facts = Fact.objects.filter(measure="bookings").values("municipality__slug").distinct()
    assert {row["municipality__slug"] for row in facts} == set(CITIES)
    published = set(
        MeasureSetting.objects.filter(is_open_data=True).values_list("measure", flat=True)
    )
    assert set(OPEN_DATA_MEASURES) <= published


def test_loading_again_adds_no_history(demo_with_history: None) -> None:
    before = (
        Booking.objects.count(),
        WaitlistEntry.objects.count(),
        Occurrence.objects.count(),
        Enrolment.objects.count(),
        VisitorResponse.objects.count(),
    )
    MeasureSetting.objects.filter(measure=OPEN_DATA_MEASURES[0]).update(is_open_data=False)
    summary = load_insights(organisations=_organisations())
    assert (summary.bookings, summary.waitlist_entries, summary.occurrences) == (0, 0, 0)
    assert (summary.feedback, summary.responses) == (0, 0)
    after = (
        Booking.objects.count(),
        WaitlistEntry.objects.count(),
        Occurrence.objects.count(),
        Enrolment.objects.count(),
        VisitorResponse.objects.count(),
    )
    assert after == before
    # A network admin's choice is kept.
    assert not MeasureSetting.objects.get(measure=OPEN_DATA_MEASURES[0]).is_open_data
