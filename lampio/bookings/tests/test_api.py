"""The bookings API, and the space reads that depend on bookings (free-time search, availability).

The API cannot be handed a `now`, so the bookings it makes lie in 2030, in spaces whose booking
window reaches that far; bookings in the past are made through the service with a past `now`.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from django.utils.translation import gettext, override

from conftest import PASSWORD
from lampio.bookings import services
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.timeranges import local_datetime
from lampio.spaces.models import OpeningException, Visibility
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

BOOKINGS = "/api/v1/bookings"
PROBLEM = "application/problem+json"
SUMMER_DAY = date(2030, 6, 12)  # a Wednesday; Helsinki is at +03:00
WINTER_DAY = date(2030, 1, 16)  # a Wednesday; Helsinki is at +02:00
WINDOW = 3650  # days ahead a test space can be booked, so that 2030 is inside it


def at(hour: int, minute: int = 0, day: date = SUMMER_DAY) -> datetime:
    return local_datetime(day, time(hour, minute))


def iso(hour: int, day: date = SUMMER_DAY) -> str:
    offset = "+03:00" if day == SUMMER_DAY else "+02:00"
    return f"{day.isoformat()}T{hour:02d}:00:00{offset}"


def post_json(client, url, body=None, **headers):
    return client.post(url, data=json.dumps(body or {}), content_type="application/json", **headers)


def assert_problem(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    if code is not None:
        assert body["code"] == code
    return body


def book_through_service(space, person, start, end, *, now=None):
    return services.book_space(
        actor=person,
        space=space,
        starts_at=start,
        ends_at=end,
        purpose="Sählyvuoro",
        attendees=10,
        now=now or at(12, day=date(2030, 1, 1)),
    )


@pytest.fixture
def space(make_space):
    return make_space(booking_opens_days=WINDOW)


def request_body(space, start: str | None = None, end: str | None = None, **extra) -> dict:
    return {
        "space_id": space.pk,
        "starts_at": start or iso(18),
        "ends_at": end or iso(19),
        "purpose": "Sulkapallo",
        "attendees": 4,
        **extra,
    }


# --- Availability -------------------------------------------------------------------------------


def availability(client, space, day: date):
    return client.get(f"/api/v1/spaces/{space.pk}/availability", {"date": day.isoformat()})


def test_availability_gives_free_times_with_the_summer_offset(client, space, resident):
    book_through_service(space, resident, at(10), at(12))
    response = availability(client, space, SUMMER_DAY)
    assert response.status_code == 200
    assert response.json() == {
        "date": "2030-06-12",
        "free": [
            {"start": "2030-06-12T08:00:00+03:00", "end": "2030-06-12T10:00:00+03:00"},
            {"start": "2030-06-12T12:00:00+03:00", "end": "2030-06-12T22:00:00+03:00"},
        ],
    }


def test_availability_gives_free_times_with_the_winter_offset(client, space):
    assert availability(client, space, WINTER_DAY).json()["free"] == [
        {"start": "2030-01-16T08:00:00+02:00", "end": "2030-01-16T22:00:00+02:00"}
    ]


def test_availability_across_the_spring_change_switches_offset(client, make_space):
    # On 31 March 2030 the clocks go from 03:00 (+02:00) to 04:00 (+03:00).
    space = make_space(opens=time(1), closes=time(6), booking_opens_days=WINDOW)
    assert availability(client, space, date(2030, 3, 31)).json()["free"] == [
        {"start": "2030-03-31T01:00:00+02:00", "end": "2030-03-31T06:00:00+03:00"}
    ]


def test_availability_of_a_closed_day_is_empty(client, space):
    OpeningException.objects.create(space=space, date=SUMMER_DAY, is_closed=True)
    assert availability(client, space, SUMMER_DAY).json() == {"date": "2030-06-12", "free": []}


@pytest.mark.parametrize("query", ["?date=2030-02-30", "?date=tomorrow", ""])
def test_availability_without_a_valid_date_is_a_400_problem(client, space, query):
    response = client.get(f"/api/v1/spaces/{space.pk}/availability{query}")
    assert_problem(response, 400, "invalid")


def test_availability_of_an_unknown_or_invisible_space_is_a_404_problem(client, make_space):
    hidden = make_space(visibility=Visibility.MEMBERS)
    assert_problem(availability(client, hidden, SUMMER_DAY), 404, "not_found")
    response = client.get("/api/v1/spaces/999999/availability", {"date": "2030-06-12"})
    assert_problem(response, 404, "not_found")


# --- Search by free time ------------------------------------------------------------------------


def free_ids(client, start: str, end: str) -> set[int]:
    response = client.get("/api/v1/spaces", {"free_from": start, "free_to": end})
    assert response.status_code == 200
    return {space["id"] for space in response.json()["results"]}


def test_search_by_free_time_leaves_out_booked_closed_and_shut_spaces(client, make_space, resident):
    free = make_space(booking_opens_days=WINDOW)
    booked = make_space(booking_opens_days=WINDOW)
    book_through_service(booked, resident, at(18), at(20))
    closed = make_space(booking_opens_days=WINDOW)
    OpeningException.objects.create(space=closed, date=SUMMER_DAY, is_closed=True)
    evening_only = make_space(opens=time(17), closes=time(22), booking_opens_days=WINDOW)
    assert free_ids(client, iso(18), iso(19)) == {free.pk, evening_only.pk}
    assert free_ids(client, iso(9), iso(11)) == {free.pk, booked.pk}
    assert free_ids(client, iso(21), iso(23)) == set()  # everything closes at 22


@pytest.mark.parametrize(
    "params",
    [
        {"free_from": "2030-06-12T18:00:00+03:00"},
        {"free_to": "2030-06-12T18:00:00+03:00"},
        {"free_from": "2030-06-12T18:00:00", "free_to": "2030-06-12T19:00:00"},
        {"free_from": "2030-06-12T19:00:00+03:00", "free_to": "2030-06-12T18:00:00+03:00"},
        {"free_from": "2030-06-01T00:00:00+03:00", "free_to": "2030-08-01T00:00:00+03:00"},
        {"free_from": "soon", "free_to": "later"},
    ],
)
def test_bad_free_time_search_is_a_400_problem_with_a_detail(client, db, params):
    body = assert_problem(client.get("/api/v1/spaces", params), 400, "invalid")
    assert body.get("detail") or body.get("errors")


# --- Booking ------------------------------------------------------------------------------------


def test_booking_a_free_slot_gives_201_with_the_booking(client, space, resident):
    client.force_login(resident)
    response = post_json(client, BOOKINGS, request_body(space))
    assert response.status_code == 201
    booking = Booking.objects.get()
    assert response.json() == {
        "id": booking.pk,
        "status": "confirmed",
        "starts_at": "2030-06-12T18:00:00+03:00",
        "ends_at": "2030-06-12T19:00:00+03:00",
        "hold_expires_at": None,
        "payment_url": None,
    }
    assert (booking.booker, booking.space, booking.starts_at) == (resident, space, at(18))
    assert (booking.purpose, booking.attendees) == ("Sulkapallo", 4)


def test_booking_with_a_bearer_token_and_times_in_utc(client, space, resident):
    token = post_json(
        client, "/api/v1/auth/token", {"email": resident.email, "password": PASSWORD}
    ).json()["token"]
    body = request_body(space, "2030-01-16T16:00:00Z", "2030-01-16T17:00:00Z")
    response = post_json(client, BOOKINGS, body, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 201
    assert response.json()["starts_at"] == "2030-01-16T18:00:00+02:00"
    assert Booking.objects.get().booker == resident


def test_a_space_that_needs_approval_gives_a_request(client, make_space, resident):
    space = make_space(requires_handling=True, booking_opens_days=WINDOW)
    client.force_login(resident)
    response = post_json(client, BOOKINGS, request_body(space))
    assert response.status_code == 201 and response.json()["status"] == "requested"


def test_booking_without_logging_in_is_a_401_problem(client, space):
    body = assert_problem(post_json(client, BOOKINGS, request_body(space)), 401)
    assert body["title"] == "Kirjaudu ensin sisään."
    swedish = post_json(client, BOOKINGS, request_body(space), HTTP_ACCEPT_LANGUAGE="sv")
    assert assert_problem(swedish, 401)["title"] == "Logga in först."
    assert not Booking.objects.exists()


def test_a_taken_slot_is_a_409_problem(client, space, resident, make_user):
    book_through_service(space, make_user(), at(18), at(20))
    client.force_login(resident)
    body = assert_problem(post_json(client, BOOKINGS, request_body(space)), 409, "slot_taken")
    assert body["detail"]
    assert Booking.objects.count() == 1


def test_a_broken_rule_is_a_400_problem_with_the_message_in_the_callers_language(
    client, make_space, resident
):
    space = make_space(max_duration_minutes=60, booking_opens_days=WINDOW)
    client.force_login(resident)
    too_long = request_body(space, iso(18), iso(20))
    for language in ("fi", "sv", "en"):
        response = post_json(client, BOOKINGS, too_long, HTTP_ACCEPT_LANGUAGE=language)
        body = assert_problem(response, 400, "booking_rule")
        with override(language):
            expected = gettext("The longest booking is %(minutes)d minutes.") % {"minutes": 60}
        assert body["detail"] == expected
        assert body["field"] == "ends_at"
    assert not Booking.objects.exists()


NAIVE = {"starts_at": "2030-06-12T18:00:00", "ends_at": "2030-06-12T19:00:00"}
PAST = {"starts_at": "2020-06-12T18:00:00+03:00", "ends_at": "2020-06-12T19:00:00+03:00"}
PAST_CLOSING = {"starts_at": iso(21), "ends_at": "2030-06-12T23:00:00+03:00"}


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"starts_at": "six in the evening"}, "invalid", None),
        (NAIVE, "booking_rule", "starts_at"),
        (PAST, "booking_rule", "starts_at"),
        (PAST_CLOSING, "outside_opening_hours", "starts_at"),
        ({"attendees": 31}, "booking_rule", "attendees"),
        ({"purpose": "   "}, "invalid", "purpose"),
    ],
)
def test_bookings_the_rules_refuse_are_400_problems(client, space, resident, change, code, field):
    client.force_login(resident)
    response = post_json(client, BOOKINGS, {**request_body(space), **change})
    body = assert_problem(response, 400, code)
    if field:
        assert body["field"] == field and body["detail"]
    assert not Booking.objects.exists()


def test_a_malformed_body_is_a_400_problem(client, space, resident):
    client.force_login(resident)
    response = client.post(BOOKINGS, data="{not json", content_type="application/json")
    assert_problem(response, 400)
    assert_problem(post_json(client, BOOKINGS, {"space_id": space.pk}), 400, "invalid")


def test_an_unknown_or_invisible_space_is_a_404_problem(client, make_space, resident):
    hidden = make_space(visibility=Visibility.MEMBERS, booking_opens_days=WINDOW)
    client.force_login(resident)
    assert_problem(post_json(client, BOOKINGS, request_body(hidden)), 404, "not_found")
    body = {**request_body(hidden), "space_id": 999999}
    assert_problem(post_json(client, BOOKINGS, body), 404, "not_found")
    assert not Booking.objects.exists()


def test_members_may_book_their_members_only_space(
    client, make_space, make_organisation, make_member
):
    organisation = make_organisation()
    space = make_space(organisation, visibility=Visibility.MEMBERS, booking_opens_days=WINDOW)
    client.force_login(make_member(organisation, role=Role.VIEWER))
    assert post_json(client, BOOKINGS, request_body(space)).status_code == 201


def test_an_unverified_account_may_not_book(client, space, make_user):
    person = make_user()
    person.emailaddress_set.update(verified=False)
    client.force_login(person)
    assert_problem(post_json(client, BOOKINGS, request_body(space)), 403, "not_allowed_to_book")


def test_booking_is_rate_limited_per_person(client, space, resident):
    client.force_login(resident)
    unknown = {**request_body(space), "space_id": 999999}
    statuses = [post_json(client, BOOKINGS, unknown).status_code for _ in range(61)]
    assert statuses[:60] == [404] * 60
    assert_problem(post_json(client, BOOKINGS, unknown), 429, "rate_limited")


# --- The caller's bookings ----------------------------------------------------------------------


def test_my_bookings_lists_upcoming_soonest_first_and_past_on_request(
    client, space, resident, make_user
):
    later = book_through_service(space, resident, at(18), at(19))
    sooner = book_through_service(space, resident, at(10), at(11))
    book_through_service(space, make_user(), at(12), at(13))  # someone else's
    past = book_through_service(
        space,
        resident,
        at(10, day=date(2020, 1, 8)),
        at(11, day=date(2020, 1, 8)),
        now=at(12, day=date(2020, 1, 1)),
    )
    client.force_login(resident)

    upcoming = client.get(BOOKINGS).json()
    assert upcoming["count"] == 2
    assert [row["id"] for row in upcoming["results"]] == [sooner.pk, later.pk]
    assert upcoming["results"][0] == {
        "id": sooner.pk,
        "status": "confirmed",
        "starts_at": "2030-06-12T10:00:00+03:00",
        "ends_at": "2030-06-12T11:00:00+03:00",
        "space": {
            "id": space.pk,
            "name": "Liikuntasali",
            "venue": "Kulttuuritalo",
            "municipality": space.venue.organisation.municipality.slug,
            "capacity": 30,
            "type": "gym",
        },
        "purpose": "Sählyvuoro",
        "attendees": 10,
        "access": {
            "method": "open",
            "code": None,
            "valid_from": None,
            "valid_until": None,
            "instructions": "",
        },
        "hold_expires_at": None,
        "payment_url": None,
    }
    history = client.get(BOOKINGS, {"past": "true"}).json()
    assert [row["id"] for row in history["results"]] == [past.pk]
    assert history["results"][0]["starts_at"] == "2020-01-08T10:00:00+02:00"


def test_my_bookings_needs_a_login(client, db):
    assert_problem(client.get(BOOKINGS), 401, "not_authenticated")


def test_cancelling_my_booking_gives_it_back_cancelled(client, space, resident):
    booking = book_through_service(space, resident, at(18), at(19))
    client.force_login(resident)
    response = post_json(client, f"{BOOKINGS}/{booking.pk}/cancel")
    assert response.status_code == 200
    assert response.json()["id"] == booking.pk and response.json()["status"] == "cancelled"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert_problem(post_json(client, f"{BOOKINGS}/{booking.pk}/cancel"), 409, "conflict")


def test_someone_elses_booking_cannot_be_cancelled_and_is_not_revealed(
    client, space, resident, make_user, make_member
):
    booking = book_through_service(space, make_user(), at(18), at(19))
    for person in (resident, make_member(space.venue.organisation, role=Role.ADMIN)):
        client.force_login(person)
        response = post_json(client, f"{BOOKINGS}/{booking.pk}/cancel")
        assert_problem(response, 404, "not_found")
    assert_problem(post_json(client, f"{BOOKINGS}/999999/cancel"), 404, "not_found")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_cancelling_too_late_is_a_400_problem(client, make_space, resident):
    # The deadline is this many hours before the start, which puts it before today.
    space = make_space(cancellation_hours=24 * 365 * 6, booking_opens_days=WINDOW)
    booking = book_through_service(space, resident, at(18), at(19))
    client.force_login(resident)
    body = assert_problem(
        post_json(client, f"{BOOKINGS}/{booking.pk}/cancel"), 400, "cancellation_too_late"
    )
    assert body["detail"]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_cancelling_needs_a_login(client, space, resident):
    booking = book_through_service(space, resident, at(18), at(19))
    assert_problem(post_json(client, f"{BOOKINGS}/{booking.pk}/cancel"), 401, "not_authenticated")
