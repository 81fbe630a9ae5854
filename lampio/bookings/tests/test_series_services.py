"""Recurring series: the pattern, collisions, all-or-nothing, resident rules, codes, messages."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection
from django.utils import translation

from lampio.bookings import series_rules, series_services, services
from lampio.bookings.errors import (
    BookingRuleBroken,
    NotAllowedToBook,
    SeriesCollides,
    SlotTaken,
)
from lampio.bookings.models import Booking, BookingSeries, BookingStatus
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import OpeningException, PriceType
from lampio.tenancy.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db

NOW = local_datetime(date(2030, 6, 1), time(12))
WED = date(2030, 6, 12)  # a Wednesday


def series(actor, space, *, first=WED, last=date(2030, 7, 10), weekdays=(3,), **extra):
    fields = {
        "actor": actor,
        "space": space,
        "weekdays": weekdays,
        "interval_weeks": extra.pop("interval_weeks", 1),
        "first_date": first,
        "last_date": last,
        "starts_time": extra.pop("starts_time", time(18)),
        "ends_time": extra.pop("ends_time", time(20)),
        "purpose": "Kuoroharjoitus",
        "attendees": 12,
        "now": extra.pop("now", NOW),
    }
    return series_services.create_series(**fields, **extra)


def days(made: BookingSeries, status: str | None = None) -> list[date]:
    occurrences = made.occurrences.order_by("starts_at")
    if status:
        occurrences = occurrences.filter(status=status)
    return [timezone_date(booking.starts_at) for booking in occurrences]


def timezone_date(moment: datetime) -> date:
    from lampio.core.timeranges import LOCAL_ZONE

    return moment.astimezone(LOCAL_ZONE).date()


@pytest.fixture
def recurring(make_space):
    return make_space(allows_recurring=True)


@pytest.fixture
def staff_and_space(make_organisation, make_member, make_space):
    owner = make_organisation()
    return make_member(owner, role=Role.STAFF), make_space(owner)


# --- The pattern -----------------------------------------------------------------------------


def test_weekly_pattern_from_first_to_last_date_inclusive():
    dates = series_services.occurrence_dates(
        weekdays=[3], interval_weeks=1, first_date=WED, last_date=date(2030, 7, 3)
    )
    assert dates == [date(2030, 6, 12), date(2030, 6, 19), date(2030, 6, 26), date(2030, 7, 3)]


def test_every_second_week_on_several_weekdays_counts_weeks_from_the_first_dates_week():
    # The first date is a Wednesday: that week's Monday is before it and left out; its
    # Thursday counts; the next week is skipped; then Monday and Thursday again.
    dates = series_services.occurrence_dates(
        weekdays=[4, 1], interval_weeks=2, first_date=WED, last_date=date(2030, 7, 11)
    )
    assert dates == [
        date(2030, 6, 13),
        date(2030, 6, 24),
        date(2030, 6, 27),
        date(2030, 7, 8),
        date(2030, 7, 11),
    ]


def test_a_series_keeps_its_local_time_across_the_october_change(recurring, resident):
    # Daylight saving ends on Sunday 27 October 2030: 18:00 is 15:00 UTC before, 16:00 after.
    made = series(
        resident, recurring, first=date(2030, 10, 15), last=date(2030, 11, 5), weekdays=(2,)
    )
    utc_hours = [b.starts_at.astimezone(UTC).hour for b in made.occurrences.order_by("starts_at")]
    assert utc_hours == [15, 15, 16, 16]
    for booking in made.occurrences.all():
        assert booking.starts_at == local_datetime(timezone_date(booking.starts_at), time(18))
        assert booking.ends_at - booking.starts_at == timedelta(hours=2)


def test_a_series_keeps_its_local_time_across_the_march_change(staff_and_space):
    staff, space = staff_and_space
    # Daylight saving starts on Sunday 30 March 2031: 18:00 is 16:00 UTC before, 15:00 after.
    made = series(
        staff, space, booker=staff, first=date(2031, 3, 24), last=date(2031, 4, 4), weekdays=(5,)
    )
    hours = [b.starts_at.astimezone(UTC).hour for b in made.occurrences.order_by("starts_at")]
    assert hours == [16, 15]


def test_chosen_exceptions_are_left_out_and_recorded(recurring, resident):
    made = series(resident, recurring, skip_dates={date(2030, 6, 19), date(2030, 6, 20)})
    assert days(made) == [date(2030, 6, 12), date(2030, 6, 26), date(2030, 7, 3), date(2030, 7, 10)]
    assert made.skipped_dates == [{"date": "2030-06-19", "reason": "exception"}]


def test_nothing_left_after_the_exceptions_is_a_clear_error(recurring, resident):
    with pytest.raises(InvalidInput) as refused:
        series(resident, recurring, last=WED, skip_dates={WED})
    assert refused.value.field == "weekdays"
    assert not BookingSeries.objects.exists()


# --- Collisions ------------------------------------------------------------------------------


def test_every_colliding_date_is_reported_with_its_reason_and_nothing_is_booked(
    make_space, resident, make_user
):
    space = make_space(allows_recurring=True, closed_on_public_holidays=True)
    other = make_user()
    services.book_space(
        actor=other,
        space=space,
        starts_at=local_datetime(date(2030, 6, 26), time(19)),
        ends_at=local_datetime(date(2030, 6, 26), time(21)),
        purpose="Sähly",
        attendees=5,
        now=NOW,
    )
    OpeningException.objects.create(space=space, date=date(2030, 7, 3), is_closed=True)
    with pytest.raises(SeriesCollides) as refused:
        # Friday 6 December is Independence Day, a public holiday.
        series(resident, space, first=date(2030, 6, 12), last=date(2030, 12, 6), weekdays=(3, 5))
    # Midsummer Eve (Friday 21 June) counts as a holiday too.
    assert refused.value.collisions == [
        (date(2030, 6, 21), "closed"),
        (date(2030, 6, 26), "taken"),
        (date(2030, 7, 3), "closed"),
        (date(2030, 12, 6), "closed"),
    ]
    assert not BookingSeries.objects.exists()
    assert Booking.objects.filter(space=space).count() == 1


def test_skip_collisions_books_the_rest_and_records_the_skipped_dates(
    make_space, resident, make_user
):
    space = make_space(allows_recurring=True, buffer_after_minutes=30)
    services.block_time(
        actor=make_user(is_network_admin=True),
        space=space,
        starts_at=local_datetime(date(2030, 6, 19), time(20, 15)),
        ends_at=local_datetime(date(2030, 6, 19), time(21)),
        reason="Huolto",
    )  # inside the series' 30-minute buffer after 20:00
    OpeningException.objects.create(space=space, date=date(2030, 7, 3), is_closed=True)
    made = series(resident, space, skip_dates={date(2030, 7, 10)}, skip_collisions=True)
    assert days(made, BookingStatus.CONFIRMED) == [date(2030, 6, 12), date(2030, 6, 26)]
    assert made.skipped_dates == [
        {"date": "2030-06-19", "reason": "taken"},
        {"date": "2030-07-03", "reason": "closed"},
        {"date": "2030-07-10", "reason": "exception"},
    ]


def test_when_every_date_collides_nothing_is_booked_even_when_skipping(recurring, resident):
    for day in (WED, date(2030, 6, 19)):
        OpeningException.objects.create(space=recurring, date=day, is_closed=True)
    with translation.override("en"), pytest.raises(SeriesCollides, match="None of the dates"):
        series(resident, recurring, last=date(2030, 6, 19), skip_collisions=True)
    assert not BookingSeries.objects.exists()


def test_an_insert_refused_mid_way_rolls_back_the_whole_series(recurring, resident, monkeypatch):
    def refuse(rows, **kwargs):
        raise IntegrityError('conflicting key value violates "booking_no_overlap_in_space"')

    monkeypatch.setattr(Booking.objects, "bulk_create", refuse)
    with pytest.raises(SlotTaken):
        series(resident, recurring)
    assert not BookingSeries.objects.exists()
    assert not Booking.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the constraint is PostgreSQL's")
def test_the_database_refuses_a_series_that_skipped_the_check(
    recurring, resident, make_user, monkeypatch
):
    """Even with the overlap check gone, the exclusion constraint refuses the whole series."""
    services.book_space(
        actor=make_user(),
        space=recurring,
        starts_at=local_datetime(date(2030, 6, 26), time(18)),
        ends_at=local_datetime(date(2030, 6, 26), time(19)),
        purpose="Sähly",
        attendees=5,
        now=NOW,
    )
    monkeypatch.setattr(series_rules, "collisions", lambda *args, **kwargs: [])
    with pytest.raises(SlotTaken):
        series(resident, recurring)
    assert not BookingSeries.objects.exists()
    assert Booking.objects.filter(space=recurring).count() == 1


# --- Who may book what -----------------------------------------------------------------------


def test_residents_are_refused_where_the_space_does_not_allow_series(make_space, resident):
    with pytest.raises(NotAllowedToBook):
        series(resident, make_space(allows_recurring=False))


def test_residents_cannot_book_series_of_paid_spaces(make_space, resident):
    space = make_space(allows_recurring=True, price_type=PriceType.PER_HOUR, price=Decimal(20))
    with translation.override("en"), pytest.raises(BookingRuleBroken, match="cost something"):
        series(resident, space)


def test_residents_book_only_for_themselves(recurring, resident, make_user, make_organisation):
    with pytest.raises(PermissionDenied):
        series(resident, recurring, booker=make_user())
    with pytest.raises(PermissionDenied):
        series(resident, recurring, for_organisation=make_organisation())


def test_the_booking_window_applies_to_the_first_date_only(make_space, resident):
    space = make_space(allows_recurring=True, booking_opens_days=30)
    made = series(resident, space, first=WED, last=date(2030, 9, 25))
    assert len(days(made)) == 16  # well past the 30-day window
    with translation.override("en"), pytest.raises(BookingRuleBroken, match="open 30 days"):
        series(resident, space, first=date(2030, 7, 17), last=date(2030, 8, 7))


def test_residents_follow_the_slot_grid_and_durations(make_space, resident):
    space = make_space(allows_recurring=True, slot_minutes=60, max_duration_minutes=120)
    with pytest.raises(BookingRuleBroken) as refused:
        series(resident, space, starts_time=time(18, 30), ends_time=time(19, 30))
    assert refused.value.field == "starts_at"
    with translation.override("en"), pytest.raises(BookingRuleBroken, match="longest"):
        series(resident, space, starts_time=time(17), ends_time=time(20))


def test_residents_have_a_cap_on_the_number_of_dates(recurring, resident):
    with translation.override("en"), pytest.raises(BookingRuleBroken, match="at most 60 dates"):
        series(resident, recurring, weekdays=(1, 3, 5), first=WED, last=date(2031, 1, 31))


def test_residents_have_a_cap_on_running_series_in_one_space(recurring, resident):
    for hour in (8, 10):
        series(resident, recurring, starts_time=time(hour), ends_time=time(hour + 1))
    with (
        translation.override("en"),
        pytest.raises(BookingRuleBroken, match="recurring times in this space"),
    ):
        series(resident, recurring, starts_time=time(12), ends_time=time(13))


def test_staff_book_for_an_organisation_outside_the_resident_rules(
    staff_and_space, make_organisation
):
    staff, space = staff_and_space
    club = make_organisation(
        municipality=space.venue.organisation.municipality, kind=OrganisationKind.ASSOCIATION
    )
    space.price_type, space.price, space.booking_opens_days = PriceType.PER_HOUR, Decimal(20), 7
    space.save()
    made = series(staff, space, for_organisation=club, first=WED, last=date(2031, 5, 28))
    assert made.booker is None and made.for_organisation == club
    assert len(days(made, BookingStatus.CONFIRMED)) == 51


def test_staff_must_say_who_the_series_is_for(staff_and_space):
    staff, space = staff_and_space
    with pytest.raises(InvalidInput) as refused:
        series(staff, space)
    assert refused.value.field == "email"
