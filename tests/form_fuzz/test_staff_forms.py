"""Staff forms under generated input: the space (with its booking rules), the offering, a new
venue and an opening exception. A refused edit must leave the object as it was."""

from __future__ import annotations

from typing import Any

import pytest
from django.forms.models import model_to_dict
from django.test import Client

from lampio.offerings.models import Offering
from lampio.spaces.models import OpeningException, Space, Venue
from tests.form_fuzz.conftest import day_ahead, url
from tests.form_fuzz.harness import Target

pytestmark = pytest.mark.django_db

STAFF_EXAMPLES = 15


def snapshot(model: type[Any], pk: int) -> Any:
    return lambda: model_to_dict(model.objects.get(pk=pk))


@pytest.fixture
def space(make_space: Any) -> Space:
    return make_space(terms="Siivoa jälkesi.")


@pytest.fixture
def staff_client(client: Client, space: Space, make_member: Any) -> Client:
    client.force_login(make_member(space.venue.organisation, role="admin"))
    return client


def where(space: Space) -> dict[str, str]:
    organisation = space.venue.organisation
    return {"municipality": organisation.municipality.slug, "organisation": organisation.slug}


def test_space_and_its_booking_rules(fuzz, staff_client, space):
    address = url("spaces_staff:space_edit", space_id=space.pk, **where(space))
    target = Target(staff_client, address, [Space], watched=snapshot(Space, space.pk))
    statuses = fuzz(target, examples=STAFF_EXAMPLES)
    assert 200 in statuses, statuses


def test_offering(fuzz, staff_client, space, make_offering):
    offering = make_offering(organisation=space.venue.organisation)
    address = url("offerings_staff:edit", offering_id=offering.pk, **where(space))
    target = Target(staff_client, address, [Offering], watched=snapshot(Offering, offering.pk))
    statuses = fuzz(target, examples=STAFF_EXAMPLES)
    assert 200 in statuses, statuses


def test_new_venue(fuzz, staff_client, space):
    valid = {"name_fi": "Nuorisotalo", "street_address": "Torikatu 2", "postal_code": "90100"}
    target = Target(staff_client, url("spaces_staff:venue_new", **where(space)), [Venue], valid)
    statuses = fuzz(target, examples=STAFF_EXAMPLES)
    assert 200 in statuses, statuses


def test_opening_exception(fuzz, staff_client, space):
    address = url("spaces_staff:exception_add", space_id=space.pk, **where(space))
    valid = {"date": day_ahead(30), "opens": "10:00", "closes": "12:00"}
    target = Target(staff_client, address, [OpeningException], valid)
    page = url("spaces_staff:opening_hours", space_id=space.pk, **where(space))
    statuses = fuzz(target, page=page, examples=STAFF_EXAMPLES)
    assert 200 in statuses or 302 in statuses, statuses
