"""The admin of the ideas set-up: every list and form opens, in three languages."""

from __future__ import annotations

import pytest

from lampio.ideas.models import FilteredWord, StrategyTheme

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/ideas"
MODELS = [
    "board",
    "campaign",
    "ideacategory",
    "ideastate",
    "strategytheme",
    "routingprofile",
    "filteredword",
]


@pytest.fixture
def admin_client(client, make_user, settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_lists_and_add_forms_open(admin_client, board, campaign, library, model):
    StrategyTheme.objects.create(slug="kaikille", name_fi="Kaikille")
    FilteredWord.objects.create(word="roska")
    assert admin_client.get(f"{ADMIN}/{model}/").status_code == 200
    assert admin_client.get(f"{ADMIN}/{model}/add/").status_code == 200


def test_a_board_form_has_the_three_languages(admin_client, board):
    content = admin_client.get(f"{ADMIN}/board/{board.pk}/change/").content.decode()
    assert all(f'name="title_{language}"' in content for language in ("fi", "sv", "en"))


def test_adding_a_filtered_word(admin_client):
    response = admin_client.post(f"{ADMIN}/filteredword/add/", {"word": "tyhmä"})
    assert response.status_code == 302
    assert FilteredWord.objects.filter(word="tyhmä").exists()
