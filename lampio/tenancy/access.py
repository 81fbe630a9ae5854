"""The gate in front of the staff area: a role, and a second factor where required."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lampio.core.errors import NotFound
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can, has_any_role
from lampio.tenancy.selectors import organisation_for

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


def organisation_in_url(
    request: HttpRequest, municipality: str, organisation: str, action: Action
) -> Organisation:
    """The organisation a staff address names, if the person may do `action` for it.

    An organisation the person has no role in is not found (404), so addresses do not reveal
    which organisations exist; a role without `action` is forbidden (403).
    """
    try:
        org = organisation_for(
            actor=request.user, slug=organisation, municipality_slug=municipality
        )
    except NotFound as error:
        raise Http404 from error
    if not can(request.user, action, org):
        raise DjangoPermissionDenied
    return org


def found(lookup: Callable[..., Any], **kwargs: Any) -> Any:
    """Call a selector; its NotFound becomes the 404 page."""
    try:
        return lookup(**kwargs)
    except NotFound as error:
        raise Http404 from error


def org_url_kwargs(org: Organisation) -> dict[str, Any]:
    """The URL arguments of every staff page of `org`."""
    return {"municipality": org.municipality.slug, "organisation": org.slug}
