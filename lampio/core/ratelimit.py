"""Rate limits for every form and sensitive endpoint, on top of django-ratelimit.

The limit is counted in the shared cache (Redis in production) so it holds across app servers.
A limited request gets a translated 429 page instead of django-ratelimit's bare 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import is_ratelimited

from lampio.core.errors import RateLimited

View = Callable[..., HttpResponse]


def user_or_ip(group: str, request: HttpRequest) -> str:
    """Key a limit by account when logged in, else by client address."""
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def client_ip(group: str, request: HttpRequest) -> str:
    """Key a limit by client address, logged in or not (e.g. many accounts from one place)."""
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def check_rate_limit(
    request: HttpRequest,
    *,
    group: str,
    rate: str,
    key: Callable[[str, HttpRequest], str] = user_or_ip,
) -> None:
    """Count one attempt in `group`; raise RateLimited when over `rate` (e.g. "10/m")."""
    if is_ratelimited(request, group=group, key=key, rate=rate, increment=True):
        raise RateLimited()


def rate_limit_posts(*, group: str, rate: str) -> Callable[[View], View]:
    """Limit a form view's POSTs; GETs that only show the form are never limited."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                try:
                    check_rate_limit(request, group=group, rate=rate)
                except RateLimited as error:
                    return render(
                        request, "core/rate_limited.html", {"message": error.message}, status=429
                    )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
