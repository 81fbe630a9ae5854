"""The last-minute page and `GET /api/v1/last-minute`."""

from __future__ import annotations

import pytest

from lampio.tenancy.context_processors import SESSION_KEY


@pytest.fixture
def space(make_space, make_organisation, make_municipality):
    # Open 08–22 every day: tomorrow has free time whenever the test runs.
    organisation = make_organisation(municipality=make_municipality(slug="oulu", name="Oulu"))
    return make_space(organisation, name_en="Gym hall")


def test_page_lists_quiet_times_with_a_book_link(client, space):
    page = client.get("/en/last-minute/", {"municipality": "oulu"})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Free times in Oulu" in text
    assert "Usually quiet" in text
    assert f"/en/bookings/new/{space.pk}/?start=" in text


def test_page_without_a_city_asks_for_one_and_uses_the_chosen_city(client, space):
    text = client.get("/en/last-minute/").content.decode()
    assert "Choose a city to see its free times." in text
    assert "This field is required" not in text
    session = client.session
    session[SESSION_KEY] = "oulu"
    session.save()
    assert "Free times in Oulu" in client.get("/en/last-minute/").content.decode()


def test_page_with_filters_that_match_nothing_says_so(client, space):
    page = client.get("/en/last-minute/", {"municipality": "oulu", "min_capacity": "500"})
    assert "No last-minute times match the filters" in page.content.decode()


def test_unknown_city_is_a_form_error_with_the_filters_kept(client, space):
    page = client.get("/en/last-minute/", {"municipality": "atlantis", "min_capacity": "7"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Select a valid choice" in text
    assert 'value="7"' in text


def test_api_lists_items(client, space):
    answer = client.get("/api/v1/last-minute", {"municipality": "oulu", "space_type": "gym"})
    assert answer.status_code == 200
    items = answer.json()["items"]
    assert items and items[0]["space_id"] == space.pk
    assert items[0]["reason"] == "quiet"
    assert set(items[0]) == {"space_id", "space", "venue", "starts_at", "ends_at", "reason"}
    assert items[0]["starts_at"].endswith(("+02:00", "+03:00"))


def test_api_unknown_municipality_is_404_problem(client, space):
    answer = client.get("/api/v1/last-minute", {"municipality": "atlantis"})
    assert answer.status_code == 404
    assert answer["Content-Type"] == "application/problem+json"


def test_api_needs_a_municipality_and_is_documented(client, space):
    assert client.get("/api/v1/last-minute").status_code == 400
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/last-minute"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {
        "municipality",
        "space_type",
        "day",
        "time_of_day",
        "min_capacity",
        "free_of_charge",
    }
    assert "404" in operation["responses"]
