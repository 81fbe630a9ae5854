"""Who sees which series, the dates with what the viewer may do, and personal data."""

from __future__ import annotations

from datetime import date, time

import pytest

from lampio.accounts.selectors import personal_data_export
from lampio.accounts.services import delete_account
from lampio.bookings import series_selectors, series_services
from lampio.bookings.models import Booking, BookingSeries, BookingStatus
from lampio.core.errors import NotFound
from lampio.core.timeranges import local_datetime
from lampio.tenancy.models import Membership, OrganisationKind, Role

pytestmark = pytest.mark.django_db

NOW = local_datetime(date(2030, 6, 1), time(12))


def make_series(actor, space, **extra):
    fields = {
        "weekdays": [3],
        "interval_weeks": 1,
        "first_date": date(2030, 6, 12),
        "last_date": date(2030, 7, 3),
        "starts_time": time(18),
        "ends_time": time(20),
        "purpose": "Kuoroharjoitus",
        "attendees": 10,
        "now": NOW,
    }
    return series_services.create_series(actor=actor, space=space, **{**fields, **extra})


@pytest.fixture
def world(make_space, make_organisation, make_member, make_user, resident):
    space = make_space(allows_recurring=True, cancellation_hours=24)
    owner = space.venue.organisation
    staff = make_member(owner, role=Role.STAFF)
    club = make_organisation(municipality=owner.municipality, kind=OrganisationKind.ASSOCIATION)
    member = make_member(club, role=Role.VIEWER)
    own = make_series(resident, space)
    clubs = make_series(staff, space, for_organisation=club, starts_time=time(8), ends_time=time(9))
    return {
        "space": space,
        "staff": staff,
        "member": member,
        "own": own,
        "clubs": clubs,
        "stranger": make_user(),
        "other_staff": make_member(make_organisation(), role=Role.ADMIN),
    }


def test_series_of_lists_own_series_and_those_of_ones_organisations(world, resident):
    assert list(series_selectors.series_of(actor=resident)) == [world["own"]]
    assert list(series_selectors.series_of(actor=world["member"])) == [world["clubs"]]
    assert list(series_selectors.series_of(actor=world["stranger"])) == []
    listed = series_selectors.series_of(actor=resident, now=NOW).get()
    assert listed.upcoming_count == 4
    assert listed.next_starts_at == local_datetime(date(2030, 6, 12), time(18))


def test_series_detail_is_not_found_for_others_but_staff_of_the_owner_see_it(world, resident):
    own = world["own"]
    assert series_selectors.series_detail(actor=resident, series_id=own.pk) == own
    assert series_selectors.series_detail(actor=world["staff"], series_id=own.pk) == own
    for outsider in (world["stranger"], world["other_staff"], world["member"]):
        with pytest.raises(NotFound):
            series_selectors.series_detail(actor=outsider, series_id=own.pk)


def test_occurrences_say_what_the_viewer_may_cancel(world, resident):
    own = world["own"]
    # A day before the second date (cancellable until 24 hours before): the first has passed.
    now = local_datetime(date(2030, 6, 18), time(20))
    rows = series_selectors.occurrences(actor=resident, series=own, now=now)
    assert [row.day for row in rows] == [date(2030, 6, d) for d in (12, 19, 26)] + [
        date(2030, 7, 3)
    ]
    assert [row.may_cancel for row in rows] == [False, False, True, True]
    assert [row.past_deadline for row in rows] == [False, True, False, False]
    staff_rows = series_selectors.occurrences(actor=world["staff"], series=own, now=now)
    assert [row.may_cancel for row in staff_rows] == [False, True, True, True]


def test_organisation_series_is_scoped_to_the_managing_staff(world):
    owner = world["space"].venue.organisation
    found = series_selectors.organisation_series(actor=world["staff"], organisation=owner)
    assert set(found) == {world["own"], world["clubs"]}
    assert not series_selectors.organisation_series(actor=world["other_staff"], organisation=owner)
    with pytest.raises(NotFound):
        series_selectors.managed_series(
            actor=world["other_staff"], organisation=owner, series_id=world["own"].pk
        )


def test_export_lists_the_persons_series(world, resident):
    exported = personal_data_export(user=resident)["sections"]["booking_series"]
    assert exported[0]["purpose"] == "Kuoroharjoitus"
    assert exported[0]["weekdays"] == [3]
    assert exported[0]["first_date"] == "2030-06-12"


def test_erasing_keeps_an_organisations_series_but_removes_the_person(world, resident):
    member = world["member"]
    club_series = world["clubs"]
    BookingSeries.objects.filter(pk=club_series.pk).update(booker=member)
    Booking.objects.filter(series=club_series).update(booker=member)
    delete_account(actor=member, user=member)
    delete_account(actor=resident, user=resident)
    club_series.refresh_from_db()
    assert club_series.booker is None and club_series.purpose == "Kuoroharjoitus"
    assert set(club_series.occurrences.values_list("status", flat=True)) == {
        BookingStatus.CONFIRMED
    }
    own = world["own"]
    own.refresh_from_db()
    assert own.booker is None and own.purpose == ""
    assert not Membership.objects.filter(user=resident).exists()
