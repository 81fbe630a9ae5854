"""Writes on venues, spaces and opening hours by the staff of the owning organisation.

Every function checks `can(actor, Action.MANAGE, …)` and writes inside `set_actor(actor)`, so
django-auditlog records who changed what. The forms check the shape of the input; the rules
that hold between fields (durations, price, who may book) are checked here, so the API and any
future import get the same refusals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.locking import lock_rows
from lampio.core.multilingual import Translated, set_translated
from lampio.spaces.models import (
    Bookers,
    Equipment,
    OpeningException,
    OpeningHours,
    PriceType,
    Space,
    Venue,
    Visibility,
    Weekday,
)
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
MAX_WEEKLY_PERIODS = 50


@dataclass(frozen=True)
class VenueDetails:
    name: Translated
    street_address: str
    postal_code: str
    post_office: str
    description: Translated = Translated()
    directions: Translated = Translated()
    accessibility: Translated = Translated()
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    is_published: bool = True


@dataclass(frozen=True)
class SpaceDetails:
    name: Translated
    space_type: str
    capacity: int
    description: Translated = Translated()
    terms: Translated = Translated()
    is_indoor: bool = True
    equipment: tuple[Equipment, ...] = ()
    step_free_access: bool = False
    accessible_toilet: bool = False
    induction_loop: bool = False
    visibility: str = Visibility.PUBLIC
    is_published: bool = True
    who_may_book: str = Bookers.REGISTERED
    allowed_organisations: tuple[Organisation, ...] = field(default_factory=tuple)
    requires_handling: bool = False
    slot_minutes: int = 30
    min_duration_minutes: int = 30
    max_duration_minutes: int = 240
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    booking_opens_days: int = 60
    booking_closes_hours: int = 0
    max_active_bookings: int = 5
    cancellation_hours: int = 24
    allows_multi_day: bool = False
    allows_recurring: bool = False
    closed_on_public_holidays: bool = True
    price_type: str = PriceType.FREE
    price: Decimal = Decimal(0)


class WeeklyPeriod(NamedTuple):
    """Local wall-clock hours on one weekday; `closes` at or before `opens` runs past midnight."""

    weekday: int
    opens: time
    closes: time


def _require_manage(actor: User, obj: Any) -> None:
    if not can(actor, Action.MANAGE, obj):
        raise PermissionDenied()


def _unique_slug(base: str, taken: set[str]) -> str:
    slug = slugify(base)[:40] or "space"
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


# --- Venues ------------------------------------------------------------------------------------


def _check_venue(details: VenueDetails) -> None:
    if not details.name.fi.strip():
        raise InvalidInput(_("Give the name in Finnish."), field="name_fi")
    if (details.latitude is None) != (details.longitude is None):
        raise InvalidInput(
            _("Give both the latitude and the longitude, or neither."), field="longitude"
        )


def _apply_venue(venue: Venue, details: VenueDetails) -> None:
    for name in ("name", "description", "directions", "accessibility"):
        set_translated(venue, name, getattr(details, name))
    venue.street_address = details.street_address.strip()
    venue.postal_code = details.postal_code.strip()
    venue.post_office = details.post_office.strip()
    venue.latitude, venue.longitude = details.latitude, details.longitude
    venue.is_published = details.is_published


def create_venue(*, actor: User, organisation: Organisation, details: VenueDetails) -> Venue:
    _require_manage(actor, organisation)
    _check_venue(details)
    with transaction.atomic(), set_actor(actor):
        taken = set(Venue.objects.filter(organisation=organisation).values_list("slug", flat=True))
        venue = Venue(organisation=organisation, slug=_unique_slug(details.name.fi, taken))
        _apply_venue(venue, details)
        try:
            with transaction.atomic():
                venue.save()
        except IntegrityError as error:  # another venue took the same identifier just now
            raise Conflict() from error
    return venue


def update_venue(*, actor: User, venue: Venue, details: VenueDetails) -> Venue:
    _require_manage(actor, venue)
    _check_venue(details)
    with transaction.atomic(), set_actor(actor):
        venue = Venue.objects.select_for_update().get(pk=venue.pk)
        _apply_venue(venue, details)
        venue.save()
    return venue


# --- Spaces ------------------------------------------------------------------------------------


def _check_space(details: SpaceDetails) -> None:
    """The rules between fields that the booking rules rely on."""
    if not details.name.fi.strip():
        raise InvalidInput(_("Give the name in Finnish."), field="name_fi")
    if details.min_duration_minutes > details.max_duration_minutes:
        raise InvalidInput(
            _("The shortest booking cannot be longer than the longest booking."),
            field="min_duration_minutes",
        )
    slot = details.slot_minutes
    if slot <= 0 or details.min_duration_minutes % slot or details.max_duration_minutes % slot:
        # Bookings start and end on the slot grid, so other durations could never be booked.
        raise InvalidInput(
            _(
                "The slot length must divide both the shortest and the longest booking evenly, "
                "e.g. 30-minute slots with bookings of 60 to 240 minutes."
            ),
            field="slot_minutes",
        )
    if details.price_type == PriceType.FREE and details.price != 0:
        raise InvalidInput(
            _("A free space has no price. Choose another kind of price or set the price to 0."),
            field="price",
        )
    if details.price_type != PriceType.FREE and details.price <= 0:
        raise InvalidInput(_("Give the price of the space."), field="price")
    if details.who_may_book == Bookers.ORGANISATIONS and not details.allowed_organisations:
        raise InvalidInput(
            _("Choose at least one organisation whose members may book the space."),
            field="allowed_organisations",
        )


SCALAR_SPACE_FIELDS = (
    "space_type",
    "capacity",
    "is_indoor",
    "step_free_access",
    "accessible_toilet",
    "induction_loop",
    "visibility",
    "is_published",
    "who_may_book",
    "requires_handling",
    "slot_minutes",
    "min_duration_minutes",
    "max_duration_minutes",
    "buffer_before_minutes",
    "buffer_after_minutes",
    "booking_opens_days",
    "booking_closes_hours",
    "max_active_bookings",
    "cancellation_hours",
    "allows_multi_day",
    "allows_recurring",
    "closed_on_public_holidays",
    "price_type",
    "price",
)


def _save_space(space: Space, details: SpaceDetails) -> Space:
    for name in ("name", "description", "terms"):
        set_translated(space, name, getattr(details, name))
    for name in SCALAR_SPACE_FIELDS:
        setattr(space, name, getattr(details, name))
    try:
        with transaction.atomic():
            space.save()
    except IntegrityError as error:  # a check constraint the rules above should have caught
        raise InvalidInput() from error
    space.equipment.set(details.equipment)
    # The list only applies while members of listed organisations may book; keeping a stale
    # one would silently come back into force when someone switches the setting again.
    allowed = details.allowed_organisations if details.who_may_book == Bookers.ORGANISATIONS else ()
    space.allowed_organisations.set(allowed)
    return space


def create_space(*, actor: User, venue: Venue, details: SpaceDetails) -> Space:
    _require_manage(actor, venue)
    _check_space(details)
    with transaction.atomic(), set_actor(actor):
        taken = set(Space.objects.filter(venue=venue).values_list("slug", flat=True))
        space = Space(venue=venue, slug=_unique_slug(details.name.fi, taken))
        return _save_space(space, details)


def update_space(*, actor: User, space: Space, details: SpaceDetails) -> Space:
    _require_manage(actor, space)
    _check_space(details)
    with transaction.atomic(), set_actor(actor):
        locked = Space.objects.select_for_update().select_related("venue").get(pk=space.pk)
        return _save_space(locked, details)


# --- Opening hours -----------------------------------------------------------------------------


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _week_range(period: WeeklyPeriod) -> tuple[int, int]:
    """Minutes from Monday 00:00; a period closing at or before it opens lasts past midnight."""
    start = period.weekday * MINUTES_PER_DAY + _minutes(period.opens)
    length = (_minutes(period.closes) - _minutes(period.opens)) % MINUTES_PER_DAY
    return start, start + (length or MINUTES_PER_DAY)


def _label(period: WeeklyPeriod) -> str:
    return f"{Weekday(period.weekday).label} {period.opens:%H:%M}–{period.closes:%H:%M}"


def _check_weekly(periods: Sequence[WeeklyPeriod]) -> None:
    if len(periods) > MAX_WEEKLY_PERIODS:
        raise InvalidInput(
            _("A week can have at most %(count)d opening periods.") % {"count": MAX_WEEKLY_PERIODS}
        )
    if any(period.weekday not in Weekday.values for period in periods):
        raise InvalidInput(_("Choose a weekday for every opening period."), field="weekday")
    ranges = [(_week_range(period), period) for period in periods]
    for index, ((start, end), period) in enumerate(ranges):
        for (other_start, other_end), other in ranges[index + 1 :]:
            # Sunday night runs into Monday morning, so compare a week later and earlier too.
            for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
                if start < other_end + shift and other_start + shift < end:
                    raise InvalidInput(
                        _("The opening periods %(first)s and %(second)s overlap.")
                        % {"first": _label(period), "second": _label(other)}
                    )


def set_weekly_opening_hours(
    *, actor: User, space: Space, periods: Sequence[WeeklyPeriod]
) -> list[OpeningHours]:
    """Replace the space's whole weekly pattern at once: either all new periods or none.

    Rows are deleted and created one by one (not in bulk) so that each is in the audit log.
    """
    _require_manage(actor, space)
    _check_weekly(periods)
    ordered = sorted(periods, key=lambda period: (period.weekday, period.opens))
    with transaction.atomic(), set_actor(actor):
        lock_rows(Space.objects.filter(pk=space.pk))
        for old in OpeningHours.objects.filter(space=space).select_related("space__venue"):
            old.delete()
        return [
            OpeningHours.objects.create(
                space=space, weekday=period.weekday, opens=period.opens, closes=period.closes
            )
            for period in ordered
        ]


def add_opening_exception(
    *,
    actor: User,
    space: Space,
    date: date,
    is_closed: bool,
    opens: time | None = None,
    closes: time | None = None,
    reason: Translated = Translated(),
) -> OpeningException:
    """A date with other hours than usual; its hours replace the weekly ones for that date."""
    _require_manage(actor, space)
    if not is_closed and (opens is None or closes is None):
        raise InvalidInput(
            _("Give the opening and closing times, or mark the day closed."), field="opens"
        )
    exception = OpeningException(
        space=space,
        date=date,
        is_closed=is_closed,
        opens=None if is_closed else opens,
        closes=None if is_closed else closes,
    )
    set_translated(exception, "reason", reason)
    with transaction.atomic(), set_actor(actor):
        exception.save()
    return exception


def remove_opening_exception(*, actor: User, exception: OpeningException) -> None:
    _require_manage(actor, exception.space)
    with transaction.atomic(), set_actor(actor):
        exception.delete()
