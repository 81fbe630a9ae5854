from __future__ import annotations

import dataclasses
from datetime import date, time
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.utils import translation

from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.core.multilingual import Translated
from lampio.spaces import services
from lampio.spaces.models import (
    Bookers,
    Equipment,
    OpeningException,
    OpeningHours,
    PriceType,
    Space,
    SpaceType,
    Venue,
)
from lampio.spaces.opening import opening_periods
from lampio.spaces.services import SpaceDetails, VenueDetails, WeeklyPeriod
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

VENUE = VenueDetails(
    name=Translated(fi="Pääkirjasto", sv="Huvudbiblioteket", en="Main library"),
    street_address="Kaarlenväylä 3",
    postal_code="90100",
    post_office="Oulu",
    directions=Translated(fi="Pääovesta sisään."),
)
SPACE = SpaceDetails(
    name=Translated(fi="Pieni sali", sv="Lilla salen", en="Small hall"),
    space_type=SpaceType.HALL,
    capacity=40,
    slot_minutes=30,
    min_duration_minutes=60,
    max_duration_minutes=180,
)


@pytest.fixture
def owner(make_organisation):
    return make_organisation()


@pytest.fixture
def staff(owner, make_member):
    return make_member(owner, role=Role.STAFF)


@pytest.fixture
def outsider(make_organisation, make_member):
    return make_member(make_organisation(), role=Role.ADMIN)


@pytest.fixture
def venue(owner, staff):
    return services.create_venue(actor=staff, organisation=owner, details=VENUE)


def test_staff_create_a_venue_in_three_languages_and_the_change_is_audited(owner, staff):
    venue = services.create_venue(actor=staff, organisation=owner, details=VENUE)
    venue.refresh_from_db()
    assert (venue.name_fi, venue.name_sv, venue.name_en) == (
        "Pääkirjasto",
        "Huvudbiblioteket",
        "Main library",
    )
    assert venue.slug == "paakirjasto"
    with translation.override("sv"):
        assert venue.name == "Huvudbiblioteket"
        assert venue.directions == "Pääovesta sisään."  # falls back to Finnish
    entry = LogEntry.objects.get_for_object(venue).get()
    assert entry.actor == staff
    assert entry.action == LogEntry.Action.CREATE
    assert entry.additional_data == {"organisation_id": owner.pk}


def test_two_venues_with_the_same_name_get_different_identifiers(owner, staff, venue):
    second = services.create_venue(actor=staff, organisation=owner, details=VENUE)
    assert second.slug == "paakirjasto-2"


def test_staff_of_another_organisation_cannot_write_anything(owner, venue, staff, outsider):
    space = services.create_space(actor=staff, venue=venue, details=SPACE)
    exception = services.add_opening_exception(
        actor=staff, space=space, date=date(2030, 12, 24), is_closed=True
    )
    refused = [
        lambda: services.create_venue(actor=outsider, organisation=owner, details=VENUE),
        lambda: services.update_venue(actor=outsider, venue=venue, details=VENUE),
        lambda: services.create_space(actor=outsider, venue=venue, details=SPACE),
        lambda: services.update_space(actor=outsider, space=space, details=SPACE),
        lambda: services.set_weekly_opening_hours(actor=outsider, space=space, periods=[]),
        lambda: services.add_opening_exception(
            actor=outsider, space=space, date=date(2030, 12, 25), is_closed=True
        ),
        lambda: services.remove_opening_exception(actor=outsider, exception=exception),
    ]
    for attempt in refused:
        with pytest.raises(PermissionDenied):
            attempt()
    assert Venue.objects.count() == 1
    assert Space.objects.count() == 1
    assert OpeningException.objects.count() == 1


def test_a_viewer_of_the_owner_may_not_write(owner, venue, make_member):
    viewer = make_member(owner, role=Role.VIEWER)
    with pytest.raises(PermissionDenied):
        services.update_venue(actor=viewer, venue=venue, details=VENUE)


