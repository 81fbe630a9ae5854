"""Open311 clients: the key is shown once (admin message, command output); only a hash is kept."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command

from lampio.feedback.models import Feedback, Open311Client, hash_api_key

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/feedback"


@pytest.fixture
def admin_client(client, make_user, settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(make_user(is_staff=True, is_superuser=True))
    return client


def shown_key(response) -> str:
    found = re.search(r"API key of [^<]* is ([\w-]{40,})\.", response.content.decode())
    assert found, "the key is shown"
    return found.group(1)


def test_creating_a_client_shows_its_key_once_and_stores_only_the_hash(admin_client, city):
    response = admin_client.post(
        f"{ADMIN}/open311client/add/",
        {"name": "Kaupunkisovellus", "municipality": city.pk, "is_active": "on"},
        follow=True,
    )
    assert response.status_code == 200
    key = shown_key(response)
    client = Open311Client.objects.get()
    assert (client.key_hash, client.key_prefix) == (hash_api_key(key), key[:8])
    assert client.municipality == city
    assert (
        key not in admin_client.get(f"{ADMIN}/open311client/{client.pk}/change/").content.decode()
    )
    assert key not in admin_client.get(f"{ADMIN}/open311client/").content.decode()


def test_editing_keeps_the_key_and_the_action_issues_a_new_one(admin_client):
    client = Open311Client(name="Sovellus")
    old_key = client.issue_key()
    client.save()
    admin_client.post(
        f"{ADMIN}/open311client/{client.pk}/change/", {"name": "Uusi nimi", "is_active": "on"}
    )
    client.refresh_from_db()
    assert (client.name, client.key_hash) == ("Uusi nimi", hash_api_key(old_key))
    response = admin_client.post(
        f"{ADMIN}/open311client/",
        {"action": "issue_new_keys", "_selected_action": [client.pk]},
        follow=True,
    )
    new_key = shown_key(response)
    client.refresh_from_db()
    assert new_key != old_key and client.key_hash == hash_api_key(new_key)


def test_feedback_is_read_only_in_the_admin(admin_client, make_feedback):
    feedback = make_feedback()
    page = admin_client.get(f"{ADMIN}/feedback/{feedback.pk}/change/")
    assert page.status_code == 200
    assert "Projektori ei käynnisty." in page.content.decode()
    admin_client.post(f"{ADMIN}/feedback/{feedback.pk}/change/", {"text": "Muutettu"})
    assert Feedback.objects.get().text == "Projektori ei käynnisty."
    assert admin_client.get(f"{ADMIN}/feedback/add/").status_code == 403


def test_setup_admin_pages_open(admin_client, jurisdiction):
    for model in ("jurisdiction", "feedbackstate", "feedbackcategory", "replytemplate"):
        assert admin_client.get(f"{ADMIN}/{model}/").status_code == 200, model
        assert admin_client.get(f"{ADMIN}/{model}/add/").status_code == 200, model


def test_command_prints_the_key_once(city):
    out = io.StringIO()
    call_command("create_open311_client", "--name", "Palautesovellus", "--municipality", "oulu",
                 stdout=out)  # fmt: skip
    key = out.getvalue().strip().splitlines()[-1]
    client = Open311Client.objects.get()
    assert client.key_hash == hash_api_key(key) and client.municipality == city
    with pytest.raises(CommandError):
        call_command("create_open311_client", "--name", "X", "--municipality", "nowhere")
