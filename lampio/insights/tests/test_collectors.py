"""Collectors of offerings, the visitor survey and unmet demand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from lampio.insights.models import Fact
from lampio.insights.services.aggregation import aggregate_months
from lampio.offerings.models import (
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    Keyword,
    Occurrence,
    OccurrenceStatus,
    OfferingAudience,
    OrderStatus,
)
from lampio.surveys.models import VisitorResponse

pytestmark = pytest.mark.django_db

NOW = datetime(2025, 3, 20, 10, tzinfo=UTC)
MARCH = date(2025, 3, 1)


def occurrence(offering: Any, starts: datetime, **fields: Any) -> Occurrence:
    values: dict[str, Any] = {"capacity": 20}
    values.update(fields)
    return Occurrence.objects.create(
        offering=offering, starts_at=starts, ends_at=starts + timedelta(hours=2), **values
    )


def only(measure: str) -> Fact:
    return Fact.objects.get(measure=measure)


def test_offering_measures(make_offering: Any, make_organisation: Any, make_user: Any) -> None:
    offering = make_offering(occurrences=0)
    for key in ("theatre", "dance"):
        offering.keywords.add(Keyword.objects.get_or_create(key=key, defaults={"name": key})[0])
    OfferingAudience.objects.create(offering=offering, audience="youth")
    OfferingAudience.objects.create(offering=offering, audience="adults")
    past = occurrence(offering, datetime(2025, 3, 4, 15, tzinfo=UTC), attendance=6, seats_taken=7)
    cancelled = occurrence(
        offering, datetime(2025, 3, 6, 15, tzinfo=UTC), status=OccurrenceStatus.CANCELLED
    )
    for seats, status in ((3, EnrolmentStatus.CONFIRMED), (2, EnrolmentStatus.WAITLISTED)):
        Enrolment.objects.create(occurrence=past, person=make_user(), seats=seats, status=status)
    Enrolment.objects.create(
        occurrence=cancelled, person=make_user(), seats=4, status=EnrolmentStatus.CONFIRMED
    )
    GroupOrder.objects.create(
        offering=offering,
        occurrence=past,
        unit=make_organisation(kind="care_unit"),
        group_size=4,
        status=OrderStatus.ACCEPTED,
    )
    aggregate_months(MARCH, MARCH, now=NOW)
    enrolments = only("enrolments")
    assert (enrolments.value, enrolments.n) == (7, 2)
    # One category and one audience per offering, so their totals add up.
    assert (enrolments.category, enrolments.audience, enrolments.format) == (
        "dance",
        "adults",
        "on_site",
    )
    assert enrolments.offering_id == offering.pk
    assert (only("attendance").value, only("attendance").n) == (6, 6)
    fill = only("fill_rate")
    assert (fill.value, fill.base, fill.n) == (7, 20, 7)
    # An on-site offering ordered by a care unit is not a digital session.
    assert not Fact.objects.filter(measure="care_units_reached").exists()


def test_survey_answers_by_age_group_and_home(make_organisation: Any) -> None:
    org = make_organisation()
    rows = [(5, "18-29", "oulu"), (4, "18-29", "oulu"), (2, "", "")]
    for overall, age, home in rows:
        VisitorResponse.objects.create(
            organisation=org,
            municipality=org.municipality,
            context="visit",
            answered_on=date(2025, 3, 3),
            language="fi",
            overall=overall,
            age_group=age,
            home_municipality=home,
        )
    aggregate_months(MARCH, MARCH, now=NOW)
    satisfaction = {
        (f.age_group, f.home_municipality): (f.value, f.base, f.n)
        for f in Fact.objects.filter(measure="satisfaction")
    }
    assert satisfaction == {("18-29", "oulu"): (9, 2, 2), ("", ""): (2, 1, 1)}
    responses = Fact.objects.filter(measure="survey_responses", age_group="18-29").get()
    assert (responses.value, responses.n, responses.organisation_id) == (2, 2, org.pk)
