"""Reads on accounts."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.privacy import personal_data_sections

EXPORT_FORMAT_VERSION = 1


def personal_data_export(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about `user`, section by section, as JSON-ready data."""
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "sections": {section.name: section.export(user) for section in personal_data_sections()},
    }


def has_verified_contact(user: User) -> bool:
    """Whether messages can reach `user` at an address they proved is theirs: a verified email
    address, or a mobile number they typed a code from."""
    if user.phone and user.phone_verified_at is not None:
        return True
    return EmailAddress.objects.filter(user=user, verified=True).exists()
