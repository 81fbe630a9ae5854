from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token"


def post_json(client, url, body, **headers):
    return client.post(url, data=json.dumps(body), content_type="application/json", **headers)


def test_token_then_bearer_access(client, resident):
    response = post_json(client, TOKEN_URL, {"email": resident.email, "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["token"]
    me = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert me.status_code == 200 and me.json()["email"] == resident.email


def test_wrong_password_is_a_401_problem(client, resident):
    response = post_json(client, TOKEN_URL, {"email": resident.email, "password": "nope"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401


def test_missing_or_bad_credentials_on_protected_endpoint_are_401(client, db):
    assert client.get("/api/v1/me").status_code == 401
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer lmp_not-a-token")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_session_login_also_works_for_the_api(client, resident):
    client.force_login(resident)
    assert client.get("/api/v1/me").json()["email"] == resident.email


def test_malformed_body_is_a_400_problem(client, db):
    response = client.post(TOKEN_URL, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_token_endpoint_is_rate_limited(client, resident):
    statuses = [
        post_json(client, TOKEN_URL, {"email": resident.email, "password": "x"}).status_code
        for _ in range(11)
    ]
    assert statuses[:10] == [401] * 10 and statuses[10] == 429


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=json_values | st.fixed_dictionaries({"email": json_values, "password": json_values}))
def test_random_json_to_the_token_endpoint_never_causes_a_server_error(client, body):
    from django.core.cache import cache

    cache.clear()  # keep the rate limit out of the way of what is being tested
    response = post_json(client, TOKEN_URL, body)
    assert response.status_code in {400, 401}
    assert response["Content-Type"] == "application/problem+json"
