from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import ACTIVE_STATUSES, Booking, BookingKind, BookingStatus
from lampio.core.timeranges import LOCAL_ZONE, Interval
from lampio.demo import data
from lampio.demo.spaces_data import EVERYWHERE, RESIDENTS
from lampio.demo.spaces_loader import VENUES, load_spaces
from lampio.spaces.models import (
    Equipment,
    OpeningException,
    OpeningHours,
    Space,
    SpaceType,
    Venue,
)
from lampio.spaces.opening import opening_periods_between
from lampio.tenancy.models import Organisation, OrganisationKind

pytestmark = pytest.mark.django_db

CORE_CITIES = ("oulu", "jyvaskyla", "kuopio", "lahti")
# Roughly the middle of each city; every venue must lie within a few kilometres of it.
CITY_CENTRES = {
    "oulu": (65.01, 25.47),
    "jyvaskyla": (62.24, 25.75),
    "kuopio": (62.89, 27.68),
    "lahti": (60.98, 25.66),
    "turku": (60.45, 22.27),
}


def counts() -> tuple[int, ...]:
    return (
        Organisation.objects.count(),
        User.objects.count(),
        EmailAddress.objects.count(),
        Equipment.objects.count(),
        Venue.objects.count(),
        Space.objects.count(),
        Space.equipment.through.objects.count(),
        OpeningHours.objects.count(),
        OpeningException.objects.count(),
        Booking.objects.count(),
    )


def test_loading_again_adds_nothing(demo):
    first = counts()
    call_command("load_demo", "--without-history", verbosity=0)
    assert counts() == first


def test_about_sixty_spaces_with_hours_equipment_and_prices(demo):
    assert Space.objects.count() >= 55
    assert not Space.objects.filter(opening_hours=None).exists()
    assert not Space.objects.filter(equipment=None).exists()
    assert Space.objects.filter(price_type="free").exists()
    assert Space.objects.filter(price_type="per_hour", price__gte=Decimal("15")).exists()
    gyms = Space.objects.filter(space_type=SpaceType.GYM)
    assert gyms.count() >= 12
    assert set(gyms.values_list("slot_minutes", "requires_handling")) == {(60, False)}
    assert {hours.weekday for hours in OpeningHours.objects.filter(space__in=gyms)} == set(range(7))
    assert not Space.objects.filter(name_sv="").exists()
    assert not Space.objects.filter(name_en="").exists()


def test_each_core_city_has_every_kind_of_venue(demo):
    for city in CORE_CITIES:
        venues = Venue.objects.filter(organisation__municipality__slug=city)
        slugs = {(venue.organisation.slug, venue.slug) for venue in venues}
        kinds = Counter(spec.kind for spec in VENUES if (spec.organisation, spec.slug) in slugs)
        assert kinds["culture_centre"] >= 1, city
        assert kinds["library"] >= 1, city
        assert kinds["music_centre"] >= 1, city
        assert kinds["youth_house"] >= 1, city
        school_gyms = venues.filter(
            organisation__kind=OrganisationKind.SCHOOL, spaces__space_type=SpaceType.GYM
        ).distinct()
        assert school_gyms.count() == 3, city
        assert (
            Organisation.objects.filter(
                municipality__slug=city, kind=OrganisationKind.SCHOOL, venues__in=school_gyms
            )
            .distinct()
            .count()
            == 3
        ), city
    assert Venue.objects.filter(organisation__municipality__slug="turku").exists()


def test_every_venue_has_directions_in_three_languages_and_coordinates_in_its_city(demo):
    for venue in Venue.objects.select_related("organisation__municipality"):
        assert venue.directions_fi and venue.directions_sv and venue.directions_en, venue
        assert venue.accessibility_fi and venue.accessibility_sv and venue.accessibility_en
        assert venue.street_address and venue.postal_code and venue.post_office
        assert venue.latitude is not None and venue.longitude is not None, venue
        centre = CITY_CENTRES[venue.organisation.municipality.slug]
        assert abs(float(venue.latitude) - centre[0]) < 0.1, venue
        assert abs(float(venue.longitude) - centre[1]) < 0.2, venue


