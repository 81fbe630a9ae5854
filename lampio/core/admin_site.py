from __future__ import annotations

from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.http import HttpRequest


def require_admin_second_factor(
    has_permission: Callable[[HttpRequest], bool],
) -> Callable[[HttpRequest], bool]:
    """Django admin opens only to staff who have set up a second factor (when required)."""

    def wrapped(request: HttpRequest) -> bool:
        if not has_permission(request):
            return False
        return not settings.LAMPIO_STAFF_MFA_REQUIRED or is_mfa_enabled(request.user)

    return wrapped
