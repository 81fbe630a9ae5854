"""The staff access page: the door system, controller keys, testing a code, door alerts and
each space's way in. Only staff who manage the organisation in the address; others get 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.bookings import access, access_services
from lampio.bookings.doors import LocalDoorSystem
from lampio.bookings.staff_forms_access import CodeTestForm, DoorSystemForm, SpaceAccessForm
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.spaces.selectors import managed_space, managed_spaces
from lampio.spaces.staff_views import managed_organisation
from lampio.tenancy.access import found, org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

RATE = "60/m"
NEW_KEY = "access_new_controller_key"


def _page(
    request: HttpRequest,
    org: Organisation,
    *,
    settings_form: DoorSystemForm | None = None,
    test_form: CodeTestForm | None = None,
    test_result: bool | None = None,
) -> HttpResponse:
    door_system = access_services.door_system_of(org)
    context: dict[str, Any] = {
        "organisation": org,
        "door_system": door_system,
        "settings_form": settings_form
        or DoorSystemForm(initial=DoorSystemForm.initial_for(door_system), prefix="system"),
        "test_form": test_form or CodeTestForm(prefix="test"),
        "test_result": test_result,
        "new_key": request.session.pop(NEW_KEY, None),
        "alerts": access.door_alerts(org),
        "spaces": managed_spaces(actor=request.user, organisation=org),
    }
    return render(request, "bookings/access/staff_page.html", context)


def _back(org: Organisation) -> HttpResponse:
    return redirect("access_staff:page", **org_url_kwargs(org))


@staff_required
def page(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    return _page(request, managed_organisation(request, municipality, organisation))


@staff_required
@require_POST
@rate_limit_posts(group="staff-access", rate=RATE)
def door_system(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    form = DoorSystemForm(request.POST, prefix="system")
    if form.is_valid():
        try:
            access_services.configure_door_system(
                actor=acting_user(request),
                organisation=org,
                kind=form.cleaned_data["kind"],
                endpoint_url=form.cleaned_data["endpoint_url"],
                signing_secret=form.cleaned_data["signing_secret"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The door system was saved."))
            return _back(org)
    return _page(request, org, settings_form=form)


@staff_required
@require_POST
@rate_limit_posts(group="staff-access", rate=RATE)
def controller_key(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    key = access_services.new_controller_key(actor=acting_user(request), organisation=org)
    # Shown on the next page load only; the database keeps just its hash.
    request.session[NEW_KEY] = key
    return _back(org)


@staff_required
@require_POST
@rate_limit_posts(group="staff-access-test", rate="30/m")
def test_code(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    form = CodeTestForm(request.POST, prefix="test")
    result = None
    if form.is_valid():
        result = LocalDoorSystem(org.pk).would_open(
            form.cleaned_data["door"], form.cleaned_data["code"], form.moment()
        )
    return _page(request, org, test_form=form, test_result=result)


def _alert_action(request: HttpRequest, org: Organisation, sync_id: int, *, retry: bool) -> None:
    service = access_services.retry_door_sync if retry else access_services.mark_door_sync_handled
    try:
        service(actor=acting_user(request), organisation=org, sync_id=sync_id)
    except NotFound:
        messages.error(request, _("This alert has already been handled."))
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("The change was sent to the door system again.")
            if retry
            else _("The alert was marked handled."),
        )


@staff_required
@require_POST
@rate_limit_posts(group="staff-access", rate=RATE)
def retry(request: HttpRequest, municipality: str, organisation: str, sync_id: int) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    _alert_action(request, org, sync_id, retry=True)
    return _back(org)


@staff_required
@require_POST
@rate_limit_posts(group="staff-access", rate=RATE)
def handled(
    request: HttpRequest, municipality: str, organisation: str, sync_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    _alert_action(request, org, sync_id, retry=False)
    return _back(org)


@staff_required
@rate_limit_posts(group="staff-access", rate=RATE)
def space_access(
    request: HttpRequest, municipality: str, organisation: str, space_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    space = found(managed_space, actor=user, organisation=org, space_id=space_id)
    form = SpaceAccessForm(request.POST or None, initial=SpaceAccessForm.initial_for(space))
    if request.method == "POST" and form.is_valid():
        try:
            access_services.update_space_access(actor=user, space=space, details=form.details())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The access settings of the space were saved."))
            return _back(org)
    context = {"organisation": org, "space": space, "form": form}
    return render(request, "bookings/access/space_form.html", context)
