"""Every page and API operation, requested as anonymous, a resident and other staff.

Each route must have an entry here; a new route without one fails `test_every_route_has_an_entry`.
Staff act on organisation B's objects while belonging only to organisation A, so any 200 where a
403 or 404 is due shows a hole in tenancy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lampio.tenancy.models import Role

ANON, RESIDENT, OTHER_STAFF, OWN_STAFF = "anonymous", "resident", "staff of A on B", "staff of B"


@dataclass(frozen=True)
class Case:
    expected: dict[str, int]
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)


def everyone(status: int) -> dict[str, int]:
    return {ANON: status, RESIDENT: status, OTHER_STAFF: status, OWN_STAFF: status}


LOGIN_REQUIRED = {ANON: 302, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}
STAFF_OF_B_ONLY = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "home": Case(everyone(200)),
    "healthz": Case(everyone(200)),
    "set_language": Case(everyone(302), "post", {"language": "sv", "next": "/fi/"}),
    "core:accessibility": Case(everyone(200)),
    "core:privacy": Case(everyone(200)),
    "core:display_preferences": Case(everyone(200)),
    "tenancy:choose_city": Case(everyone(200)),
    "tenancy:staff_home": Case({ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}),
    "tenancy:organisation": Case(STAFF_OF_B_ONLY),
    "tenancy:change_member": Case(
        {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 302},
        "post",
        {"action": "change", "role": "staff"},
    ),
    "accounts:profile": Case(LOGIN_REQUIRED),
    "accounts:export": Case(LOGIN_REQUIRED),
    "accounts:delete": Case(LOGIN_REQUIRED),
}

API: dict[tuple[str, str], Case] = {
    ("post", "/api/v1/auth/token"): Case(everyone(401), data={"email": "x@y.fi", "password": "x"}),
    ("get", "/api/v1/me"): Case({ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}),
    ("get", "/api/v1/municipalities"): Case(everyone(200)),
    ("get", "/api/v1/organisations"): Case(everyone(200)),
    ("get", "/api/v1/me/memberships"): Case(
        {ANON: 401, RESIDENT: 200, OTHER_STAFF: 200, OWN_STAFF: 200}
    ),
}


def our_routes() -> dict[str, URLPattern]:
    routes: dict[str, URLPattern] = {}

    def walk(patterns: list, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in {"admin", "api"}:
                    continue  # the admin is Django's; the API is walked through its schema
                child = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, child)
            elif pattern.name and pattern.callback.__module__.startswith("lampio"):
                routes[f"{namespace}{pattern.name}"] = pattern

    walk(get_resolver().url_patterns)
    return routes


def test_every_route_has_an_entry(client):
    missing = set(our_routes()) - set(PAGES)
    assert not missing, f"add these routes to the permission matrix: {sorted(missing)}"
    schema = client.get("/api/v1/openapi.json").json()
    operations = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert not operations - set(API), f"add these API operations: {operations - set(API)}"


@pytest.fixture
def world(settings, make_organisation, make_member, make_user):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    organisation_a, organisation_b = make_organisation(), make_organisation()
    staff_of_b = make_member(organisation_b, role=Role.ADMIN)
    make_member(organisation_b, role=Role.STAFF)
    return {
        "users": {
            ANON: None,
            RESIDENT: make_user(),
            OTHER_STAFF: make_member(organisation_a, role=Role.ADMIN),
            OWN_STAFF: staff_of_b,
        },
        "kwargs": {
            "municipality": organisation_b.municipality.slug,
            "organisation": organisation_b.slug,
            "membership_id": organisation_b.memberships.exclude(user=staff_of_b).get().pk,
        },
    }


def url_for(name: str, pattern: URLPattern, kwargs: dict[str, Any]) -> str:
    wanted = {key: kwargs[key] for key in pattern.pattern.regex.groupindex}
    return reverse(name, kwargs=wanted)


@pytest.mark.parametrize("actor", [ANON, RESIDENT, OTHER_STAFF, OWN_STAFF])
def test_pages_answer_each_actor_as_expected(client, world, actor):
    if user := world["users"][actor]:
        client.force_login(user)
    routes = our_routes()
    wrong = {}
    for name, case in PAGES.items():
        url = url_for(name, routes[name], world["kwargs"])
        response = getattr(client, case.method)(url, case.data)
        if response.status_code != case.expected[actor]:
            wrong[name] = (response.status_code, case.expected[actor])
    assert not wrong, f"{actor}: route → (got, expected): {wrong}"


@pytest.mark.parametrize("actor", [ANON, RESIDENT, OTHER_STAFF, OWN_STAFF])
def test_api_answers_each_actor_as_expected(client, world, actor):
    if user := world["users"][actor]:
        client.force_login(user)
    wrong = {}
    for (method, path), case in API.items():
        response = getattr(client, method)(
            path,
            json.dumps(case.data) if method == "post" else case.data,
            content_type="application/json",
        )
        if response.status_code != case.expected[actor]:
            wrong[(method, path)] = (response.status_code, case.expected[actor])
    assert not wrong, f"{actor}: operation → (got, expected): {wrong}"
