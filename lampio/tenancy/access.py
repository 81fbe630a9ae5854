"""The gate in front of the staff area: a role, and a second factor where required."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lampio.tenancy.permissions import Actor, has_any_role

View = Callable[..., HttpResponse]


def needs_second_factor(actor: Actor) -> bool:
    """Staff roles must have MFA set up before acting, unless the deployment turned it off."""
    if not settings.LAMPIO_STAFF_MFA_REQUIRED or not actor.is_authenticated:
        return False
    return has_any_role(actor) and not is_mfa_enabled(actor)


def staff_required(view: View) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_any_role(request.user):
            return render(request, "tenancy/staff_forbidden.html", status=403)
        if needs_second_factor(request.user):
            messages.info(
                request, _("Set up two-factor authentication before you use the staff area.")
            )
            return redirect("mfa_index")
        return view(request, *args, **kwargs)

    return wrapped
