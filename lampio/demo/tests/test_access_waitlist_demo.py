"""The demo's ways in, door systems, codes, waitlists, watches and booking feedback."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from lampio.bookings.access import access_for
from lampio.bookings.models import (
    Booking,
    BookingKind,
    BookingReview,
    BookingStatus,
    DoorSync,
    DoorSyncStatus,
    DoorSystem,
    DoorSystemKind,
    WaitlistEntry,
    WaitlistStatus,
    Watch,
)
from lampio.bookings.waitlist_services import position_in_line
from lampio.core.multilingual import translated_of
from lampio.demo.access_waitlist_data import ACCESS, OFFER
from lampio.spaces.models import AccessMethod, Space

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return (
        Space.objects.filter(access_method=AccessMethod.CODE).count(),
        DoorSystem.objects.count(),
        DoorSync.objects.count(),
        Booking.objects.count(),
        Booking.objects.exclude(access_code="").count(),
        WaitlistEntry.objects.count(),
        Watch.objects.count(),
        BookingReview.objects.count(),
    )


def test_loading_again_adds_nothing(demo):
    first = counts()
    codes = dict(Booking.objects.exclude(access_code="").values_list("pk", "access_code"))
    call_command("load_demo", "--without-history", verbosity=0)
    assert counts() == first
    assert dict(Booking.objects.exclude(access_code="").values_list("pk", "access_code")) == codes


def test_code_spaces_in_several_cities_with_doors_and_instructions(demo):
    code = Space.objects.filter(access_method=AccessMethod.CODE).select_related(
        "venue__organisation__municipality"
    )
    cities = {space.venue.organisation.municipality.slug for space in code}
    assert {"oulu", "jyvaskyla", "kuopio", "lahti"} <= cities
    assert code.count() == sum(1 for m, _d, _t in ACCESS.values() if m == AccessMethod.CODE)
    for space in code:
        assert space.door_id
        instructions = translated_of(space, "access_instructions")
        assert instructions.fi and instructions.sv
        assert "15 minutes" in instructions.en
    gym = Space.objects.get(venue__slug="tuiran-koulu", slug="liikuntasali")
    assert gym.door_id == "tuiran-koulu-sali-ovi-B"
    assert translated_of(gym, "access_instructions").en.startswith("Use the yard door B")
    assert Space.objects.filter(access_method=AccessMethod.STAFF).count() >= 5
    keys = Space.objects.filter(access_method=AccessMethod.KEY)
    assert keys.count() >= 2
    assert all(translated_of(space, "access_instructions").sv for space in keys)
    assert Space.objects.filter(access_method=AccessMethod.OPEN).exists()


def test_organisations_with_code_spaces_have_a_local_door_system(demo):
    owners = set(
        Space.objects.filter(access_method=AccessMethod.CODE).values_list(
            "venue__organisation_id", flat=True
        )
    )
    systems = DoorSystem.objects.filter(organisation_id__in=owners)
    assert systems.count() == len(owners)
    assert set(systems.values_list("kind", flat=True)) == {DoorSystemKind.LOCAL}
    failed = DoorSync.objects.get(status=DoorSyncStatus.FAILED)
    assert failed.organisation.slug == "kulttuuripalvelut"
    assert failed.last_error and failed.booking.access_code


def test_confirmed_bookings_of_code_spaces_have_codes(demo):
    bookings = Booking.objects.filter(
        space__access_method=AccessMethod.CODE,
        kind=BookingKind.BOOKING,
        status=BookingStatus.CONFIRMED,
    ).select_related("space", "booker")
    assert bookings.count() > 20
    assert not bookings.filter(access_code="").exists()
    assert all(len(code) == 8 for code in bookings.values_list("access_code", flat=True))
    upcoming = bookings.filter(starts_at__gt=timezone.now()).first()
    assert upcoming is not None and upcoming.booker is not None
    info = access_for(upcoming, viewer=upcoming.booker)
    assert info.method == AccessMethod.CODE
    assert (
        not Booking.objects.exclude(space__access_method=AccessMethod.CODE)
        .exclude(access_code="")
        .exists()
    )


def test_the_demo_resident_holds_an_open_offer_with_someone_behind_her(demo):
    email, _key, behind = OFFER
    entry = WaitlistEntry.objects.select_related("offer").get(
        person__email=email, status=WaitlistStatus.OFFERED
    )
    assert entry.offer is not None
    assert entry.offer.status == BookingStatus.HELD
    assert entry.offer.hold_expires_at is not None
    assert entry.offer.hold_expires_at > timezone.now()
    assert entry.space.slug == "liikuntasali" and entry.space.venue.slug == "tuiran-koulu"
    second = WaitlistEntry.objects.get(
        person__email=behind, space=entry.space, starts_at=entry.starts_at
    )
    assert second.status == WaitlistStatus.WAITING
    assert position_in_line(second) == 1  # the first still waiting; the offer is out


def test_people_wait_in_line_in_several_cities(demo):
    waiting = WaitlistEntry.objects.filter(status=WaitlistStatus.WAITING).select_related(
        "space__venue__organisation__municipality"
    )
    assert waiting.count() >= 4
    assert len({e.space.venue.organisation.municipality.slug for e in waiting}) >= 3
    for entry in waiting:
        # Each waits for a slot that someone else holds.
        assert (
            Booking.objects.filter(
                space=entry.space,
                status=BookingStatus.CONFIRMED,
                starts_at=entry.starts_at,
                ends_at=entry.ends_at,
            )
            .exclude(booker=entry.person)
            .exists()
            or entry.person.email == OFFER[2]
        )


def test_watches_and_reviews(demo):
    watch = Watch.objects.get(
        person__email="asukas@demo.lampio.fi", space__venue__slug="tuiran-koulu"
    )
    assert (watch.weekday, watch.starts.hour, watch.ends.hour) == (1, 18, 20)
    assert Watch.objects.filter(venue__isnull=False).exists()
    assert Watch.objects.count() >= 6
    reviews = BookingReview.objects.select_related("booking")
    assert reviews.count() >= 5
    assert {review.rating for review in reviews} >= {2, 5}
    assert all(review.booking.ends_at < timezone.now() for review in reviews)
