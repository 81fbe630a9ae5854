"""The survey pages: the form, its errors, one answer per invitation, limits, open links."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.surveys.invitations import Invitation, invitation_token
from lampio.surveys.models import VisitorResponse
from lampio.surveys.selectors import visit_link_of
from lampio.tenancy.models import Organisation

pytestmark = pytest.mark.django_db


def answer_url(token: str) -> str:
    return reverse("surveys:answer", kwargs={"survey_token": token})


def test_the_form_shows_every_answer_in_words(client: Any, token: str) -> None:
    with translation.override("en"):
        response = client.get(answer_url(token))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    page = response.content.decode()
    for words in ("Very good", "Neither easy nor difficult", "Certainly not", "75 or over"):
        assert words in page
    assert "I prefer not to say" in page and "Somewhere else" in page
    assert 'name="overall"' in page and "<textarea" not in page  # no free text
    assert "Kulttuuritalo" in page  # the venue the visit was to


def test_answering_stores_the_answer_and_thanks(client: Any, token: str) -> None:
    response = client.post(
        answer_url(token),
        {"overall": "5", "ease": "4", "age_group": "75-plus", "home_municipality": "oulu"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("surveys:thanks")
    stored = VisitorResponse.objects.get()
    assert (stored.overall, stored.ease, stored.return_likelihood) == (5, 4, None)
    assert (stored.age_group, stored.home_municipality, stored.language) == (
        "75-plus",
        "oulu",
        "fi",
    )
    assert client.get(response["Location"]).status_code == 200


def test_a_second_answer_is_refused_calmly(client: Any, token: str) -> None:
    client.post(answer_url(token), {"overall": "5"})
    with translation.override("en"):
        again = client.get(answer_url(token))
        posted = client.post(answer_url(token), {"overall": "1"})
    assert again.status_code == posted.status_code == 200
    assert "already been answered" in again.content.decode()
    assert 'name="overall"' not in again.content.decode()
    assert VisitorResponse.objects.get().overall == 5


def test_a_missing_answer_comes_back_with_the_choices_kept(client: Any, token: str) -> None:
    with translation.override("en"):
        response = client.post(answer_url(token), {"ease": "2", "age_group": "45-64"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your answer was not sent yet" in page
    assert 'href="#id_overall"' in page and "Choose one of the five answers." in page
    assert 'value="2" class="survey-choice" id="id_ease_3" checked' in page
    assert not VisitorResponse.objects.exists()


def test_an_expired_invitation_says_so(client: Any, invitation: Invitation) -> None:
    assert invitation.last_day is not None
    old = replace(invitation, last_day=invitation.last_day - timedelta(days=60))
    with translation.override("en"):
        response = client.get(answer_url(invitation_token(old)))
    assert response.status_code == 410
    assert "The time to answer this survey has passed" in response.content.decode()


def test_a_forged_link_is_not_found(client: Any, token: str) -> None:
    assert client.get(answer_url(token + "x")).status_code == 404
    poster = reverse("surveys:visit", kwargs={"survey_visit_token": token})
    assert client.get(poster).status_code == 404


def test_an_open_visit_link_answers_again_and_again(
    client: Any, organisation: Organisation
) -> None:
    url = reverse("surveys:visit", kwargs={"survey_visit_token": visit_link_of(organisation, None)})
    for grade in ("4", "3"):
        assert client.post(url, {"overall": grade}).status_code == 302
    assert VisitorResponse.objects.filter(context="visit").count() == 2


def test_answers_are_rate_limited_by_address(
    client: Any, organisation: Organisation, settings: Any
) -> None:
    url = reverse("surveys:visit", kwargs={"survey_visit_token": visit_link_of(organisation, None)})
    statuses = [client.post(url, {"overall": "5"}).status_code for _ in range(7)]
    assert statuses == [302] * 6 + [429]
    assert VisitorResponse.objects.count() == 6


def test_the_pages_speak_swedish(client: Any, token: str) -> None:
    response = client.get("/sv" + answer_url(token)[3:])
    assert response.status_code == 200
    assert 'lang="sv"' in response.content.decode()
