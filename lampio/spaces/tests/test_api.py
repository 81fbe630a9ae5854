"""The spaces API: searching spaces and reading one, as anonymous and as members.

The free-time filter of the search and a space's availability read bookings; their tests are in
lampio/bookings/tests/test_api.py.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import PASSWORD
from lampio.spaces.models import Equipment, PriceType, SpaceType, Visibility
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

SPACES = "/api/v1/spaces"
PROBLEM = "application/problem+json"


def assert_problem(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    if code is not None:
        assert body["code"] == code
    return body


def bearer_token(client, user) -> str:
    response = client.post(
        "/api/v1/auth/token",
        data=json.dumps({"email": user.email, "password": PASSWORD}),
        content_type="application/json",
    )
    assert response.status_code == 200
    return response.json()["token"]


@pytest.fixture
def oulu(make_municipality, make_organisation):
    return make_organisation(municipality=make_municipality("oulu"))


@pytest.fixture
def kuopio(make_municipality, make_organisation):
    return make_organisation(municipality=make_municipality("kuopio"))


def test_search_lists_public_spaces_in_the_documented_shape(client, make_space, oulu):
    gym = make_space(oulu)
    response = client.get(SPACES)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": gym.pk,
                "name": "Liikuntasali",
                "venue": "Kulttuuritalo",
                "municipality": "oulu",
                "capacity": 30,
                "type": "gym",
            }
        ],
    }


def test_search_filters_by_municipality_words_type_and_capacity(client, make_space, oulu, kuopio):
    gym = make_space(oulu, capacity=40)
    music = make_space(oulu, name_fi="Musiikkiluokka", space_type=SpaceType.MUSIC_ROOM, capacity=12)
    make_space(kuopio, capacity=100)

    def ids(**params) -> list[int]:
        response = client.get(SPACES, params)
        assert response.status_code == 200
        return [space["id"] for space in response.json()["results"]]

    assert set(ids(municipality="oulu")) == {gym.pk, music.pk}
    assert ids(municipality="oulu", q="musiikki") == [music.pk]
    assert ids(municipality="oulu", type="music_room") == [music.pk]
    assert ids(municipality="oulu", min_capacity=20) == [gym.pk]
    assert ids(municipality="nowhere") == []


def test_search_pages_with_next_and_previous_links(client, make_space, oulu):
    for _ in range(5):
        make_space(oulu)
    first = client.get(SPACES, {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/spaces?page_size=2&page=2"
    last = client.get(SPACES, {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/spaces?page_size=2&page=2"
    seen = {space["id"] for page in (1, 2, 3) for space in _page(client, page)}
    assert len(seen) == 5


def _page(client, page: int) -> list[dict]:
    return client.get(SPACES, {"page_size": 2, "page": page}).json()["results"]


@pytest.mark.parametrize(
    "params",
    [{"type": "spaceship"}, {"min_capacity": "many"}, {"page": 0}, {"page_size": 1000}],
)
def test_bad_search_parameters_are_a_400_problem(client, db, params):
    assert_problem(client.get(SPACES, params), 400, "invalid")


def test_members_only_spaces_are_listed_for_members_by_session_or_token(
    client, make_space, make_member, resident, oulu, kuopio
):
    public = make_space(oulu)
    members_only = make_space(oulu, visibility=Visibility.MEMBERS)
    make_space(kuopio, visibility=Visibility.MEMBERS)
    member = make_member(oulu, role=Role.VIEWER)

    def ids(**headers) -> set[int]:
        return {space["id"] for space in client.get(SPACES, **headers).json()["results"]}

    assert ids() == {public.pk}
    client.force_login(resident)
    assert ids() == {public.pk}
    client.force_login(member)
    assert ids() == {public.pk, members_only.pk}
    client.logout()
    token = bearer_token(client, member)
    assert ids(HTTP_AUTHORIZATION=f"Bearer {token}") == {public.pk, members_only.pk}
    # A wrong token is no login, but the search is public: it answers as for anyone.
    assert ids(HTTP_AUTHORIZATION="Bearer lmp_not-a-token") == {public.pk}


def test_unpublished_spaces_and_venues_are_not_listed(client, make_space, oulu):
    make_space(oulu, is_published=False)
    hidden_venue = make_space(oulu)
    hidden_venue.venue.is_published = False
    hidden_venue.venue.save()
    assert client.get(SPACES).json()["count"] == 0


def test_details_of_a_space(client, make_space, oulu):
    space = make_space(
        oulu,
        description_fi="Valoisa sali, jossa puolapuut.",
        step_free_access=True,
        induction_loop=True,
        price_type=PriceType.PER_HOUR,
        price=Decimal("15.50"),
        requires_handling=True,
        slot_minutes=60,
        min_duration_minutes=60,
        max_duration_minutes=180,
        cancellation_hours=48,
    )
    space.equipment.add(
        Equipment.objects.create(slug="projector", name_fi="Videotykki"),
        Equipment.objects.create(slug="piano", name_fi="Piano"),
    )
    venue = space.venue
    venue.latitude, venue.longitude = Decimal("65.012100"), Decimal("25.465100")
    venue.save()

    response = client.get(f"{SPACES}/{space.pk}")

    assert response.status_code == 200
    body = response.json()
    assert sorted(body.pop("equipment")) == ["piano", "projector"]
    assert body == {
        "id": space.pk,
        "name": "Liikuntasali",
        "description": "Valoisa sali, jossa puolapuut.",
        "venue": {
            "id": venue.pk,
            "name": "Kulttuuritalo",
            "street_address": "Kirkkokatu 1",
            "postal_code": "90100",
            "post_office": "Oulu",
            "directions": "Sisäänkäynti sisäpihalta, ovi B.",
            "latitude": 65.0121,
            "longitude": 25.4651,
        },
        "municipality": "oulu",
        "type": "gym",
        "capacity": 30,
        "step_free_access": True,
        "accessible_toilet": False,
        "induction_loop": True,
        "price_type": "per_hour",
        "price": "15.50",
        "booking_rules": {
            "slot_minutes": 60,
            "min_duration_minutes": 60,
            "max_duration_minutes": 180,
            "requires_handling": True,
            "cancellation_hours": 48,
            "booking_opens_days": 365,
            "booking_closes_hours": 0,
        },
    }


def test_details_follow_the_requested_language_with_finnish_fallback(client, make_space, oulu):
    space = make_space(oulu)
    swedish = client.get(f"{SPACES}/{space.pk}", HTTP_ACCEPT_LANGUAGE="sv").json()
    assert swedish["name"] == "Gymnastiksal"
    assert swedish["venue"]["name"] == "Kulttuuritalo"  # no Swedish name: the Finnish one


def test_search_results_follow_the_requested_language_with_finnish_fallback(
    client, make_space, oulu
):
    make_space(oulu)
    swedish = client.get(SPACES, HTTP_ACCEPT_LANGUAGE="sv").json()["results"]
    assert [(space["name"], space["venue"]) for space in swedish] == [
        ("Gymnastiksal", "Kulttuuritalo")  # the venue has no Swedish name: the Finnish one
    ]


def test_search_results_keep_the_order_of_the_search(client, make_space, oulu):
    for name in ("Sali C", "Sali A", "Sali B"):
        make_space(oulu, name_fi=name, name_sv="")
    names = [space["name"] for space in client.get(SPACES).json()["results"]]
    assert names == ["Sali A", "Sali B", "Sali C"]


def test_unknown_space_is_a_404_problem(client, db):
    body = assert_problem(client.get(f"{SPACES}/999999"), 404, "not_found")
    assert body["detail"] == "Etsimääsi kohdetta ei löytynyt."
    swedish = client.get(f"{SPACES}/999999", HTTP_ACCEPT_LANGUAGE="sv")
    assert assert_problem(swedish, 404)["detail"] == "Det du söker hittades inte."


def test_a_space_id_that_is_not_a_number_is_a_400_problem(client, db):
    assert_problem(client.get(f"{SPACES}/gym"), 400, "invalid")


def test_members_only_space_is_404_to_others_and_readable_by_members(
    client, make_space, make_member, make_organisation, oulu
):
    space = make_space(oulu, visibility=Visibility.MEMBERS)
    assert_problem(client.get(f"{SPACES}/{space.pk}"), 404, "not_found")
    client.force_login(make_member(make_organisation()))
    assert_problem(client.get(f"{SPACES}/{space.pk}"), 404, "not_found")
    client.force_login(make_member(oulu, role=Role.VIEWER))
    assert client.get(f"{SPACES}/{space.pk}").status_code == 200
