"""Shared setup of the survey tests: an organisation with a venue, and visits that ended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lampio.bookings.models import Booking, BookingStatus
from lampio.spaces.models import Space
from lampio.surveys.invitations import Invitation, invitation_token, last_day_after, visit_key
from lampio.surveys.models import Context
from lampio.tenancy.models import Municipality, Organisation


@pytest.fixture
def city(make_municipality: Callable[..., Municipality]) -> Municipality:
    return make_municipality(slug="oulu", name="Oulu")


@pytest.fixture
def space(
    city: Municipality,
    make_organisation: Callable[..., Organisation],
    make_space: Callable[..., Space],
) -> Space:
    return make_space(make_organisation(municipality=city, slug="kirjasto"))


@pytest.fixture
def organisation(space: Space) -> Organisation:
    return space.venue.organisation


@pytest.fixture
def past_booking(space: Space, resident: Any) -> Booking:
    """A confirmed booking of the resident that ended two hours ago."""
    start = timezone.now() - timedelta(hours=3)
    return Booking.objects.create(
        space=space,
        booker=resident,
        status=BookingStatus.CONFIRMED,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        blocked_from=start,
        blocked_until=start + timedelta(hours=1),
        purpose="Kuoroharjoitus",
    )


@pytest.fixture
def invitation(space: Space) -> Invitation:
    return Invitation(
        space.venue.organisation_id,
        space.venue_id,
        Context.BOOKING.value,
        visit_key("booking", 12345),
        last_day_after(timezone.now()),
    )


@pytest.fixture
def token(invitation: Invitation) -> str:
    return invitation_token(invitation)
