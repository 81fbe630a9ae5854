"""Loads the demo venues, spaces, opening hours, residents and bookings (see spaces_data.py).

Idempotent by natural keys: equipment by slug, a venue by (organisation, slug), a space by
(venue, slug), a resident by email, an opening exception by (space, date, Finnish reason).
Weekly hours are rewritten only when they differ from the data. Closed days and staff blocks
recur on calendar dates (`Recurrence`), so they do not move when the demo is loaded again on
another day. Bookings: see spaces_bookings.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from auditlog.context import disable_auditlog
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings.models import Booking
from lampio.demo import (
    data,
    spaces_data_jyvaskyla,
    spaces_data_kuopio,
    spaces_data_lahti,
    spaces_data_oulu,
    spaces_data_turku,
)
from lampio.demo.spaces_bookings import DemoSpace, SpaceKey, load_bookings
from lampio.demo.spaces_data import (
    EQUIPMENT,
    EVERYWHERE,
    EXCEPTIONS,
    HOURS,
    RESIDENTS,
    Text,
    VenueSpec,
)
from lampio.demo.spaces_data_presets import PRESETS
from lampio.spaces.models import Equipment, OpeningException, OpeningHours, Space, Venue
from lampio.tenancy.models import Membership, Organisation, Role

VENUES: list[VenueSpec] = [
    *spaces_data_oulu.VENUES,
    *spaces_data_jyvaskyla.VENUES,
    *spaces_data_kuopio.VENUES,
    *spaces_data_lahti.VENUES,
    *spaces_data_turku.VENUES,
]

# Bookings from a week back to three weeks ahead; closed days as far as residents book ahead.
BOOKINGS_BEFORE = timedelta(days=7)
BOOKINGS_AHEAD = timedelta(days=21)
EXCEPTIONS_AHEAD = timedelta(days=60)


@dataclass
class SpacesSummary:
    venues: int
    spaces: int
    bookings: int
    residents: int


def _translated(field: str, values: Text) -> dict[str, str]:
    return {
        f"{field}_{language}": value
        for language, value in zip(("fi", "sv", "en"), values, strict=True)
    }


def load_spaces(
    *,
    organisations: Mapping[tuple[str, str], Organisation],
    today: date | None = None,
    now: datetime | None = None,
) -> SpacesSummary:
    """Create or update the demo venues and spaces; add bookings missing from the window.

    Expects to run inside the caller's transaction (`load_demo`).
    """
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    # Demo data is not a staff action: an audit entry per generated row would only bury the
    # entries people make while trying the demo.
    with disable_auditlog():
        equipment = {
            slug: Equipment.objects.update_or_create(slug=slug, defaults=_translated("name", name))[
                0
            ]
            for slug, name in EQUIPMENT
        }
        demo_spaces: list[DemoSpace] = []
        for spec in VENUES:
            venue = _venue(spec, organisations[(spec.city, spec.organisation)])
            for space_spec in spec.spaces:
                preset = PRESETS[space_spec.preset]
                space, _created = Space.objects.update_or_create(
                    venue=venue,
                    slug=space_spec.slug,
                    defaults={
                        "space_type": preset.space_type,
                        "capacity": space_spec.capacity,
                        "step_free_access": spec.step_free
                        if space_spec.step_free is None
                        else space_spec.step_free,
                        "accessible_toilet": spec.accessible_toilet,
                        "induction_loop": preset.induction_loop,
                        "requires_handling": preset.requires_handling,
                        "slot_minutes": preset.slot_minutes,
                        "min_duration_minutes": preset.min_minutes,
                        "max_duration_minutes": preset.max_minutes,
                        "buffer_before_minutes": preset.buffer_before,
                        "buffer_after_minutes": preset.buffer_after,
                        "booking_opens_days": preset.booking_opens_days,
                        "cancellation_hours": preset.cancellation_hours,
                        "price_type": preset.price_type,
                        "price": Decimal(space_spec.price or preset.price),
                        **_translated("name", space_spec.name),
                        **_translated("description", space_spec.description or preset.description),
                        **_translated("terms", preset.terms),
                    },
                )
                space.equipment.set(
                    [equipment[slug] for slug in (*preset.equipment, *space_spec.extra_equipment)]
                )
                _weekly_hours(space, HOURS[preset.hours])
                demo_spaces.append(
                    DemoSpace((spec.city, spec.slug, space_spec.slug), space, preset)
                )
        _opening_exceptions(
            {item.key: item.space for item in demo_spaces},
            first=today - BOOKINGS_BEFORE,
            last=today + EXCEPTIONS_AHEAD,
        )
        residents = _residents()
        load_bookings(
            spaces=demo_spaces,
            residents=residents,
            users={str(user.email): user for user in User.objects.filter(email__in=_all_bookers())},
            staff=_staff_by_organisation(
                {item.space.venue.organisation_id for item in demo_spaces}
            ),
            first=today - BOOKINGS_BEFORE,
            last=today + BOOKINGS_AHEAD,
            now=now,
        )
    return SpacesSummary(
        venues=len(VENUES),
        spaces=len(demo_spaces),
        bookings=Booking.objects.filter(space__in=[item.space for item in demo_spaces]).count(),
        residents=len(RESIDENTS),
    )


def _venue(spec: VenueSpec, organisation: Organisation) -> Venue:
    venue, _created = Venue.objects.update_or_create(
        organisation=organisation,
        slug=spec.slug,
        defaults={
            "street_address": spec.street_address,
            "postal_code": spec.postal_code,
            "post_office": spec.post_office,
            "latitude": Decimal(spec.latitude),
            "longitude": Decimal(spec.longitude),
            "is_published": True,
            **_translated("name", spec.name),
            **_translated("description", spec.description),
            **_translated("directions", spec.directions),
            **_translated("accessibility", spec.accessibility),
        },
    )
    return venue


def _weekly_hours(space: Space, hours: list[tuple[tuple[int, ...], int, int]]) -> None:
    wanted = sorted(
        (weekday, time(opens), time(closes))
        for weekdays, opens, closes in hours
        for weekday in weekdays
    )
    if sorted(space.opening_hours.values_list("weekday", "opens", "closes")) == wanted:
        return
    space.opening_hours.all().delete()
    OpeningHours.objects.bulk_create(
        OpeningHours(space=space, weekday=weekday, opens=opens, closes=closes)
        for weekday, opens, closes in wanted
    )


def _opening_exceptions(spaces: Mapping[SpaceKey, Space], *, first: date, last: date) -> None:
    for spec in EXCEPTIONS:
        targets = [
            space
            for (city, venue, slug), space in spaces.items()
            if (city, venue) == (spec.city, spec.venue) and spec.space in (None, slug)
        ]
        if not targets:
            raise LookupError(f"No demo space for the exception {spec}")
        day = first
        while day <= last:
            if spec.when.occurs_on(day):
                for space in targets:
                    OpeningException.objects.update_or_create(
                        space=space,
                        date=day,
                        reason_fi=spec.reason[0],
                        defaults={
                            "is_closed": spec.opens is None,
                            "opens": None if spec.opens is None else time(spec.opens),
                            "closes": None if spec.closes is None else time(spec.closes),
                            "reason_sv": spec.reason[1],
                            "reason_en": spec.reason[2],
                        },
                    )
            day += timedelta(days=1)


def _all_bookers() -> list[str]:
    return [*EVERYWHERE, *(email for email, *_rest in RESIDENTS)]


def _residents() -> dict[str, list[str]]:
    """The extra residents, by city. Their password is the documented demo password."""
    by_city: dict[str, list[str]] = {}
    existing = set(User.objects.filter(email__in=_all_bookers()).values_list("email", flat=True))
    password = ""
    for email, first_name, last_name, language, city in RESIDENTS:
        by_city.setdefault(city, []).append(email)
        if email in existing:
            continue
        # One slow hash for all new residents instead of one each.
        password = password or make_password(data.DEMO_PASSWORD)
        user = User.objects.create(
            email=email,
            first_name=first_name,
            last_name=last_name,
            preferred_language=language,
            password=password,
        )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return by_city


def _staff_by_organisation(organisation_ids: set[int]) -> dict[int, User]:
    """Who decides requests and blocks time in the demo: an admin of the owner if it has one."""
    memberships = Membership.objects.filter(organisation_id__in=organisation_ids).select_related(
        "user"
    )
    staff: dict[int, User] = {}
    for membership in sorted(memberships, key=lambda m: (m.role != Role.ADMIN, m.pk)):
        staff.setdefault(membership.organisation_id, membership.user)
    return staff
