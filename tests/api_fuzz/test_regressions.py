"""What the API fuzz found (issue #15), pinned down one request each, so the fast suite keeps
them fixed even if the fuzz's generated requests change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from conftest import PASSWORD
from lampio.accounts.services import issue_api_token
from lampio.api import api
from lampio.feedback.services.setup import set_up_feedback

pytestmark = pytest.mark.django_db
PROBLEM = "application/problem+json"


@pytest.fixture
def space(make_space: Callable[..., Any]) -> Any:
    space = make_space()
    organisation = space.venue.organisation
    set_up_feedback(
        municipality=organisation.municipality,
        fallback_organisation=organisation,
        open311_id="oulu.fi",
    )
    return space


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_availability_of_a_day_at_the_ends_of_the_calendar_is_a_problem(
    client: Client, space: Any, day: str
) -> None:
    response = client.get(f"/api/v1/spaces/{space.pk}/availability", {"date": day})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["field"] == "date"


def test_a_page_far_past_the_end_is_empty(client: Client, space: Any) -> None:
    for path in ("/api/v1/spaces", "/api/v1/ideas", "/api/v1/offerings"):
        response = client.get(path, {"page": str(2**70)})
        assert response.status_code == 200, path
        assert response.json()["results"] == []


def test_an_id_too_big_for_the_database_is_refused(client: Client, space: Any) -> None:
    response = client.get("/api/v1/ideas", {"campaign": str(2**63)})
    assert response.status_code == 400
    assert response.json()["errors"][0]["loc"] == ["query", "campaign"]


@pytest.mark.parametrize("name", ["start_date", "end_date"])
@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+00:00", "9999-12-31T00:00:00+00:00"])
def test_open311_dates_at_the_ends_of_the_calendar_are_refused(
    client: Client, space: Any, name: str, moment: str
) -> None:
    response = client.get("/open311/v2/requests.json", {name: moment})
    assert response.status_code == 400
    assert response.json() == [{"code": 400, "description": f"{name} is out of range."}]


@pytest.mark.parametrize("path", ["requests/abc.json", "services/%C3%A4.json", "nothing"])
def test_other_open311_addresses_answer_in_the_spec_format(
    client: Client, space: Any, path: str
) -> None:
    response = client.get(f"/open311/v2/{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()[0]["code"] == 404


def test_open311_describes_itself(client: Client, db: None) -> None:
    document = client.get("/open311/v2/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/services.json",
        "/services/{service_code}.json",
        "/requests.json",
        "/requests/{service_request_id}.json",
    }


def test_the_document_lists_the_answers_every_operation_can_give() -> None:
    paths = api.get_openapi_schema(path_prefix="/api/v1/")["paths"]
    booking = paths["/api/v1/bookings/{booking_id}/cancel"]["post"]["responses"]
    # A missing CSRF token (login session) is a 403, a bad id a 400: the shared layers say so.
    assert {400, 401, 403} <= set(booking)
    assert set(booking[403]["content"]) == {PROBLEM}
    public = paths["/api/v1/spaces"]["get"]
    assert {} in public["security"]  # no credentials needed
    assert 401 not in public["responses"]
    memberships = paths["/api/v1/me/memberships"]["get"]["responses"]
    assert set(memberships[401]["content"]) == {PROBLEM}


def test_text_with_a_nul_character_is_refused(client: Client, resident: Any, space: Any) -> None:
    """PostgreSQL raises on NUL in text; found by the fuzz on that pass only."""
    token = issue_api_token(request=None, email=resident.email, password=PASSWORD)
    assert client.get("/api/v1/spaces", {"q": "a\x00b"}).status_code == 400
    body = {"space_id": space.pk, "starts_at": "2030-01-01T10:00+02:00", "purpose": "a\x00"}
    created = client.post(
        "/api/v1/bookings",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert created.status_code == 400
    response = client.get("/open311/v2/requests.json", {"service_code": "a\x00"})
    assert response.status_code == 400
    assert response.json() == [
        {"code": 400, "description": "service_code contains a NUL character."}
    ]
