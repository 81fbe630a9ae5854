"""Residents' pages: my messages, choices, the unsubscribe link, and the demo outbox."""

from __future__ import annotations

import pytest

from lampio.notifications import services
from lampio.notifications.models import Delivery, Preference
from lampio.notifications.tokens import unsubscribe_token

pytestmark = pytest.mark.django_db
CONTEXT = {"space": "Sali 2", "time": "17:00"}


def test_my_messages_shows_only_my_own_newest_first(client, make_user):
    me, other = make_user(preferred_language="en"), make_user()
    services.notify(recipient=me, key="test.offer", context=CONTEXT)
    services.notify(recipient=me, key="test.reminder", context={"space": "Sali 3"})
    services.notify(recipient=other, key="test.offer", context={"space": "Secret", "time": "1"})
    client.force_login(me)
    page = client.get("/en/messages/").content.decode()
    assert page.index("Reminder: Sali 3") < page.index("A time for you: Sali 2")
    assert "Secret" not in page


def test_my_messages_needs_login(client):
    assert client.get("/en/messages/").status_code == 302


def test_preferences_turn_non_essential_messages_off_and_on(client, make_user):
    me = make_user()
    client.force_login(me)
    page = client.get("/en/messages/preferences/").content.decode()
    assert 'name="non_essential"' in page and "checked" in page
    response = client.post("/en/messages/preferences/", {}, follow=True)
    assert "You will no longer get reminders" in response.content.decode()
    assert not services.wants_non_essential(me)
    client.post("/en/messages/preferences/", {"non_essential": "on"})
    assert services.wants_non_essential(me)


def test_unsubscribe_link_asks_then_unsubscribes_without_login(client, make_user):
    me = make_user()
    url = f"/en/messages/unsubscribe/{unsubscribe_token(me.pk)}/"
    page = client.get(url).content.decode()
    assert "Yes, unsubscribe" in page
    assert services.wants_non_essential(me)  # a GET (a mail scanner) changes nothing
    response = client.post(url, follow=True)
    assert "You no longer get reminders" in response.content.decode()
    assert not services.wants_non_essential(me)
    assert client.post(url).status_code == 302  # again: still fine
    assert Preference.objects.filter(person=me).count() == 1


def test_a_forged_unsubscribe_link_is_not_found(client, make_user):
    token = unsubscribe_token(make_user().pk)
    assert client.get(f"/en/messages/unsubscribe/{token}x/").status_code == 404
    assert client.post(f"/en/messages/unsubscribe/{token}x/").status_code == 404


def test_the_demo_outbox_only_exists_in_demo_mode(client, settings, make_user):
    services.notify(recipient=make_user(), key="test.offer", context=CONTEXT)
    settings.LAMPIO_DEMO = False
    assert client.get("/en/messages/demo-outbox/").status_code == 404
    settings.LAMPIO_DEMO = True
    page = client.get("/en/messages/demo-outbox/").content.decode()
    assert "Demo outbox" in page and "no email or text message really leaves it" in page
    assert Delivery.objects.get().to in page
