"""People known only by a mobile number: no email, no password, the same rights to their data."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from lampio.accounts import selectors, services
from lampio.accounts.models import User

PHONE = "+358401234567"


@pytest.fixture
def phone_user(db: None) -> User:
    return User.objects.create_phone_user(
        PHONE, first_name="", preferred_language="en", phone_verified_at=timezone.now()
    )


def test_a_phone_user_has_no_email_and_no_password(phone_user):
    phone_user.refresh_from_db()
    assert phone_user.email is None
    assert not phone_user.has_usable_password()
    assert phone_user.display_name == PHONE
    assert str(phone_user) == PHONE


def test_many_people_may_lack_email_but_a_number_is_one_persons(phone_user):
    User.objects.create_phone_user("+358501234567")
    assert User.objects.filter(email__isnull=True).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_phone_user(PHONE)


def test_a_phone_user_needs_a_number_in_international_form(db):
    with pytest.raises(ValueError, match="international"):
        User.objects.create_phone_user("0401234567")


def test_password_accounts_still_need_an_email(db):
    with pytest.raises(ValueError, match="email"):
        User.objects.create_user(email="", password="x")


def test_the_export_includes_the_mobile_number(phone_user):
    account = selectors.personal_data_export(user=phone_user)["sections"]["account"]
    assert account["phone"] == PHONE
    assert account["email"] is None
    assert account["phone_verified_at"] is not None


def test_deleting_the_account_clears_the_mobile_number(phone_user, make_user):
    services.delete_account(actor=phone_user, user=phone_user)
    phone_user.refresh_from_db()
    assert phone_user.phone is None
    assert phone_user.phone_verified_at is None
    assert phone_user.email == f"deleted-{phone_user.pk}@deleted.invalid"
    assert not phone_user.is_active
    # The number is free for a new account.
    assert User.objects.create_phone_user(PHONE).pk != phone_user.pk


def test_me_works_for_a_phone_user(client, phone_user):
    client.force_login(phone_user)
    response = client.get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["email"] is None
    assert response.json()["phone"] == PHONE


def test_the_profile_page_shows_the_mobile_number(client, phone_user):
    client.force_login(phone_user)
    response = client.get("/en/profile/")
    assert response.status_code == 200
    with translation.override("en"):
        assert f"You are logged in with the mobile number {PHONE}." in response.text


def test_the_delete_page_asks_no_password_of_a_phone_user(client, phone_user):
    client.force_login(phone_user)
    response = client.post("/en/profile/delete/", {"confirm": "on"})
    assert response.status_code == 302
    phone_user.refresh_from_db()
    assert phone_user.deleted_at is not None and phone_user.phone is None


def test_staff_find_a_person_by_number_in_the_admin(client, settings, phone_user, make_user):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    client.force_login(make_user(is_staff=True, is_superuser=True, is_network_admin=True))
    found = client.get("/en/admin/accounts/user/", {"q": "401234567"})
    assert found.status_code == 200
    assert list(found.context["cl"].result_list) == [phone_user]
