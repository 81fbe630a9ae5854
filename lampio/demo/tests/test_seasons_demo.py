"""The demo's regular slots: recurring series, open rounds, and a closed round's allocation."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from itertools import pairwise

import pytest
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingSeries, BookingStatus
from lampio.core.timeranges import LOCAL_ZONE, Interval
from lampio.demo.seasons import SeasonsLoad, load_seasons
from lampio.demo.seasons_data import RECURRING_SPACES, ROUNDS, SERIES
from lampio.seasons.models import (
    Allocation,
    AllocationRun,
    AllocationSource,
    Application,
    ApplicationRound,
    RoundPhase,
)
from lampio.seasons.services.publishing import publish_round
from lampio.spaces.models import Space
from lampio.spaces.opening import opening_periods_between
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def _rounds() -> dict[str, ApplicationRound]:
    return {
        spec.name[0].partition("{")[0]: ApplicationRound.objects.get(
            name_fi__startswith=spec.name[0].partition("{")[0],
            organisation__municipality__slug=spec.organisation[0],
            organisation__slug=spec.organisation[1],
        )
        for spec in ROUNDS
    }


def _closed() -> ApplicationRound:
    (spec,) = [spec for spec in ROUNDS if spec.closed]
    return _rounds()[spec.name[0].partition("{")[0]]


def test_youth_halls_and_band_rooms_allow_recurring_series(demo):
    for city, venue, slug in RECURRING_SPACES:
        assert Space.objects.get(
            venue__organisation__municipality__slug=city, venue__slug=venue, slug=slug
        ).allows_recurring


def test_staff_and_resident_series_are_booked_weekly(demo):
    for spec in SERIES:
        series = BookingSeries.objects.get(purpose=spec.purpose)
        occurrences = list(series.occurrences.order_by("starts_at"))
        dates = len(range(0, spec.weeks, spec.every))
        assert len(occurrences) + len(series.skipped_dates) == dates
        assert len(occurrences) >= dates // 2
        assert {o.status for o in occurrences} == {BookingStatus.CONFIRMED}
        space = series.space
        periods = opening_periods_between(
            space, series.first_date - timedelta(days=1), series.last_date
        )
        for occurrence in occurrences:
            local = occurrence.starts_at.astimezone(LOCAL_ZONE)
            assert (local.isoweekday(), local.time()) == (spec.weekday, spec.starts)
            assert occurrence.ends_at.astimezone(LOCAL_ZONE).time() == spec.ends
            assert any(
                p.contains(Interval(occurrence.starts_at, occurrence.ends_at)) for p in periods
            )
            assert occurrence.attendees == spec.attendees <= space.capacity
        assert series.created_by.email == spec.actor
        if spec.organisation is None:  # a resident's own series
            assert series.booker == series.created_by and series.for_organisation is None
        else:
            assert series.booker is None
            assert series.for_organisation == Organisation.objects.get(
                municipality__slug=spec.organisation[0], slug=spec.organisation[1]
            )


def test_open_rounds_take_applications_in_every_priority_class(demo):
    now = timezone.now()
    rounds = _rounds()
    for spec in ROUNDS:
        application_round = rounds[spec.name[0].partition("{")[0]]
        assert application_round.name_sv and application_round.name_en
        assert str(application_round.season_starts.year) in application_round.name_fi
        applications = Application.objects.filter(application_round=application_round)
        assert applications.count() == len(spec.applications) >= 5
        assert {a.priority_class.rank for a in applications} == {1, 2, 3}
        if spec.closed:
            continue
        assert application_round.phase(now) == RoundPhase.OPEN
        closes_in = application_round.applications_close_at - now
        assert timedelta(days=13) < closes_in < timedelta(days=15)
        assert application_round.season_starts.month == 9
        assert not application_round.allocations.exists()
    # An association applies through its member, as well as residents for themselves.
    assert Application.objects.filter(for_organisation__slug="pohjoisen-tanssi").count() == 2


def test_the_closed_round_has_a_proposed_allocation_to_review(demo):
    application_round = _closed()
    assert application_round.phase(timezone.now()) == RoundPhase.ALLOCATING
    run = AllocationRun.objects.get(application_round=application_round)
    allocations = list(Allocation.objects.filter(application_round=application_round))
    assert run.allocated == len(allocations) >= 4 and run.wishes > run.allocated
    by_space_day = defaultdict(list)
    for allocation in allocations:
        wish = allocation.wish
        assert allocation.source == AllocationSource.SOLVER and not allocation.locked
        assert allocation.space_id in {c.space_id for c in wish.space_choices.all()}
        assert wish.earliest_start <= allocation.starts_time < allocation.ends_time
        assert allocation.ends_time <= wish.latest_end
        by_space_day[(allocation.space_id, allocation.weekday)].append(allocation)
    for same_day in by_space_day.values():
        same_day.sort(key=lambda a: a.starts_time)
        for before, after in pairwise(same_day):
            assert before.ends_time <= after.starts_time
    # Two wishes want the same Tuesday evening: the children's and youth class goes first.
    ranks = {a.wish.application.priority_class.rank for a in allocations}
    assert 1 in ranks and run.satisfied_by_rank["1"] == 1.0 > run.satisfied_by_rank["3"]


def test_staff_can_publish_the_closed_round_as_series(demo):
    application_round = _closed()
    staff = User.objects.get(email="henkilosto.oulu@demo.lampio.fi")
    publish_round(actor=staff, application_round=application_round)
    allocations = Allocation.objects.filter(application_round=application_round)
    assert allocations.exists() and not allocations.filter(series__isnull=True).exists()
    _assert_no_active_bookings_overlap()


def test_no_two_active_bookings_overlap(demo):
    _assert_no_active_bookings_overlap()


def test_loading_again_adds_nothing(demo):
    organisations = {(o.municipality.slug, o.slug): o for o in Organisation.objects.all()}
    before = (
        BookingSeries.objects.count(),
        ApplicationRound.objects.count(),
        Booking.objects.count(),
    )
    assert load_seasons(organisations=organisations) == SeasonsLoad()
    after = (
        BookingSeries.objects.count(),
        ApplicationRound.objects.count(),
        Booking.objects.count(),
    )
    assert after == before


def _assert_no_active_bookings_overlap() -> None:
    ranges = defaultdict(list)
    for space_id, start, end in Booking.objects.filter(status__in=ACTIVE_STATUSES).values_list(
        "space_id", "blocked_from", "blocked_until"
    ):
        ranges[space_id].append(Interval(start, end))
    assert Booking.objects.filter(series__isnull=False, status__in=ACTIVE_STATUSES).exists()
    for spans in ranges.values():
        spans.sort()
        for before, after in pairwise(spans):
            assert before.end <= after.start
