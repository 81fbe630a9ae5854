from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from auditlog.models import LogEntry
from django.utils import timezone

from conftest import PASSWORD
from lampio.accounts import services
from lampio.accounts.models import ApiToken, User
from lampio.core.errors import InvalidInput, NotAuthenticated, PermissionDenied
from lampio.tenancy.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_profile_update_saves_names_and_language(resident):
    services.update_profile(
        actor=resident,
        user=resident,
        first_name=" Aino ",
        last_name="Virtanen",
        preferred_language="sv",
    )
    resident.refresh_from_db()
    assert (resident.first_name, resident.preferred_language) == ("Aino", "sv")


def test_profile_update_refuses_unknown_language_and_other_people(resident, make_user):
    with pytest.raises(InvalidInput) as error:
        services.update_profile(
            actor=resident, user=resident, first_name="", last_name="", preferred_language="de"
        )
    assert error.value.field == "preferred_language"
    with pytest.raises(PermissionDenied):
        services.update_profile(
            actor=make_user(), user=resident, first_name="x", last_name="", preferred_language="fi"
        )


def test_token_is_issued_for_right_credentials_and_stored_only_as_a_hash(resident):
    token = services.issue_api_token(request=None, email=resident.email, password=PASSWORD)
    stored = ApiToken.objects.get(user=resident)
    assert token not in stored.key_hash
    assert services.user_for_api_token(token) == resident
    assert services.user_for_api_token(token + "x") is None


def test_wrong_password_gets_no_token(resident):
    with pytest.raises(NotAuthenticated):
        services.issue_api_token(request=None, email=resident.email, password="wrong")
    assert not ApiToken.objects.exists()


def test_expired_tokens_and_inactive_users_are_refused(resident):
    token = services.issue_api_token(request=None, email=resident.email, password=PASSWORD)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert services.user_for_api_token(token) is None
    fresh = services.issue_api_token(request=None, email=resident.email, password=PASSWORD)
    User.objects.filter(pk=resident.pk).update(is_active=False)
    assert services.user_for_api_token(fresh) is None


def test_delete_account_erases_personal_data_and_keeps_an_anonymous_row(
    client, make_organisation, make_member
):
    organisation = make_organisation()
    admin = make_member(organisation, role=Role.ADMIN, first_name="Sanna")
    colleague = make_member(organisation, role=Role.ADMIN)
    services.issue_api_token(request=None, email=colleague.email, password=PASSWORD)
    client.force_login(colleague)
    # An audited staff action by the colleague that must survive the deletion.
    from lampio.tenancy import services as tenancy_services

    tenancy_services.change_member_role(
        actor=colleague, membership=admin.memberships.get(), role=Role.ADMIN
    )
    entries_before = LogEntry.objects.filter(actor=colleague).count()

    services.delete_account(actor=colleague, user=colleague)

    colleague.refresh_from_db()
    assert colleague.email.endswith("@deleted.invalid")
    assert not colleague.is_active and not colleague.has_usable_password()
    assert colleague.deleted_at is not None
    assert not EmailAddress.objects.filter(user=colleague).exists()
    assert not Membership.objects.filter(user=colleague).exists()
    assert not ApiToken.objects.filter(user=colleague).exists()
    assert LogEntry.objects.filter(actor=colleague).count() >= entries_before
    # The other session ends: its password hash no longer matches.
    assert client.get("/fi/profile/").status_code == 302


def test_nobody_deletes_someone_elses_account(resident, make_user):
    with pytest.raises(PermissionDenied):
        services.delete_account(actor=make_user(), user=resident)
    resident.refresh_from_db()
    assert resident.is_active


def current_totp_code(secret: str) -> str:
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_accounts_with_two_factor_login_need_a_current_code_for_a_token(resident):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from lampio.core.errors import SecondFactorRequired

    secret = generate_totp_secret()
    TOTP.activate(resident, secret)
    with pytest.raises(SecondFactorRequired):
        services.issue_api_token(request=None, email=resident.email, password=PASSWORD)
    with pytest.raises(NotAuthenticated):
        services.issue_api_token(
            request=None, email=resident.email, password=PASSWORD, code="000000x"
        )
    code = current_totp_code(secret)
    token = services.issue_api_token(
        request=None, email=resident.email, password=PASSWORD, code=code
    )
    assert services.user_for_api_token(token) == resident
    with pytest.raises(NotAuthenticated):  # a code works once
        services.issue_api_token(request=None, email=resident.email, password=PASSWORD, code=code)
