from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_municipalities_are_public_with_all_languages(client, make_municipality):
    city = make_municipality(slug="oulu", name="Oulu")
    city.name_sv = "Uleåborg"
    city.save()
    body = client.get("/api/v1/municipalities").json()
    assert body == [
        {"slug": "oulu", "name": "Oulu", "name_fi": "Oulu", "name_sv": "Uleåborg", "name_en": None}
    ]


def test_organisations_filter_by_municipality(client, make_organisation):
    first, second = make_organisation(), make_organisation()
    body = client.get(f"/api/v1/organisations?municipality={first.municipality.slug}").json()
    assert [row["slug"] for row in body] == [first.slug]
    assert client.get("/api/v1/organisations?municipality=nowhere").json() == []
    assert {row["slug"] for row in client.get("/api/v1/organisations").json()} >= {
        first.slug,
        second.slug,
    }


def test_my_memberships_need_login_and_show_only_mine(client, make_organisation, make_member):
    organisation = make_organisation()
    member = make_member(organisation, role="viewer")
    make_member(organisation, role="admin")
    assert client.get("/api/v1/me/memberships").status_code == 401
    client.force_login(member)
    assert client.get("/api/v1/me/memberships").json() == [
        {
            "organisation": organisation.slug,
            "municipality": organisation.municipality.slug,
            "role": "viewer",
        }
    ]


def test_openapi_document_lists_the_operations(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/auth/token", "/api/v1/me", "/api/v1/municipalities"} <= set(schema["paths"])
    assert "BearerTokenAuth" in schema["components"]["securitySchemes"]
