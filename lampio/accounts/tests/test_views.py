from __future__ import annotations

import json

import pytest
from django.urls import reverse

from conftest import PASSWORD
from lampio.accounts.models import User

pytestmark = pytest.mark.django_db


def test_profile_needs_login(client):
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_profile_saves_language_and_shows_the_page_in_it(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Aino", "last_name": "Virtanen", "preferred_language": "sv"},
        follow=True,
    )
    resident.refresh_from_db()
    assert resident.preferred_language == "sv"
    assert response.status_code == 200


def test_invalid_profile_input_keeps_what_was_typed(client, resident):
    client.force_login(resident)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "Aino", "last_name": "x" * 200, "preferred_language": "fi"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Aino"' in page and "x" * 200 in page
    assert 'aria-invalid="true"' in page


def test_export_downloads_the_persons_data_as_json(client, resident):
    client.force_login(resident)
    response = client.get(reverse("accounts:export"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["sections"]["account"]["email"] == resident.email


def test_delete_needs_the_confirmation_and_the_password(client, resident):
    client.force_login(resident)
    url = reverse("accounts:delete")
    response = client.post(url, {"password": PASSWORD})
    assert response.status_code == 200 and User.objects.get(pk=resident.pk).is_active
    response = client.post(url, {"confirm": "on", "password": "wrong"})
    assert response.status_code == 200 and User.objects.get(pk=resident.pk).is_active

    response = client.post(url, {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.get(pk=resident.pk).is_active
    assert client.get(reverse("accounts:profile")).status_code == 302  # logged out


def test_login_with_email_and_password_lands_on_profile_in_preferred_language(client, make_user):
    person = make_user(preferred_language="en")
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/")


def test_signup_requires_email_verification(client, db, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.person@example.fi",
            "password1": "Tosi-hyva-salasana-9",
            "password2": "Tosi-hyva-salasana-9",
        },
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "new.person@example.fi" in mailoutbox[0].to
    # Not logged in until the address is verified.
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_profile_form_is_rate_limited(client, resident, settings):
    client.force_login(resident)
    data = {"first_name": "A", "last_name": "B", "preferred_language": "fi"}
    statuses = [client.post(reverse("accounts:profile"), data).status_code for _ in range(31)]
    assert statuses[:30] == [302] * 30
    assert statuses[30] == 429


def test_staff_need_a_second_factor_for_the_admin_too(client, settings, make_user):
    from allauth.mfa.models import Authenticator

    settings.LAMPIO_STAFF_MFA_REQUIRED = True
    admin = make_user(is_staff=True, is_superuser=True, is_network_admin=True)
    client.force_login(admin)
    assert client.get("/fi/admin/").status_code == 302  # to the admin login: no access yet
    Authenticator.objects.create(user=admin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/fi/admin/").status_code == 200


def test_admin_shows_translated_fields_for_organisations(client, settings, make_user):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    admin = make_user(is_staff=True, is_superuser=True, is_network_admin=True)
    client.force_login(admin)
    page = client.get("/en/admin/tenancy/organisation/add/").content.decode()
    assert all(f'name="name_{language}"' in page for language in ("fi", "sv", "en"))


def test_an_oidc_provider_appears_on_the_login_page_when_configured(client, settings, db):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "suomifi",
                    "name": "Suomi.fi",
                    "client_id": "lampio",
                    "secret": "s3cret",
                    "settings": {"server_url": "https://idp.example.fi"},
                }
            ]
        }
    }
    page = client.get(reverse("account_login")).content.decode()
    assert "Suomi.fi" in page
    assert "/accounts/oidc/suomifi/login/" in page


def test_failed_logins_are_rate_limited_per_account(client, resident):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": resident.email, "password": "wrong"})
    response = client.post(url, {"login": resident.email, "password": PASSWORD})
    assert response.status_code in {200, 429}
    assert client.get(reverse("accounts:profile")).status_code == 302  # still not logged in