def test_update_venue_changes_the_fields_and_logs_them(venue, staff):
    changed = dataclasses.replace(
        VENUE, post_office="OULU", latitude=Decimal("65.0121"), longitude=Decimal("25.4651")
    )
    services.update_venue(actor=staff, venue=venue, details=changed)
    venue.refresh_from_db()
    assert venue.post_office == "OULU"
    assert venue.latitude == Decimal("65.012100")
    update = LogEntry.objects.get_for_object(venue).get(action=LogEntry.Action.UPDATE)
    assert update.actor == staff
    assert "post_office" in update.changes_dict


def test_coordinates_come_in_pairs(venue, staff):
    with pytest.raises(InvalidInput) as error:
        services.update_venue(
            actor=staff, venue=venue, details=dataclasses.replace(VENUE, latitude=Decimal(65))
        )
    assert error.value.field == "longitude"


def test_create_space_with_every_kind_of_setting(venue, staff, make_organisation):
    projector = Equipment.objects.create(slug="projector", name_fi="Videotykki")
    club = make_organisation()
    details = dataclasses.replace(
        SPACE,
        description=Translated(fi="Valoisa sali", en="A bright hall"),
        equipment=(projector,),
        step_free_access=True,
        induction_loop=True,
        who_may_book=Bookers.ORGANISATIONS,
        allowed_organisations=(club,),
        requires_handling=True,
        price_type=PriceType.PER_HOUR,
        price=Decimal("12.50"),
        visibility="members",
    )
    space = services.create_space(actor=staff, venue=venue, details=details)
    space.refresh_from_db()
    assert space.name_en == "Small hall"
    assert space.description_en == "A bright hall"
    assert list(space.equipment.all()) == [projector]
    assert list(space.allowed_organisations.all()) == [club]
    assert (space.requires_handling, space.price, space.visibility) == (
        True,
        Decimal("12.50"),
        "members",
    )
    assert LogEntry.objects.get_for_object(space).filter(actor=staff).exists()


def test_allowed_organisations_only_apply_when_they_decide_who_may_book(
    venue, staff, make_organisation
):
    club = make_organisation()
    limited = dataclasses.replace(
        SPACE, who_may_book=Bookers.ORGANISATIONS, allowed_organisations=(club,)
    )
    space = services.create_space(actor=staff, venue=venue, details=limited)
    opened = dataclasses.replace(limited, who_may_book=Bookers.REGISTERED)
    services.update_space(actor=staff, space=space, details=opened)
    assert not space.allowed_organisations.exists()
    with pytest.raises(InvalidInput) as error:
        services.update_space(
            actor=staff,
            space=space,
            details=dataclasses.replace(limited, allowed_organisations=()),
        )
    assert error.value.field == "allowed_organisations"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_duration_minutes": 240, "max_duration_minutes": 120}, "min_duration_minutes"),
        ({"slot_minutes": 45, "min_duration_minutes": 60}, "slot_minutes"),
        ({"slot_minutes": 60, "max_duration_minutes": 150}, "slot_minutes"),
        ({"price_type": PriceType.FREE, "price": Decimal(5)}, "price"),
        ({"price_type": PriceType.FIXED, "price": Decimal(0)}, "price"),
        ({"name": Translated(en="Only English")}, "name_fi"),
    ],
)
def test_rules_between_fields_are_refused_with_their_field(venue, staff, changes, field):
    with pytest.raises(InvalidInput) as error:
        services.create_space(
            actor=staff, venue=venue, details=dataclasses.replace(SPACE, **changes)
        )
    assert error.value.field == field
    assert str(error.value.message)
    assert not Space.objects.exists()


