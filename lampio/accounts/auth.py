from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from lampio.accounts.models import User


def acting_user(request: HttpRequest) -> User:
    """The logged-in person behind a request; views behind a login check call this for typing."""
    if not isinstance(request.user, User) or not request.user.is_authenticated:
        raise PermissionDenied
    return request.user
