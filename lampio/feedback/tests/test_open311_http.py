"""Open311 over real HTTP: a running server, CORS, methods, CSRF, and the list cache."""

from __future__ import annotations

import json
import urllib.request

import pytest
from django.test import Client

from lampio.feedback.models import Feedback
from lampio.feedback.tests.test_open311_api import BASE, FORM, SPEC_POST, api_key, post, spec_city

pytestmark = pytest.mark.django_db
__all__ = ["api_key", "spec_city"]  # fixtures used here


def test_a_real_http_post_to_a_running_server(live_server, spec_city):
    request = urllib.request.Request(  # noqa: S310 (the test's own loopback server)
        f"{live_server.url}{BASE}/requests.json",
        data=SPEC_POST.encode(),
        headers={"Content-Type": FORM, "Accept-Language": "fi"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert response.status == 201
        [answer] = json.loads(response.read())
    feedback = Feedback.objects.get(pk=int(answer["service_request_id"]))
    assert feedback.language == "fi"
    with urllib.request.urlopen(  # noqa: S310
        f"{live_server.url}{BASE}/requests/{feedback.pk}.json", timeout=10
    ) as response:
        assert json.loads(response.read())[0]["status"] == "open"


def test_get_requests_answers_cors_and_refuses_other_methods(client, jurisdiction):
    response = client.get(f"{BASE}/requests.json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.put(f"{BASE}/requests.json").status_code == 405
    assert client.post(f"{BASE}/services.json").status_code == 405


def test_csrf_is_not_required_for_post(api_key, category):
    strict = Client(enforce_csrf_checks=True)
    response = post(strict, api_key=api_key, service_code="spaces", address_string="Tori 1",
                    description="Lamppu rikki aulassa.")  # fmt: skip
    assert response.status_code == 201


def test_cached_list_follows_every_change(client, make_feedback):
    feedback = make_feedback(wants_public=True)
    assert client.get(f"{BASE}/requests.json").json() == []
    feedback.is_published = True
    feedback.save()  # as the staff services do: updated_at moves, and with it the cache key
    [item] = client.get(f"{BASE}/requests.json").json()
    assert item["service_request_id"] == str(feedback.pk)
    feedback.is_published = False
    feedback.save()
    assert client.get(f"{BASE}/requests.json").json() == []