def test_update_space_keeps_the_old_values_when_refused(venue, staff):
    space = services.create_space(actor=staff, venue=venue, details=SPACE)
    with pytest.raises(InvalidInput):
        services.update_space(
            actor=staff,
            space=space,
            details=dataclasses.replace(SPACE, capacity=10, min_duration_minutes=600),
        )
    space.refresh_from_db()
    assert space.capacity == 40


@pytest.fixture
def space(venue, staff):
    return services.create_space(actor=staff, venue=venue, details=SPACE)


def test_weekly_hours_are_replaced_as_a_whole(space, staff):
    OpeningHours.objects.create(space=space, weekday=6, opens=time(10), closes=time(14))
    services.set_weekly_opening_hours(
        actor=staff,
        space=space,
        periods=[
            WeeklyPeriod(0, time(8), time(16)),
            WeeklyPeriod(0, time(18), time(21)),
            WeeklyPeriod(4, time(18), time(2)),  # Friday night past midnight
        ],
    )
    rows = list(space.opening_hours.values_list("weekday", "opens", "closes"))
    assert rows == [(0, time(8), time(16)), (0, time(18), time(21)), (4, time(18), time(2))]
    friday_night = opening_periods(space, date(2030, 6, 14))
    assert len(friday_night) == 1
    assert friday_night[0].duration.total_seconds() == 8 * 3600
    entries = LogEntry.objects.filter(additional_data__organisation_id=space.venue.organisation_id)
    assert entries.filter(action=LogEntry.Action.DELETE, actor=staff).count() == 1
    assert entries.filter(action=LogEntry.Action.CREATE, actor=staff).count() >= 3


@pytest.mark.parametrize(
    "periods",
    [
        [WeeklyPeriod(0, time(8), time(16)), WeeklyPeriod(0, time(15), time(18))],
        [WeeklyPeriod(1, time(20), time(3)), WeeklyPeriod(2, time(2), time(6))],
        [WeeklyPeriod(6, time(22), time(4)), WeeklyPeriod(0, time(1), time(5))],  # Sun → Mon
        [WeeklyPeriod(3, time(0), time(0)), WeeklyPeriod(3, time(9), time(10))],  # 24 hours
    ],
)
def test_overlapping_periods_are_refused_and_nothing_changes(space, staff, periods):
    OpeningHours.objects.create(space=space, weekday=6, opens=time(10), closes=time(14))
    with pytest.raises(InvalidInput, match="päällekkäin"):
        services.set_weekly_opening_hours(actor=staff, space=space, periods=periods)
    assert list(space.opening_hours.values_list("weekday", flat=True)) == [6]


def test_adjacent_periods_are_fine(space, staff):
    services.set_weekly_opening_hours(
        actor=staff,
        space=space,
        periods=[WeeklyPeriod(0, time(8), time(12)), WeeklyPeriod(0, time(12), time(16))],
    )
    assert space.opening_hours.count() == 2


def test_opening_exceptions_are_added_validated_and_removed(space, staff):
    christmas = services.add_opening_exception(
        actor=staff,
        space=space,
        date=date(2030, 12, 24),
        is_closed=True,
        opens=time(8),  # ignored for a closed day
        reason=Translated(fi="Jouluaatto", sv="Julafton"),
    )
    assert (christmas.opens, christmas.reason_sv) == (None, "Julafton")
    with pytest.raises(InvalidInput) as error:
        services.add_opening_exception(
            actor=staff, space=space, date=date(2030, 12, 31), is_closed=False, opens=time(10)
        )
    assert error.value.field == "opens"
    late = services.add_opening_exception(
        actor=staff,
        space=space,
        date=date(2030, 12, 31),
        is_closed=False,
        opens=time(20),
        closes=time(2),
    )
    assert opening_periods(space, date(2030, 12, 31))[0].duration.total_seconds() == 6 * 3600
    late_pk = late.pk
    services.remove_opening_exception(actor=staff, exception=late)
    assert list(space.opening_exceptions.all()) == [christmas]
    deleted = LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=str(late_pk))
    assert deleted.get().actor == staff
