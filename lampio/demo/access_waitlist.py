"""The demo's ways in, waitlists, watches and booking feedback (see access_waitlist_data.py).

Spaces get their access method, door and instructions; organisations with code spaces get a
local door system; confirmed bookings of code spaces get their personal codes through
`grant_access`. Waitlists, the open offer and watches are made through the residents' own
services, so they hold every rule a resident meets.

Idempotent: access settings are rewritten in place; a door system is created only when
missing; only bookings without a code get one; a person joins a space's waitlist only while
they have no open entry for it; the open offer is made again only once the last one lapsed;
watches by their natural key; a space is graded only while it has no feedback; the failed door
push only while the organisation has no failed push.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from auditlog.context import disable_auditlog
from django.db import transaction
from django.utils import timezone

from lampio.accounts.models import User
from lampio.bookings import doors
from lampio.bookings.access_services import CODE_DIGITS, grant_access
from lampio.bookings.models import (
    ACTIVE_STATUSES,
    OPEN_WAITLIST_STATUSES,
    Booking,
    BookingKind,
    BookingReview,
    BookingStatus,
    DoorSync,
    DoorSyncAction,
    DoorSyncStatus,
    DoorSystem,
    DoorSystemKind,
    WaitlistEntry,
    WaitlistStatus,
    Watch,
)
from lampio.bookings.review_services import give_review
from lampio.bookings.services import cancel_booking
from lampio.bookings.waitlist_services import join_waitlist
from lampio.bookings.watch_services import add_watch
from lampio.core.errors import DomainError
from lampio.core.multilingual import set_translated
from lampio.demo.access_waitlist_data import (
    ACCESS,
    FAILED_SYNC_ERROR,
    FAILED_SYNC_SPACE,
    LONG_OFFER_HOLD_MINUTES,
    OFFER,
    REVIEWS,
    WAITING,
    WATCHES,
    SpaceKey,
)
from lampio.spaces.models import AccessMethod, Space, Venue
from lampio.tenancy.models import Organisation

PURPOSES = {"fi": "Harjoitusvuoro", "sv": "Träningstur", "en": "Practice"}


@dataclass
class AccessWaitlistLoad:
    code_spaces: int = 0
    codes_granted: int = 0
    waitlist_entries: int = 0
    watches: int = 0
    reviews: int = 0


def load_access_waitlist(
    *, organisations: Mapping[tuple[str, str], Organisation], now: datetime | None = None
) -> AccessWaitlistLoad:
    """Runs after the spaces, their bookings and the residents exist (inside `load_demo`)."""
    now = now or timezone.now()
    cities = {city for city, _slug in organisations}
    spaces = _demo_spaces(cities)
    loaded = AccessWaitlistLoad()
    # Demo rows are not staff actions (as in spaces_loader): no audit entry for each.
    with disable_auditlog():
        loaded.code_spaces = _set_access(spaces)
        _door_systems(spaces)
        loaded.codes_granted = _grant_codes(now)
        _failed_sync(spaces[FAILED_SYNC_SPACE], now)
        people = {str(user.email): user for user in User.objects.filter(email__in=_emails())}
        loaded.waitlist_entries = _offer(spaces, people, now) + _waiting(spaces, people, now)
        loaded.watches = _watches(spaces, people)
        loaded.reviews = _reviews(spaces, now)
    return loaded


def _emails() -> set[str]:
    return {OFFER[0], OFFER[2], *(email for email, _key in WAITING), *(w[0] for w in WATCHES)}


def _demo_spaces(cities: set[str]) -> dict[SpaceKey, Space]:
    found = Space.objects.filter(venue__organisation__municipality__slug__in=cities).select_related(
        "venue__organisation__municipality"
    )
    return {
        (space.venue.organisation.municipality.slug, space.venue.slug, space.slug): space
        for space in found
    }


def _set_access(spaces: Mapping[SpaceKey, Space]) -> int:
    for key, (method, door_id, instructions) in ACCESS.items():
        space = spaces.get(key)
        if space is None:
            raise LookupError(f"No demo space {key} for its access settings")
        space.access_method = method
        space.door_id = door_id
        set_translated(space, "access_instructions", instructions)
        if method == AccessMethod.CODE:
            space.offer_hold_minutes = LONG_OFFER_HOLD_MINUTES
        space.save(
            update_fields=[
                "access_method",
                "door_id",
                "access_instructions_fi",
                "access_instructions_sv",
                "access_instructions_en",
                "offer_hold_minutes",
            ]
        )
    return sum(1 for method, _door, _text in ACCESS.values() if method == AccessMethod.CODE)


def _door_systems(spaces: Mapping[SpaceKey, Space]) -> None:
    """Every organisation with code spaces has its door system; the demo's doors ask Lämpiö."""
    for key, (method, _door, _text) in ACCESS.items():
        if method == AccessMethod.CODE:
            DoorSystem.objects.get_or_create(
                organisation_id=spaces[key].venue.organisation_id,
                defaults={"kind": DoorSystemKind.LOCAL},
            )


