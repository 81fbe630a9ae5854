"""POST /api/v1/assistant/ask and /assistant/not-helpful: public, rate-limited, problem+json."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from lampio.accounts.models import User
from lampio.assistant.api import API_ASK_RATE
from lampio.assistant.models import Exchange, ReviewState
from lampio.assistant.tests.resident_setup import load_seed_knowledge
from lampio.tenancy.models import Municipality

ASK = "/api/v1/assistant/ask"
NOT_HELPFUL = "/api/v1/assistant/not-helpful"


@pytest.fixture
def knowledge(db: None) -> None:
    load_seed_knowledge()


def _post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json")


def test_a_swedish_door_code_question_is_answered_with_a_link(
    client: Client, knowledge: None
) -> None:
    response = _post(client, ASK, {"question": "Var får jag dörrkoden?", "lang": "sv"})
    assert response.status_code == 200
    body = response.json()
    assert body["entry_id"] == "access-code"
    assert body["fallback"] is False
    assert body["language"] == "sv"
    assert body["link"] == "http://testserver/sv/bookings/"
    assert body["answer"]
    assert body["confidence"] > 0
    assert body["exchange"]
    assert set(body) >= {
        "answer",
        "entry_id",
        "confidence",
        "suggestions",
        "fallback",
        "link",
        "language",
        "exchange",
        "intent",
        "items",
    }


def test_the_language_of_the_question_wins_without_a_hint(client: Client, knowledge: None) -> None:
    body = _post(client, ASK, {"question": "Mistä saan ovikoodin?"}).json()
    assert body["entry_id"] == "access-code" and body["language"] == "fi"


def test_out_of_scope_falls_back_without_our_topics(client: Client, knowledge: None) -> None:
    body = _post(client, ASK, {"question": "How do I renew my passport?", "lang": "en"}).json()
    assert body["fallback"] is True
    assert body["entry_id"] is None
    assert body["link"] is None
    assert body["answer"] == ""
    assert body["suggestions"] == []
    assert Exchange.objects.get().review == ReviewState.PENDING


def test_an_unsure_answer_suggests_the_closest_topics(client: Client, knowledge: None) -> None:
    question = "Where do I get the door code for the gym?"
    body = _post(client, ASK, {"question": question, "lang": "en"}).json()
    assert body["fallback"] is True
    assert 2 <= len(body["suggestions"]) <= 3
    assert {s["entry_id"] for s in body["suggestions"][:2]} == {"access-code", "code-not-working"}
    assert set(body["suggestions"][0]) == {"entry_id", "title", "score"}


def test_a_municipality_is_recorded_and_an_unknown_one_refused(
    client: Client, knowledge: None, make_municipality: Callable[..., Municipality]
) -> None:
    city = make_municipality(slug="turku", name="Turku")
    _post(client, ASK, {"question": "Mistä saan ovikoodin?", "municipality": "turku"})
    assert Exchange.objects.get().municipality == city
    refused = _post(client, ASK, {"question": "Mistä saan ovikoodin?", "municipality": "nowhere"})
    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["field"] == "municipality"


@pytest.mark.parametrize(
    "body",
    [{"question": ""}, {"question": "x" * 600}, {"question": "Hei", "lang": "de"}, {}],
)
def test_bad_questions_are_problems(client: Client, knowledge: None, body: dict[str, Any]) -> None:
    response = _post(client, ASK, body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert not Exchange.objects.exists()


def test_asking_is_rate_limited(client: Client, knowledge: None) -> None:
    allowed = int(API_ASK_RATE.split("/")[0])
    for _ in range(allowed):
        assert _post(client, ASK, {"question": "Mistä saan ovikoodin?"}).status_code == 200
    refused = _post(client, ASK, {"question": "Mistä saan ovikoodin?"})
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"


def test_callers_without_cookies_need_no_csrf_token(knowledge: None) -> None:
    strict = Client(enforce_csrf_checks=True)
    assert _post(strict, ASK, {"question": "Mistä saan ovikoodin?"}).status_code == 200


def test_a_session_must_send_its_csrf_token(
    knowledge: None, make_user: Callable[..., User]
) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_user())
    assert _post(strict, ASK, {"question": "Mistä saan ovikoodin?"}).status_code == 403


def test_not_helpful_marks_the_exchange_for_review(client: Client, knowledge: None) -> None:
    exchange = _post(client, ASK, {"question": "Mistä saan ovikoodin?"}).json()["exchange"]
    assert _post(client, NOT_HELPFUL, {"exchange": exchange}).status_code == 204
    row = Exchange.objects.get()
    assert row.helpful is False and row.review == ReviewState.PENDING
    forged = _post(client, NOT_HELPFUL, {"exchange": str(row.pk)})
    assert forged.status_code == 400
    assert forged["Content-Type"] == "application/problem+json"


def test_the_operations_are_in_the_openapi_document(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "post" in paths[ASK] and "post" in paths[NOT_HELPFUL]
