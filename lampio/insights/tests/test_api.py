"""GET /api/v1/insights/measures and /measures/{key}: open data for everyone, more for staff,
problem+json for what is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from lampio.accounts.models import User
from lampio.insights.models import Fact, MeasureSetting
from lampio.tenancy.models import Municipality, Organisation

URL = "/api/v1/insights/measures"
JAN = date(2026, 1, 1)


@pytest.fixture
def world(
    make_municipality: Callable[..., Municipality],
    make_organisation: Callable[..., Organisation],
    make_member: Callable[..., User],
) -> dict[str, Any]:
    oulu, lahti = make_municipality(slug="oulu"), make_municipality(slug="lahti")
    library, hall = make_organisation(municipality=oulu), make_organisation(municipality=lahti)
    for org, hour, n in ((library, 10, 12), (library, 11, 3), (library, 12, 6), (hall, 10, 30)):
        Fact.objects.create(
            measure="bookings",
            month=JAN,
            municipality=org.municipality,
            organisation=org,
            hour=hour,
            value=n,
            n=n,
        )
    return {"library": library, "hall": hall, "librarian": make_member(library, role="viewer")}


def get(client: Client, path: str = "", **params: Any) -> Any:
    return client.get(f"{URL}{path}", {"from": "2026-01", "to": "2026-01", **params})


def test_anonymous_sees_only_open_data(client: Client, world: dict[str, Any]) -> None:
    assert client.get(URL).json() == {"level": "open", "measures": []}
    assert get(client, "/bookings").status_code == 404
    MeasureSetting.objects.create(measure="bookings", is_open_data=True)
    listed = client.get(URL).json()
    assert [m["key"] for m in listed["measures"]] == ["bookings"]
    assert "organisation" in listed["measures"][0]["dimensions"]
    data = get(client, "/bookings", by="hour").json()
    rows = {row["hour"]: row for row in data["rows"]}
    assert rows[10] == {
        "hour": 10,
        "hour_label": "10–11",
        "value": 42,
        "n": 42,
        "suppressed": False,
    }
    assert rows[11]["suppressed"] and rows[11]["value"] is None
    assert data["level"] == "open" and data["from"] == "2026-01"


def test_anonymous_asking_for_staff_levels_must_log_in(
    client: Client, world: dict[str, Any]
) -> None:
    response = client.get(URL, {"level": "network"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_staff_get_the_network_by_default_and_their_own_organisation(
    client: Client, world: dict[str, Any]
) -> None:
    client.force_login(world["librarian"])
    listed = client.get(URL).json()
    assert listed["level"] == "network" and len(listed["measures"]) > 5
    bookings = next(m for m in listed["measures"] if m["key"] == "bookings")
    assert "organisation" not in bookings["dimensions"]
    own = get(client, "/bookings", level="organisation", organisation=world["library"].pk)
    assert own.json()["totals"][0]["value"] == 21
    other = get(client, "/bookings", level="organisation", organisation=world["hall"].pk)
    assert other.status_code == 403
    assert other.json()["code"] == "permission_denied"


def test_network_municipality_filter(client: Client, world: dict[str, Any]) -> None:
    client.force_login(world["librarian"])
    data = get(client, "/bookings", level="network", municipality="lahti").json()
    assert data["municipality"] == "lahti" and data["totals"][0]["value"] == 30


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"by": "organisation"}, 400, "by"),
        ({"by": "a,b,c"}, 400, "by"),
        ({"from": "2026-13"}, 400, "from"),
        ({"level": "municipality", "municipality": "atlantis"}, 400, "municipality"),
        ({"level": "organisation"}, 400, "organisation"),
        ({"level": "nonsense"}, 400, None),
    ],
)
def test_bad_requests_are_problems(
    client: Client, world: dict[str, Any], params: dict[str, str], status: int, field: str | None
) -> None:
    client.force_login(world["librarian"])
    response = get(client, "/bookings", **params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    if field:
        assert response.json()["field"] == field


def test_unknown_measure_is_not_found(client: Client, world: dict[str, Any]) -> None:
    client.force_login(world["librarian"])
    assert get(client, "/nope").status_code == 404


def test_openapi_lists_the_endpoints(client: Client, db: None) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/insights/measures/{measure_key}" in paths
