"""Writes on accounts: profile changes, API tokens, personal-data erasure."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lampio.accounts.audit_erasure import identifiers_of, scrub_mentions
from lampio.accounts.models import ApiToken, User
from lampio.core.audit_context import set_actor
from lampio.core.errors import (
    InvalidInput,
    NotAuthenticated,
    PermissionDenied,
    SecondFactorRequired,
)
from lampio.core.privacy import personal_data_sections

TOKEN_PREFIX = "lmp_"  # noqa: S105  (a public prefix that makes leaked tokens greppable)


def update_profile(
    *, actor: User, user: User, first_name: str, last_name: str, preferred_language: str
) -> User:
    if actor.pk != user.pk:
        raise PermissionDenied()
    if preferred_language not in dict(settings.LANGUAGES):
        raise InvalidInput(_("Choose one of the offered languages."), field="preferred_language")
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.preferred_language = preferred_language
    user.save(update_fields=["first_name", "last_name", "preferred_language"])
    return user


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_api_token(
    *, request: HttpRequest | None, email: str, password: str, code: str = ""
) -> str:
    """Check the credentials and return a new bearer token; only its hash is stored.

    A person who has set up two-factor authentication must also give a current code, so a
    leaked password alone cannot mint a token that skips the second factor.
    """
    user = authenticate(request, email=email.strip().lower(), password=password)
    if not isinstance(user, User) or not user.is_active:
        raise NotAuthenticated(_("The email address or password is incorrect."))
    if is_mfa_enabled(user):
        _check_second_factor(user, code)
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(
        user=user,
        key_hash=hash_token(key),
        expires_at=timezone.now() + timedelta(days=settings.API_TOKEN_TTL_DAYS),
    )
    return key


def _check_second_factor(user: User, code: str) -> None:
    if not code.strip():
        raise SecondFactorRequired(field="code")
    authenticators = Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    )
    if not any(
        authenticator.wrap().validate_code(code.strip()) for authenticator in authenticators
    ):
        raise NotAuthenticated(_("The code is incorrect or already used."), field="code")


def user_for_api_token(key: str) -> User | None:
    """The active user a token belongs to, or None for an unknown, expired or revoked token."""
    if not key.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    # One row at most (the hash is unique): sliced, not `first()`, which would also sort.
    found = ApiToken.objects.select_related("user").filter(
        key_hash=hash_token(key), expires_at__gt=now, user__is_active=True
    )[:1]
    token = next(iter(found), None)
    if token is None:
        return None
    # Write the last-use time at most once a minute so a busy client does not write per call.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def delete_account(*, actor: User, user: User) -> None:
    """Erase a person's data and anonymise the account row that audit entries still point to.

    Every registered personal-data section erases its part in the same transaction, so a
    failure anywhere leaves the account as it was rather than half deleted.
    """
    if actor.pk != user.pk:
        raise PermissionDenied()
    with set_actor(actor):
        erase_person(user)


def erase_person(user: User) -> None:
    """Erase `user` as `delete_account` does, without an actor check: for the retention sweep,
    which erases accounts nobody has signed in to for years (lampio/retention_policy.py)."""
    with transaction.atomic():
        identifiers = identifiers_of(user)
        for section in personal_data_sections():
            section.erase(user)
        user.email = f"deleted-{user.pk}@deleted.invalid"
        user.phone = None
        user.phone_verified_at = None
        user.first_name = ""
        user.last_name = ""
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.is_network_admin = False
        user.deleted_at = timezone.now()
        # A new (unusable) password changes the session hash, which ends every other session.
        user.set_unusable_password()
        user.save()
        scrub_mentions(user, identifiers)
