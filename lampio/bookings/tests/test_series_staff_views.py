"""Staff series pages: the list, a new series for a person or an organisation, a collision
sent back with the form filled in, approving a requested series, cancelling the rest."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.urls import reverse

from lampio.bookings import series_services
from lampio.bookings.models import BookingSeries, BookingStatus
from lampio.bookings.tests.test_series_views import FIRST, LAST, form_data
from lampio.spaces.models import OpeningException
from lampio.tenancy.models import OrganisationKind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(settings, client, make_organisation, make_member, make_space):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    owner = make_organisation()
    staff = make_member(owner, role=Role.STAFF)
    client.force_login(staff)
    kwargs = {"municipality": owner.municipality.slug, "organisation": owner.slug}
    return {"owner": owner, "staff": staff, "space": make_space(owner), "kwargs": kwargs}


def url(name, desk, **extra):
    return reverse(f"series_staff:{name}", kwargs={**desk["kwargs"], **extra})


def test_the_organisation_page_links_to_the_series_list(client, desk):
    page = client.get(reverse("tenancy:organisation", kwargs=desk["kwargs"]))
    assert url("list", desk) in page.content.decode()
    assert client.get(url("list", desk)).status_code == 200


def test_staff_book_a_series_for_a_person_by_email(client, desk, resident):
    data = form_data(space=str(desk["space"].pk), email=resident.email.upper())
    response = client.post(url("new", desk), data)
    made = BookingSeries.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", desk, series_pk=made.pk)
    assert made.booker == resident and made.created_by == desk["staff"]
    listed = client.get(url("list", desk))
    assert url("detail", desk, series_pk=made.pk) in listed.content.decode()
    assert client.get(response["Location"]).status_code == 200


def test_staff_book_a_series_for_an_organisation_of_the_same_city(client, desk, make_organisation):
    club = make_organisation(
        municipality=desk["owner"].municipality, kind=OrganisationKind.ASSOCIATION
    )
    elsewhere = make_organisation(kind=OrganisationKind.ASSOCIATION)
    data = form_data(space=str(desk["space"].pk), for_organisation=str(elsewhere.pk))
    response = client.post(url("new", desk), data)
    assert response.status_code == 200 and "for_organisation" in response.context["form"].errors
    data["for_organisation"] = str(club.pk)
    assert client.post(url("new", desk), data).status_code == 302
    assert BookingSeries.objects.get().for_organisation == club


def test_unknown_email_and_collisions_come_back_with_the_form_filled_in(client, desk):
    data = form_data(space=str(desk["space"].pk), email="nobody@example.fi")
    response = client.post(url("new", desk), data)
    assert "email" in response.context["form"].errors
    assert 'value="nobody@example.fi"' in response.content.decode()
    data["email"] = desk["staff"].email
    OpeningException.objects.create(space=desk["space"], date=LAST, is_closed=True)
    response = client.post(url("new", desk), data)
    assert response.context["collisions"] == [(LAST, "closed")]
    assert not BookingSeries.objects.exists()
    data["skip_collisions"] = "1"
    assert client.post(url("new", desk), data).status_code == 302
    assert BookingSeries.objects.get().occurrences.count() == 3


def test_staff_approve_a_requested_series_and_cancel_its_rest(client, desk, resident):
    space = desk["space"]
    space.allows_recurring = space.requires_handling = True
    space.save()
    made = series_services.create_series(
        actor=resident,
        space=space,
        weekdays=[3],
        interval_weeks=1,
        first_date=FIRST,
        last_date=LAST,
        starts_time=time(18),
        ends_time=time(20),
        purpose="Kuoroharjoitus",
        attendees=12,
    )
    page = client.get(url("detail", desk, series_pk=made.pk))
    assert url("decide", desk, series_pk=made.pk) in page.content.decode()
    response = client.post(url("decide", desk, series_pk=made.pk), {"decision": "deny"})
    assert response.status_code == 200 and "reason" in response.context["decision_form"].errors
    client.post(url("decide", desk, series_pk=made.pk), {"decision": "approve"})
    assert set(made.occurrences.values_list("status", flat=True)) == {BookingStatus.CONFIRMED}
    from_date = (FIRST + timedelta(weeks=1)).isoformat()
    client.post(url("cancel_rest", desk, series_pk=made.pk), {"from_date": from_date})
    assert made.occurrences.filter(status=BookingStatus.CONFIRMED).count() == 1
    first = made.occurrences.get(status=BookingStatus.CONFIRMED)
    client.post(url("cancel_occurrence", desk, series_pk=made.pk, series_date_id=first.pk))
    assert not made.occurrences.filter(status=BookingStatus.CONFIRMED).exists()


def test_series_of_other_organisations_are_not_found(client, desk, make_space, make_member):
    other_space = make_space()
    other_staff = make_member(other_space.venue.organisation, role=Role.STAFF)
    made = series_services.create_series(
        actor=other_staff,
        space=other_space,
        booker=other_staff,
        weekdays=[3],
        interval_weeks=1,
        first_date=FIRST,
        last_date=LAST,
        starts_time=time(18),
        ends_time=time(20),
        purpose="Kokous",
        attendees=2,
    )
    assert client.get(url("detail", desk, series_pk=made.pk)).status_code == 404
    assert client.post(url("cancel_rest", desk, series_pk=made.pk)).status_code == 404
