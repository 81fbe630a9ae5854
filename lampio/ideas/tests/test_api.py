"""The ideas API: public ideas only (no hidden, no staff boards, names only if chosen), one idea,
and posting one with a token: 201, problems as application/problem+json, rate limit."""

from __future__ import annotations

import json

import pytest

from conftest import PASSWORD
from lampio.accounts.services import issue_api_token
from lampio.ideas import api as ideas_api
from lampio.ideas import services
from lampio.ideas.models import FilteredWord, Idea

pytestmark = pytest.mark.django_db

IDEAS = "/api/v1/ideas"
PROBLEM = "application/problem+json"


def bearer(user) -> dict[str, str]:
    token = issue_api_token(request=None, email=user.email, password=PASSWORD)
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post(client, body, **headers):
    return client.post(IDEAS, data=json.dumps(body), content_type="application/json", **headers)


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert (body["status"], body["code"]) == (status, code)
    return body


def test_the_list_shows_public_ideas_with_names_only_if_chosen(
    client, make_idea, staff_board, staff, campaign
):
    anonymous = make_idea(title="Nimetön", campaign=campaign)
    named = make_idea(title="Nimellä", show_name=True)
    make_idea(actor=staff, on=staff_board, title="Henkilöstön")
    hidden = make_idea(title="Piilotettu")
    services.hide_idea(actor=staff, idea=hidden, reason="spam")
    response = client.get(IDEAS)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2 and body["next"] is None
    by_title = {item["title"]: item for item in body["results"]}
    assert set(by_title) == {"Nimetön", "Nimellä"}
    assert by_title["Nimellä"]["author"] == "Aino Asukas"
    assert by_title["Nimetön"]["author"] is None
    assert by_title["Nimetön"]["campaign"]["slug"] == "energia"
    assert by_title["Nimetön"]["state"] == {"slug": "new", "name": "Uusi"}
    assert by_title["Nimetön"]["url"].endswith(f"/ideas/{anonymous.pk}/")
    assert named.pk in {item["id"] for item in body["results"]}


def test_a_staff_token_does_not_open_staff_boards(client, make_idea, staff_board, staff):
    make_idea(actor=staff, on=staff_board)
    assert client.get(IDEAS, **bearer(staff)).json()["count"] == 0


def test_the_list_filters_by_campaign_state_and_municipality(
    client, make_idea, campaign, staff, state
):
    in_campaign = make_idea(campaign=campaign)
    accepted = make_idea()
    services.change_state(actor=staff, idea=accepted, state=state("accepted"))
    ids = lambda query: [item["id"] for item in client.get(IDEAS + query).json()["results"]]  # noqa: E731
    assert ids(f"?campaign={campaign.pk}") == [in_campaign.pk]
    assert ids("?state=accepted") == [accepted.pk]
    assert set(ids("?municipality=oulu")) == {in_campaign.pk, accepted.pk}
    assert ids("?municipality=kemi") == []


def test_the_list_is_paginated(client, make_idea):
    for number in range(3):
        make_idea(title=f"Idea {number}")
    body = client.get(IDEAS + "?page_size=2").json()
    assert body["count"] == 3 and len(body["results"]) == 2 and body["next"]
    assert_problem(client.get(IDEAS + "?page_size=1000"), 400, "invalid")


def test_one_idea_and_404_for_hidden_or_staff_ones(client, make_idea, staff_board, staff):
    idea = make_idea(show_name=False)
    response = client.get(f"{IDEAS}/{idea.pk}")
    assert response.status_code == 200
    assert response.json()["id"] == idea.pk and response.json()["author"] is None
    staff_idea = make_idea(actor=staff, on=staff_board)
    assert_problem(client.get(f"{IDEAS}/{staff_idea.pk}", **bearer(staff)), 404, "not_found")
    services.hide_idea(actor=staff, idea=idea, reason="spam")
    assert_problem(client.get(f"{IDEAS}/{idea.pk}"), 404, "not_found")


def test_posting_an_idea_with_a_token(client, board, campaign, resident, library):
    response = post(
        client,
        {
            "board": board.slug,
            "campaign": campaign.slug,
            "category": "libraries",
            "title": "Lisää kirjoja lainaan",
            "body": "Kirjastoon enemmän lainattavia kirjoja.",
            "show_name": True,
            "place": "Pääkirjasto",
        },
        **bearer(resident),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    idea = Idea.objects.get(pk=body["id"])
    assert idea.author == resident and idea.campaign == campaign
    assert body["author"] == "Aino Asukas" and body["held_for_moderation"] is False
    assert idea.suggested_organisation == library


def test_a_held_idea_is_said_to_be_held(client, board, resident):
    FilteredWord.objects.create(word="roska")
    body = {"board": board.slug, "category": "libraries", "title": "Roska", "body": "Roska."}
    assert post(client, body, **bearer(resident)).json()["held_for_moderation"] is True


def test_posting_needs_an_account(client, board):
    body = {"board": board.slug, "category": "libraries", "title": "Idea", "body": "Teksti"}
    assert_problem(post(client, body), 401, "not_authenticated")


@pytest.mark.parametrize(
    ("change", "status", "code", "field"),
    [
        ({"category": "nothing"}, 400, "invalid", "category"),
        ({"title": "  "}, 400, "invalid", "title"),
        ({"board": "nothing"}, 404, "not_found", None),
        ({"campaign": "nothing"}, 404, "not_found", None),
    ],
)
def test_posting_errors_are_problems(client, board, resident, change, status, code, field):
    body = {"board": board.slug, "category": "libraries", "title": "Idea", "body": "Teksti"}
    problem = assert_problem(post(client, {**body, **change}, **bearer(resident)), status, code)
    assert problem.get("field") == field


def test_a_resident_cannot_post_on_a_staff_board(client, staff_board, resident):
    body = {"board": staff_board.slug, "category": "libraries", "title": "Idea", "body": "Teksti"}
    assert_problem(post(client, body, **bearer(resident)), 404, "not_found")


def test_posting_is_rate_limited(client, board, resident, monkeypatch):
    monkeypatch.setattr(ideas_api, "POST_RATE", "2/m")
    headers = bearer(resident)
    body = {"board": board.slug, "category": "libraries", "title": "Idea", "body": "Teksti"}
    assert [post(client, body, **headers).status_code for _ in range(2)] == [201, 201]
    assert_problem(post(client, body, **headers), 429, "rate_limited")
    assert Idea.objects.count() == 2
