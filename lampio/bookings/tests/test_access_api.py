"""The access block of the bookings API, and the door-check API of local door systems."""

from __future__ import annotations

import json
from datetime import date, time

import pytest

from lampio.bookings import access_services, services
from lampio.bookings.models import DoorSystem, DoorSystemKind
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Role

DAY = date(2030, 6, 12)
NOW = local_datetime(date(2030, 6, 1), time(12))


def test_the_booker_reads_the_booking_with_its_code(client, booking, resident):
    client.force_login(resident)
    answer = client.get(f"/api/v1/bookings/{booking.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 200
    access = answer.json()["access"]
    assert access == {
        "method": "code",
        "code": booking.access_code,
        "valid_from": "2030-06-12T17:45:00+03:00",
        "valid_until": "2030-06-12T20:00:00+03:00",
        "instructions": access["instructions"],
    }
    listed = client.get("/api/v1/bookings").json()["results"]
    assert listed[0]["access"]["code"] == booking.access_code


def test_the_owner_s_staff_see_the_code_other_organisations_never(
    client, booking, make_member, make_organisation
):
    client.force_login(make_member(booking.space.venue.organisation, role=Role.STAFF))
    assert client.get(f"/api/v1/bookings/{booking.pk}").json()["access"]["code"]
    client.force_login(make_member(make_organisation(), role=Role.ADMIN))
    answer = client.get(f"/api/v1/bookings/{booking.pk}")
    assert answer.status_code == 404
    assert booking.access_code not in answer.content.decode()
    client.force_login(make_member(booking.space.venue.organisation, role=Role.VIEWER))
    assert client.get(f"/api/v1/bookings/{booking.pk}").status_code == 404


def test_a_cancelled_booking_carries_no_code(client, booking, resident):
    services.cancel_booking(actor=resident, booking=booking, now=NOW)
    client.force_login(resident)
    access = client.get(f"/api/v1/bookings/{booking.pk}").json()["access"]
    assert access["code"] is None and access["valid_from"] is None


# --- Door check ----------------------------------------------------------------------------------


@pytest.fixture
def controller_key(code_space, make_member):
    organisation = code_space.venue.organisation
    return access_services.new_controller_key(
        actor=make_member(organisation, role=Role.ADMIN), organisation=organisation
    )


def check(client, key, door, code, when=None, remote="10.0.0.1"):
    body = {"door": door, "code": code, "at": (when or local_datetime(DAY, time(18))).isoformat()}
    return client.post(
        "/api/v1/doors/check",
        json.dumps(body),
        content_type="application/json",
        HTTP_X_DOOR_KEY=key,
        REMOTE_ADDR=remote,
    )


def test_a_door_controller_learns_whether_a_code_opens(client, booking, controller_key):
    answer = check(client, controller_key, "main", booking.access_code)
    assert answer.status_code == 200
    assert answer.json() == {"opens": True, "valid_until": "2030-06-12T20:00:00+03:00"}
    early = check(
        client, controller_key, "main", booking.access_code, local_datetime(DAY, time(17))
    )
    assert early.json() == {"opens": False, "valid_until": None}
    assert check(client, controller_key, "side", booking.access_code).json()["opens"] is False


def test_guessing_is_stopped_after_a_few_wrong_codes(client, booking, controller_key):
    for guess in range(5):
        assert check(client, controller_key, "main", f"{guess:08d}").status_code == 200
    limited = check(client, controller_key, "main", "99999999")
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    # The door stays limited from another client too.
    assert (
        check(client, controller_key, "main", booking.access_code, remote="10.0.0.2").status_code
        == 429
    )


def test_a_bad_key_is_refused(client, booking, controller_key, make_organisation):
    assert check(client, "", "main", booking.access_code).status_code == 401
    assert check(client, "ldk_1_wrong", "main", booking.access_code).status_code == 401
    assert check(client, controller_key + "x", "main", booking.access_code).status_code == 401


def test_a_webhook_door_system_s_key_is_forbidden(client, booking, controller_key):
    DoorSystem.objects.filter(organisation=booking.space.venue.organisation).update(
        kind=DoorSystemKind.WEBHOOK,
        endpoint_url="https://locks.example.fi",
        signing_secret="s" * 20,
    )
    assert check(client, controller_key, "main", booking.access_code).status_code == 403


def test_another_organisation_s_key_opens_nothing_here(client, booking, make_space, make_member):
    other = make_space(access_method=AccessMethod.CODE, door_id="main")
    organisation = other.venue.organisation
    key = access_services.new_controller_key(
        actor=make_member(organisation, role=Role.ADMIN), organisation=organisation
    )
    assert check(client, key, "main", booking.access_code).json()["opens"] is False
