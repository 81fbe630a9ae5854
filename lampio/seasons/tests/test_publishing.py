"""Publishing: each allocation becomes a series (all or nothing), each applicant is told."""

from __future__ import annotations

from datetime import date, time

import pytest

from lampio.bookings.errors import SlotTaken
from lampio.bookings.models import Booking, BookingSeries, BookingStatus
from lampio.bookings.services import block_time
from lampio.core.timeranges import local_datetime
from lampio.notifications.models import Delivery
from lampio.seasons.errors import ApplicationsStillOpen, PublishFailed, RoundPublished
from lampio.seasons.messages import KEY
from lampio.seasons.models import Allocation, AllocationSource, ApplicationRound
from lampio.seasons.services.allocation import run_allocation
from lampio.seasons.services.publishing import publish_round
from lampio.seasons.tests.round_factories import (
    NOW,
    WHILE_OPEN,
    apply,
    make_round,
    season_dates,
)
from lampio.spaces.models import OpeningException
from lampio.tenancy.models import OrganisationKind


@pytest.fixture
def hall(org, make_space):
    return make_space(org, capacity=40)


@pytest.fixture
def allocated(staff, org, hall, make_user, make_organisation):
    """A Finnish-speaking club member and a Swedish-speaking person; the person's second wish
    (Tuesday 17–20, after the club) cannot be met."""
    application_round = make_round(staff, org, [hall])
    club = make_organisation(kind=OrganisationKind.ASSOCIATION)
    finn = make_user(first_name="Matti", preferred_language="fi")
    swede = make_user(first_name="Sven", preferred_language="sv")
    apply(
        application_round,
        finn,
        activity="Juniorisähly",
        for_organisation=club,
        wishes=[{"minutes": 180, "spaces": [hall]}],
    )
    apply(
        application_round,
        swede,
        activity="Körsång",
        rank=2,
        wishes=[
            {"weekday": 3, "earliest": time(18), "latest": time(20), "minutes": 120},
            {"weekday": 2, "minutes": 60},
        ],
    )
    # Closed on Christmas Eve, a Tuesday: weekly hours do not show it, publishing skips it.
    OpeningException.objects.create(space=hall, date=date(2030, 12, 24), is_closed=True)
    run_allocation(actor=staff, application_round=application_round, time_limit=5, now=NOW)
    return application_round


def test_publishing_books_every_allocation_as_a_weekly_series(allocated, staff, hall):
    result = publish_round(actor=staff, application_round=allocated, now=NOW)

    assert len(result.series) == 2
    allocations = {a.wish.application.activity: a for a in allocated.allocations.all()}
    junior = allocations["Juniorisähly"].series
    assert junior is not None
    assert (junior.weekdays, junior.starts_time, junior.ends_time) == ([2], time(17), time(20))
    assert (junior.first_date, junior.last_date) == (date(2030, 9, 2), date(2031, 5, 31))
    assert junior.for_organisation is not None and junior.purpose == "Juniorisähly"
    occurrences = Booking.objects.filter(series=junior, status=BookingStatus.CONFIRMED)
    tuesdays = season_dates(2)
    assert occurrences.count() == len(tuesdays) - 1
    assert [item["date"] for item in junior.skipped_dates] == ["2030-12-24"]
    assert result.skipped[allocations["Juniorisähly"].pk] == [date(2030, 12, 24)]
    allocated.refresh_from_db()
    assert allocated.published_at == NOW


def test_published_slots_cannot_be_double_booked(allocated, staff, hall):
    publish_round(actor=staff, application_round=allocated, now=NOW)
    with pytest.raises(SlotTaken):
        block_time(
            actor=staff,
            space=hall,
            starts_at=local_datetime(date(2030, 9, 3), time(18)),
            ends_at=local_datetime(date(2030, 9, 3), time(19)),
            reason="Päällekkäin",
        )


def test_a_round_is_published_once(allocated, staff):
    publish_round(actor=staff, application_round=allocated, now=NOW)
    with pytest.raises(RoundPublished):
        publish_round(actor=staff, application_round=allocated, now=NOW)
    assert BookingSeries.objects.count() == 2


def test_publishing_waits_for_the_applications_to_close(allocated, staff):
    with pytest.raises(ApplicationsStillOpen):
        publish_round(actor=staff, application_round=allocated, now=WHILE_OPEN)


def test_one_failing_allocation_fails_the_whole_publish(allocated, staff, hall, org, make_space):
    small = make_space(org, capacity=5)
    allocated.spaces.add(small)
    swede_wish = allocated.applications.get(activity="Körsång").wishes.get(weekday=2)
    Allocation.objects.create(  # straight in the database: 12 people in a room for 5
        application_round=allocated,
        wish=swede_wish,
        space=small,
        weekday=2,
        starts_time=time(10),
        ends_time=time(11),
        source=AllocationSource.STAFF,
        locked=True,
    )
    with pytest.raises(PublishFailed) as refused:
        publish_round(actor=staff, application_round=allocated, now=NOW)
    assert "Körsång" in str(refused.value.message)
    assert (
        not BookingSeries.objects.exists()
        and not Booking.objects.filter(series__isnull=False).exists()
    )
    assert ApplicationRound.objects.get(pk=allocated.pk).published_at is None
    assert not Delivery.objects.filter(key=KEY).exists()


def test_each_applicant_is_told_once_in_their_own_language(allocated, staff, hall):
    publish_round(actor=staff, application_round=allocated, now=NOW)

    messages = {d.recipient.first_name: d for d in Delivery.objects.filter(key=KEY)}
    assert set(messages) == {"Matti", "Sven"}
    finnish, swedish = messages["Matti"], messages["Sven"]
    assert (finnish.language, swedish.language) == ("fi", "sv")
    assert "Fasta turer 2030–2031" in swedish.subject
    assert "Vakiovuorot 2030–2031" in finnish.subject
    assert "Juniorisähly" in finnish.body and "Tiistai 17.00–20.00" in finnish.body
    assert "Liikuntasali" in finnish.body and "24.12.2030" in finnish.body
    assert "Körsång" in swedish.body and "Onsdag 18.00–20.00" in swedish.body
    assert "Gymnastiksal" in swedish.body
    # What Sven did not get: the Tuesday wish, with its window.
    assert "Tisdag 17.00–20.00, 60 min" in swedish.body
    assert "Körsång" not in finnish.body