def test_no_two_active_bookings_of_a_space_overlap(demo):
    ranges = defaultdict(list)
    for space_id, start, end in Booking.objects.filter(status__in=ACTIVE_STATUSES).values_list(
        "space_id", "blocked_from", "blocked_until"
    ):
        ranges[space_id].append(Interval(start, end))
    assert sum(len(spans) for spans in ranges.values()) > 1000
    for spans in ranges.values():
        spans.sort()
        for before, after in pairwise(spans):
            assert before.end <= after.start


def test_bookings_keep_the_rules_of_their_space(demo):
    today = timezone.localdate()
    # Series run for weeks beyond these dates; test_seasons_demo checks their occurrences.
    bookings = Booking.objects.filter(kind=BookingKind.BOOKING, series__isnull=True).select_related(
        "space"
    )
    assert bookings.filter(starts_at__lt=timezone.now()).exists()
    assert bookings.filter(starts_at__gt=timezone.now() + timedelta(days=14)).exists()
    by_space = defaultdict(list)
    for booking in bookings:
        by_space[booking.space].append(booking)
    for space, of_space in by_space.items():
        periods = opening_periods_between(
            space, today - timedelta(days=8), today + timedelta(days=22)
        )
        for booking in of_space:
            wanted = Interval(booking.starts_at, booking.ends_at)
            assert any(period.contains(wanted) for period in periods), booking
            minutes = (booking.ends_at - booking.starts_at).total_seconds() / 60
            assert space.min_duration_minutes <= minutes <= space.max_duration_minutes
            local = booking.starts_at.astimezone(LOCAL_ZONE)
            assert (local.hour * 60 + local.minute) % space.slot_minutes == 0
            assert booking.blocked_from == booking.starts_at - space.buffer_before
            assert booking.blocked_until == booking.ends_at + space.buffer_after
            assert 1 <= booking.attendees <= space.capacity


def test_requests_wait_for_approval_only_where_staff_handle_bookings(demo):
    requests = Booking.objects.filter(status=BookingStatus.REQUESTED)
    assert requests.exists()
    assert not requests.filter(space__requires_handling=False).exists()
    assert not requests.filter(starts_at__lte=timezone.now()).exists()
    blocks = Booking.objects.filter(kind=BookingKind.BLOCK)
    assert blocks.filter(purpose="Lattian huolto", space__space_type=SpaceType.GYM).exists()
    assert not blocks.exclude(booker=None).exists()
    assert OpeningException.objects.filter(is_closed=True).exclude(reason_sv="").exists()


def test_documented_residents_can_still_book_and_extra_residents_can_log_in(demo):
    now = timezone.now()
    for email in EVERYWHERE:
        upcoming = Counter(
            Booking.objects.filter(
                booker__email=email, status__in=ACTIVE_STATUSES, ends_at__gt=now
            ).values_list("space_id", flat=True)
        )
        assert upcoming, email
        limits = dict(Space.objects.values_list("pk", "max_active_bookings"))
        assert all(count < limits[space] for space, count in upcoming.items()), email
    email = RESIDENTS[0][0]
    assert authenticate(email=email, password=data.DEMO_PASSWORD) is not None
    assert EmailAddress.objects.get(email=email).verified


def test_loading_on_a_later_day_adds_only_the_new_days(demo):
    organisations = {
        (organisation.municipality.slug, organisation.slug): organisation
        for organisation in Organisation.objects.select_related("municipality")
    }
    before = Booking.objects.count()
    tomorrow = timezone.now() + timedelta(days=1)
    load_spaces(organisations=organisations, now=tomorrow, today=timezone.localdate(tomorrow))
    added = Booking.objects.count() - before
    assert 0 < added < before / 10
    natural_keys = Counter(
        Booking.objects.values_list("space_id", "starts_at", "kind", "booker_id", "purpose")
    )
    assert max(natural_keys.values()) == 1
    test_no_two_active_bookings_of_a_space_overlap(demo)
