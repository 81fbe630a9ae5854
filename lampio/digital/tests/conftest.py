"""Shared setup of the digital-session tests: a provider's streamed concert and its times."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lampio.offerings.models import (
    Audience,
    Format,
    Occurrence,
    Offering,
    OfferingAudience,
    OfferingStatus,
)
from lampio.tenancy.models import OrganisationKind, Role

STREAM = "https://stream.example.fi/konsertti/index.m3u8"


@pytest.fixture
def no_staff_mfa(settings: Any) -> None:
    settings.LAMPIO_STAFF_MFA_REQUIRED = False


@pytest.fixture
def concert_provider(make_organisation: Any) -> Any:
    return make_organisation()


@pytest.fixture
def concert(concert_provider: Any) -> Offering:
    """A published, free streamed concert for older people, with individual enrolment."""
    offering = Offering.objects.create(
        organisation=concert_provider,
        title_fi="Iltapäivän konsertti",
        title_sv="Eftermiddagskonsert",
        title_en="Afternoon concert",
        short_description_fi="Kamarimusiikkia suorana lähetyksenä.",
        short_description_en="Chamber music streamed live.",
        format=Format.LIVE_STREAM,
        online_url=STREAM,
        status=OfferingStatus.PUBLISHED,
        allows_enrolment=True,
        allows_group_orders=True,
        auto_accept_orders=True,
    )
    OfferingAudience.objects.create(offering=offering, audience=Audience.OLDER_PEOPLE)
    return offering


@pytest.fixture
def make_session(concert: Offering) -> Any:
    """A time of the concert `starts_in` from now (negative: already started), an hour long."""

    def make(starts_in: timedelta = timedelta(days=1), capacity: int = 50, **fields: Any) -> Any:
        starts_at = timezone.now().replace(microsecond=0) + starts_in
        return Occurrence.objects.create(
            offering=fields.pop("offering", concert),
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=1),
            capacity=capacity,
            **fields,
        )

    return make


@pytest.fixture
def session(make_session: Any) -> Occurrence:
    """Tomorrow's concert."""
    return make_session()


@pytest.fixture
def concert_editor(concert_provider: Any, make_member: Any) -> Any:
    return make_member(concert_provider, role=Role.PROVIDER_EDITOR)


@pytest.fixture
def care_unit(make_organisation: Any, concert_provider: Any) -> Any:
    return make_organisation(
        municipality=concert_provider.municipality, kind=OrganisationKind.CARE_UNIT
    )


@pytest.fixture
def care_worker(care_unit: Any, make_member: Any) -> Any:
    return make_member(care_unit, role=Role.CARE_STAFF)


# --- Chat area (helper C) --------------------------------------------------------------------


@pytest.fixture
def chat_live_session(make_session: Any) -> Occurrence:
    """The concert, started ten minutes ago: live, chat open."""
    return make_session(starts_in=timedelta(minutes=-10))


@pytest.fixture
def chat_viewer(make_user: Any, chat_live_session: Occurrence) -> Any:
    """A person with a confirmed enrolment in the live session."""
    from lampio.offerings.models import Enrolment, EnrolmentStatus

    person = make_user(first_name="Aino", last_name="Virtanen")
    Enrolment.objects.create(
        occurrence=chat_live_session, person=person, seats=1, status=EnrolmentStatus.CONFIRMED
    )
    return person