def _grant_codes(now: datetime) -> int:
    """Confirmed bookings of code spaces without a code get one, as a new booking would.

    With a local door system `grant_access` has nothing to push: it only draws a code unique
    among the space's active bookings. Drawn here in bulk instead (one query per booking
    would add several seconds to the first load); a webhook system goes through the service.
    """
    bookings = list(
        Booking.objects.filter(
            space__access_method=AccessMethod.CODE,
            kind=BookingKind.BOOKING,
            status=BookingStatus.CONFIRMED,
            access_code="",
            ends_at__gt=now - timedelta(days=14),
        ).select_related("space__venue")
    )
    webhooks = set(
        DoorSystem.objects.filter(kind=DoorSystemKind.WEBHOOK).values_list(
            "organisation_id", flat=True
        )
    )
    in_use: dict[int, set[str]] = {}
    for space_id, code in (
        Booking.objects.filter(space__access_method=AccessMethod.CODE, status__in=ACTIVE_STATUSES)
        .exclude(access_code="")
        .values_list("space_id", "access_code")
    ):
        in_use.setdefault(space_id, set()).add(code)
    local = []
    for booking in bookings:
        if booking.space.venue.organisation_id in webhooks:
            grant_access(booking)
            continue
        taken = in_use.setdefault(booking.space_id, set())
        while (code := f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}") in taken:
            pass
        taken.add(code)
        booking.access_code = code
        local.append(booking)
    Booking.objects.bulk_update(local, ["access_code"], batch_size=500)
    return len(bookings)


def _failed_sync(space: Space, now: datetime) -> None:
    """One push the door controller never took, so the staff's alert list has something."""
    organisation_id = space.venue.organisation_id
    if DoorSync.objects.filter(
        organisation_id=organisation_id, status=DoorSyncStatus.FAILED
    ).exists():
        return
    booking = (
        Booking.objects.filter(space=space, status=BookingStatus.CONFIRMED, starts_at__gt=now)
        .exclude(access_code="")
        .select_related("space")
        .order_by("starts_at")
        .first()
    )
    if booking is None:
        return
    sync = DoorSync.objects.create(
        booking=booking,
        organisation_id=organisation_id,
        action=DoorSyncAction.GRANT,
        payload=doors.payload_for(booking, str(DoorSyncAction.GRANT), issued_at=now),
        status=DoorSyncStatus.FAILED,
        attempts=doors.MAX_ATTEMPTS,
        last_error=FAILED_SYNC_ERROR,
    )
    sync.payload["id"] = f"lampio-door-{sync.pk}"
    sync.save(update_fields=["payload"])


