"""Calm view: on by default on the senior pages, switchable from any page without JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from lampio.core.preferences import DisplayPreferences

pytestmark = pytest.mark.django_db


def _html_tag(client, path: str) -> str:
    page = client.get(path).content.decode()
    return page[page.index("<html") : page.index(">", page.index("<html")) + 1]


def _senior_home() -> str:
    with translation.override("en"):
        return reverse("digital:home")


def test_calm_view_is_on_by_default_on_senior_pages_only(client):
    assert 'class="text-normal contrast-normal calm"' in _html_tag(client, _senior_home())
    assert 'class="text-normal contrast-normal"' in _html_tag(client, "/en/")
    assert 'class="text-normal contrast-normal"' in _html_tag(client, "/en/offerings/")


def test_the_header_button_turns_calm_view_off_and_returns_to_the_same_page(client):
    home = _senior_home()
    page = client.get(home).content.decode()
    assert 'name="calm" value="off"' in page and "Turn calm view off" in page
    assert f'<input type="hidden" name="next" value="{home}">' in page
    response = client.post(reverse("core:display_preferences"), {"calm": "off", "next": home})
    assert response.status_code == 302 and response["Location"] == home
    assert client.cookies["lampio_display"].value == "normal.normal.off"
    assert "calm" not in _html_tag(client, home)
    assert "Turn calm view on" in client.get(home).content.decode()


def test_calm_view_turned_on_applies_everywhere_and_keeps_the_other_settings(client):
    client.cookies["lampio_display"] = "largest.high"
    response = client.post(reverse("core:display_preferences"), {"calm": "on", "next": "/en/"})
    assert response["Location"] == "/en/"
    assert client.cookies["lampio_display"].value == "largest.high.on"
    assert 'class="text-largest contrast-high calm"' in _html_tag(client, "/en/")


def test_the_settings_page_offers_the_calm_choices_and_back_to_automatic(client):
    client.cookies["lampio_display"] = "normal.normal.on"
    url = reverse("core:display_preferences")
    page = client.get(url).content.decode()
    assert 'name="calm" value="auto"' in page
    assert 'name="calm" value="on" id="id_calm_1" checked' in page
    client.post(url, {"text_size": "large", "contrast": "normal", "calm": "auto"})
    assert client.cookies["lampio_display"].value == "large.normal"
    assert 'class="text-large contrast-normal"' in _html_tag(client, "/en/")


def test_an_unknown_calm_value_is_refused_and_a_tampered_cookie_falls_back(client):
    response = client.post(reverse("core:display_preferences"), {"calm": "loud"})
    assert response.status_code == 200 and "lampio_display" not in response.cookies
    client.cookies["lampio_display"] = "normal.normal.<b>"
    assert 'class="text-normal contrast-normal calm"' in _html_tag(client, _senior_home())


@pytest.mark.parametrize(
    ("calm", "path", "on"),
    [
        ("auto", "/fi/lampio/", True),
        ("auto", "/sv/lampio/sessions/3/", True),
        ("auto", "/fi/offerings/", False),
        ("auto", "/fi/lampiokirja/", False),
        ("off", "/fi/lampio/", False),
        ("on", "/fi/offerings/", True),
    ],
)
def test_calm_in_effect(calm, path, on):
    assert DisplayPreferences(calm=calm).calm_on(path) is on
