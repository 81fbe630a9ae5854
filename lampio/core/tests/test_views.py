from __future__ import annotations

from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_is_down(client):
    with mock.patch("lampio.core.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_root_redirects_to_finnish_by_default(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/fi/"


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_pages_carry_their_language(client, language):
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}"' in page


def test_language_switch_keeps_the_page(client):
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/fi/accessibility/"})
    assert response.status_code == 302 and response["Location"] == "/sv/accessibility/"


def test_display_preferences_are_stored_in_a_cookie_and_applied(client):
    url = reverse("core:display_preferences")
    response = client.post(url, {"text_size": "largest", "contrast": "high", "next": "/fi/"})
    assert response.status_code == 302 and response["Location"] == "/fi/"
    assert client.cookies["lampio_display"].value == "largest.high"
    page = client.get("/fi/").content.decode()
    assert 'class="text-largest contrast-high"' in page


def test_display_preferences_refuse_unknown_values_and_offsite_redirects(client):
    url = reverse("core:display_preferences")
    response = client.post(url, {"text_size": "gigantic", "contrast": "high"})
    assert response.status_code == 200 and "lampio_display" not in response.cookies
    response = client.post(
        url, {"text_size": "large", "contrast": "normal", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("home")


def test_a_tampered_cookie_falls_back_to_defaults(client):
    client.cookies["lampio_display"] = "<script>.x"
    assert 'class="text-normal contrast-normal"' in client.get("/fi/").content.decode()


def test_security_headers_forbid_inline_scripts_and_framing(client):
    response = client.get("/fi/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_every_response_has_a_request_id_and_keeps_a_sane_incoming_one(client):
    assert len(client.get("/healthz")["X-Request-ID"]) == 32
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="abcd-1234-efgh")
    assert kept["X-Request-ID"] == "abcd-1234-efgh"
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="bad id\n<script>")
    assert replaced["X-Request-ID"] != "bad id\n<script>"


def test_unknown_pages_get_a_translated_404(client):
    response = client.get("/sv/does-not-exist/")
    assert response.status_code == 404
    assert '<html lang="sv"' in response.content.decode()


def test_rate_limited_form_posts_get_a_429_page(client):
    url = reverse("core:display_preferences")
    data = {"text_size": "large", "contrast": "normal"}
    statuses = [client.post(url, data).status_code for _ in range(61)]
    assert statuses[-1] == 429 and set(statuses[:60]) == {302}


def test_language_switch_works_whatever_language_the_browser_prefers(client):
    response = client.post(
        "/i18n/setlang/",
        {"language": "sv", "next": "/fi/accessibility/"},
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    assert response["Location"] == "/sv/accessibility/"


def test_logs_are_json_lines_with_the_request_id(client, capsys, settings):
    import json
    import logging
    import logging.config

    logging_config = {**settings.LOGGING}
    logging_config["handlers"] = {
        "console": {**settings.LOGGING["handlers"]["console"], "formatter": "json"}
    }
    logging.config.dictConfig(logging_config)
    try:
        client.get("/fi/no-such-page/", HTTP_X_REQUEST_ID="trace-12345678")
    finally:
        logging.config.dictConfig(settings.LOGGING)
    lines = [
        json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")
    ]
    not_found = next(line for line in lines if line["logger"] == "django.request")
    assert not_found["level"] == "WARNING"
    assert not_found["request_id"] == "trace-12345678"


def test_privacy_notice_states_the_retention_periods(client, settings):
    settings.LAMPIO_ASSISTANT_QUESTION_RETENTION_DAYS = 123
    settings.LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS = 456
    page = client.get("/en/privacy/").content.decode()
    assert "deleted after 123 days" in page
    assert "erased 456 days after" in page