def _taken_slot(
    space: Space, now: datetime, *, after: datetime, not_by: list[User]
) -> Booking | None:
    """The first upcoming slot of the space that someone else has booked."""
    return (
        Booking.objects.filter(
            space=space,
            kind=BookingKind.BOOKING,
            status=BookingStatus.CONFIRMED,
            booker__isnull=False,
            starts_at__gt=after,
            starts_at__lt=now + timedelta(days=space.booking_opens_days),
            waitlist_entry__isnull=True,  # not a waitlist offer that was accepted
        )
        .exclude(booker__in=not_by)
        .select_related("booker", "space__venue__organisation")
        .order_by("starts_at")
        .first()
    )


def _join(person: User, booking: Booking, now: datetime) -> None:
    join_waitlist(
        actor=person,
        space=booking.space,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        purpose=PURPOSES.get(person.preferred_language, PURPOSES["fi"]),
        now=now,
    )


def _offer(spaces: Mapping[SpaceKey, Space], people: Mapping[str, User], now: datetime) -> int:
    """The demo resident is first in line, the booker cancels: she holds an offer for a day."""
    email, key, behind_email = OFFER
    person, behind, space = people.get(email), people.get(behind_email), spaces[key]
    if person is None or behind is None:
        return 0
    still_open = WaitlistEntry.objects.filter(
        person=person,
        space=space,
        status=WaitlistStatus.OFFERED,
        offer__status=BookingStatus.HELD,
        offer__hold_expires_at__gt=now,
    )
    if still_open.exists():
        return 0
    after = now + timedelta(hours=space.cancellation_hours + 24)
    booking = _taken_slot(space, now, after=after, not_by=[person, behind])
    if booking is None or booking.booker is None:
        return 0
    try:
        with transaction.atomic():
            _join(person, booking, now)
            _join(behind, booking, now)
            cancel_booking(actor=booking.booker, booking=booking, now=now)
    except DomainError:
        return 0  # the demo goes on without this offer rather than fail
    return 2


def _waiting(spaces: Mapping[SpaceKey, Space], people: Mapping[str, User], now: datetime) -> int:
    joined = 0
    for email, key in WAITING:
        person, space = people.get(email), spaces[key]
        if person is None:
            continue
        in_line = WaitlistEntry.objects.filter(
            person=person, space=space, status__in=OPEN_WAITLIST_STATUSES, starts_at__gt=now
        )
        if in_line.exists():
            continue
        booking = _taken_slot(space, now, after=now + timedelta(days=2), not_by=[person])
        if booking is None:
            continue
        try:
            with transaction.atomic():
                _join(person, booking, now)
        except DomainError:
            continue
        joined += 1
    return joined


def _watches(spaces: Mapping[SpaceKey, Space], people: Mapping[str, User]) -> int:
    venues: dict[tuple[str, str], Venue] = {(k[0], k[1]): s.venue for k, s in spaces.items()}
    added = 0
    for email, city, venue_slug, space_slug, weekday, starts, ends in WATCHES:
        person = people.get(email)
        if person is None:
            continue
        space = spaces[(city, venue_slug, space_slug)] if space_slug else None
        venue = None if space else venues[(city, venue_slug)]
        window = Watch.objects.filter(
            person=person, space=space, venue=venue, weekday=weekday, starts=time(starts)
        )
        if window.filter(ends=time(ends)).exists():
            continue
        try:
            add_watch(
                actor=person,
                space=space,
                venue=venue,
                weekday=weekday,
                starts=time(starts),
                ends=time(ends),
            )
        except DomainError:
            continue
        added += 1
    return added


def _reviews(spaces: Mapping[SpaceKey, Space], now: datetime) -> int:
    given = 0
    for key, rating, comment in REVIEWS:
        space = spaces[key]
        if BookingReview.objects.filter(booking__space=space).exists():
            continue
        booking = (
            Booking.objects.filter(
                space=space,
                kind=BookingKind.BOOKING,
                status=BookingStatus.CONFIRMED,
                booker__isnull=False,
                ends_at__lt=now,
            )
            .order_by("-ends_at")
            .first()
        )
        if booking is None:
            continue
        try:
            give_review(booking=booking, rating=rating, comment=comment, now=now)
        except DomainError:
            continue
        given += 1
    return given
