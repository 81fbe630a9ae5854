"""The waitlist API: join (201), mine, accept (the booking), leave; problems as problem+json."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from lampio.bookings import services
from lampio.bookings.models import Booking, BookingStatus, WaitlistEntry
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import AccessMethod

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
DAY = date(2030, 6, 12)  # Helsinki at +03:00


def at(hour: int) -> datetime:
    return local_datetime(DAY, time(hour))


def iso(hour: int) -> str:
    return f"{DAY.isoformat()}T{hour:02d}:00:00+03:00"


def post(client, path, body=None):
    return client.post(path, data=json.dumps(body or {}), content_type="application/json")


def problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == code and body["detail"]
    return body


@pytest.fixture
def world(make_space, make_user):
    space = make_space(access_method=AccessMethod.CODE, booking_opens_days=3650)
    a, b = make_user(), make_user()
    booking = services.book_space(
        actor=a, space=space, starts_at=at(18), ends_at=at(19), purpose="Sähly", attendees=2
    )
    return space, booking, a, b


def test_join_list_and_leave(client, world):
    space, _booking, _a, b = world
    client.force_login(b)
    created = post(
        client, "/api/v1/waitlist", {"space_id": space.pk, "starts_at": iso(18), "ends_at": iso(19)}
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["status"] == "waiting" and body["position"] == 1
    assert body["starts_at"] == "2030-06-12T18:00:00+03:00"
    assert body["offer_expires_at"] is None
    mine = client.get("/api/v1/waitlist").json()
    assert [entry["id"] for entry in mine] == [body["id"]]
    left = client.delete(f"/api/v1/waitlist/{body['id']}")
    assert left.status_code == 204
    assert client.get("/api/v1/waitlist").json() == []


def test_a_free_slot_and_a_second_join_are_conflicts(client, world):
    space, _booking, _a, b = world
    client.force_login(b)
    free = {"space_id": space.pk, "starts_at": iso(20), "ends_at": iso(21)}
    problem(post(client, "/api/v1/waitlist", free), 409, "slot_is_free")
    taken = {"space_id": space.pk, "starts_at": iso(18), "ends_at": iso(19)}
    assert post(client, "/api/v1/waitlist", taken).status_code == 201
    problem(post(client, "/api/v1/waitlist", taken), 409, "already_in_line")
    naive = {"space_id": space.pk, "starts_at": "2030-06-12T18:00", "ends_at": "2030-06-12T19:00"}
    assert post(client, "/api/v1/waitlist", naive).status_code == 400


def test_accepting_an_offer_returns_the_booking_with_access(client, world):
    space, booking, a, b = world
    client.force_login(b)
    entry_id = post(
        client, "/api/v1/waitlist", {"space_id": space.pk, "starts_at": iso(18), "ends_at": iso(19)}
    ).json()["id"]
    services.cancel_booking(actor=a, booking=booking)
    offered = client.get("/api/v1/waitlist").json()[0]
    assert offered["status"] == "offered" and offered["offer_expires_at"]
    accepted = post(client, f"/api/v1/waitlist/{entry_id}/accept")
    assert accepted.status_code == 200, accepted.content
    body = accepted.json()
    assert body["status"] == "confirmed"
    assert body["access"]["method"] == "code" and body["access"]["code"]
    twice = post(client, f"/api/v1/waitlist/{entry_id}/accept")
    assert twice.json()["id"] == body["id"]
    assert Booking.objects.filter(booker=b).count() == 1
    assert client.get("/api/v1/waitlist").json()[0]["booking_id"] == body["id"]


def test_accepting_a_lapsed_offer_is_a_conflict(client, world):
    space, booking, a, b = world
    client.force_login(b)
    entry_id = post(
        client, "/api/v1/waitlist", {"space_id": space.pk, "starts_at": iso(18), "ends_at": iso(19)}
    ).json()["id"]
    services.cancel_booking(actor=a, booking=booking)
    Booking.objects.filter(booker=b, status=BookingStatus.HELD).update(
        hold_expires_at=timezone.now() - timedelta(seconds=1)
    )
    problem(post(client, f"/api/v1/waitlist/{entry_id}/accept"), 409, "offer_expired")
    assert client.get("/api/v1/waitlist").json()[0]["status"] == "lapsed"


def test_someone_elses_entry_is_not_found_and_anonymous_must_log_in(client, world, make_user):
    space, booking, _a, b = world
    entry = WaitlistEntry.objects.create(
        space=space, person=b, starts_at=booking.starts_at, ends_at=booking.ends_at, purpose="x"
    )
    assert client.get("/api/v1/waitlist").status_code == 401
    client.force_login(make_user())
    assert post(client, f"/api/v1/waitlist/{entry.pk}/accept").status_code == 404
    assert client.delete(f"/api/v1/waitlist/{entry.pk}").status_code == 404
