"""The account's own section of the personal-data export and erasure."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from lampio.accounts.audit_erasure import export_audit_trail, redact_own_rows
from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data


def export_account(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "phone": user.phone,
        "phone_verified_at": (
            user.phone_verified_at.isoformat() if user.phone_verified_at else None
        ),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "identity_providers": [
            {
                "provider": account.provider,
                "uid": account.uid,
                "date_joined": account.date_joined.isoformat(),
            }
            for account in SocialAccount.objects.filter(user=user).order_by("pk")
        ],
        "second_factors": [
            {"type": authenticator.type, "created_at": authenticator.created_at.isoformat()}
            for authenticator in Authenticator.objects.filter(user=user).order_by("pk")
        ],
        "audit_log": export_audit_trail(user),
        "api_tokens": [
            {"created_at": token.created_at.isoformat(), "expires_at": token.expires_at.isoformat()}
            for token in user.api_tokens.order_by("pk")
        ],
    }


def erase_account(user: User) -> None:
    """Remove login identities and credentials; the user row itself is anonymised by the service.

    The audit log goes first, while the person's rows and addresses still lead to its entries.
    """
    redact_own_rows(user)
    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.api_tokens.all().delete()


register_personal_data("account", export=export_account, erase=erase_account)
