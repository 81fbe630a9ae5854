"""What the fuzzer found, pinned down: each input here once answered 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from lampio.feedback.forms import CoordinateField
from lampio.feedback.services.setup import set_up_feedback
from tests import matrix_ideas
from tests.form_fuzz.conftest import url

pytestmark = pytest.mark.django_db


def test_a_coordinate_too_long_to_round_is_refused_not_a_crash():
    field = CoordinateField(required=False, min_value=-180, max_value=180)
    with pytest.raises(ValidationError):
        field.clean("1" + "0" * 40)


def test_feedback_with_a_huge_longitude_comes_back_with_the_reason(client, make_organisation):
    desk = make_organisation()
    set_up_feedback(
        municipality=desk.municipality, fallback_organisation=desk, open311_id="bug.example.fi"
    )
    address = f"{url('feedback:give')}?municipality={desk.municipality.slug}"
    data = {"text": "Lamppu on rikki.", "latitude": "65", "longitude": "1" + "0" * 40}
    response = client.post(address, data)
    assert response.status_code == 200
    assert "1" + "0" * 40 in response.content.decode()


@pytest.mark.parametrize("name", ["ideas:index", "spaces:search", "offerings:list"])
def test_a_nul_in_a_search_is_harmless(client, make_organisation, name):
    matrix_ideas.objects(make_organisation())
    assert client.get(url(name), {"q": "kirja\x00sto"}).status_code == 200


def test_a_nul_in_the_campaign_of_a_new_idea_is_harmless(client, resident, make_organisation):
    board: Any = matrix_ideas.objects(make_organisation())["slug"]
    client.force_login(resident)
    address = f"{url('ideas:new')}?board={board}"
    data = {"send": "1", "campaign": "\x00", "title": "Ukuleleja", "body": "Lainaan ukuleleja."}
    assert client.post(address, data).status_code == 200
