"""Memberships are personal data: who works where, in which role."""

from __future__ import annotations

from typing import Any

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.tenancy.models import Membership


def export_memberships(user: User) -> list[dict[str, Any]]:
    return [
        {
            "organisation": membership.organisation.name,
            "municipality": membership.organisation.municipality.name,
            "role": membership.role,
            "since": membership.created_at.isoformat(),
        }
        for membership in Membership.objects.filter(user=user).select_related(
            "organisation", "organisation__municipality"
        )
    ]


def erase_memberships(user: User) -> None:
    Membership.objects.filter(user=user).delete()


register_personal_data("memberships", export=export_memberships, erase=erase_memberships)
