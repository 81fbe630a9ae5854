"""Staff pages of the pilot library: the library with its search, one pilot, starting and
changing a pilot and its phases, and linking pilots to a roadmap initiative.

Every member of the network's staff reads the library (shared learning). A change the person may
not make is forbidden (403); an initiative of an organisation they have no role in is not found.
Documents, lessons and webinars are in pilot_staff_views_more.py.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lampio.accounts.auth import acting_user
from lampio.capability.forms_pilots import (
    LibrarySearchForm,
    LinkPilotForm,
    PhasesForm,
    PilotForm,
)
from lampio.capability.models import Pilot
from lampio.capability.selectors import library
from lampio.capability.selectors import pilots as selectors
from lampio.capability.services import pilots as services
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, staff_required
from lampio.tenancy.permissions import Action, can, is_network_admin

RATE = "60/m"
RATE_GROUP = "staff-capability-pilots"


def pilot_in_url(request: HttpRequest, pilot_id: int, *, edit: bool = False) -> Pilot:
    user = acting_user(request)
    pilot: Pilot = found(selectors.pilot_for_staff, actor=user, pilot_id=pilot_id)
    if edit and not selectors.may_edit_pilot(user, pilot):
        raise DjangoPermissionDenied
    return pilot


@staff_required
def pilots(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = LibrarySearchForm(request.GET or None, municipalities=selectors.all_municipalities())
    filters = library.LibraryFilters(**form.values())
    return render(
        request,
        "capability/staff/pilots/library.html",
        {
            "form": form,
            "filters": filters.cleaned(),
            "results": library.search_library(filters),
            "may_start": selectors.lead_organisations(user).exists(),
        },
    )


@staff_required
def pilot(request: HttpRequest, pilot_id: int) -> HttpResponse:
    user = acting_user(request)
    item = pilot_in_url(request, pilot_id)
    webinars = selectors.webinar_rows(item)
    return render(
        request,
        "capability/staff/pilots/pilot.html",
        {
            "pilot": item,
            "phases": selectors.phases_in_order(item),
            "webinars": webinars,
            "changeable_webinars": {
                row.webinar.pk
                for row in webinars
                if can(user, Action.PUBLISH, row.webinar) or selectors.may_edit_pilot(user, item)
            },
            "may_edit": selectors.may_edit_pilot(user, item),
            "may_contribute": selectors.may_contribute(user, item),
            "editable_lessons": {
                lesson.pk
                for lesson in item.lessons.all()
                if selectors.may_edit_lesson(user, lesson)
            },
        },
    )


def _pilot_form(request: HttpRequest, item: Pilot | None) -> PilotForm:
    user = acting_user(request)
    return PilotForm(
        request.POST or None,
        leads=selectors.lead_organisations(user),
        organisations=selectors.all_organisations(),
        municipalities=selectors.all_municipalities(),
        initiatives=selectors.changeable_initiatives(user),
        pilot=item,
    )


def _save_pilot(request: HttpRequest, form: PilotForm, item: Pilot | None) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_pilot(
                actor=acting_user(request), data=form.data_for_service(), pilot=item
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, _("The pilot was saved.") if item else _("The pilot was created.")
            )
            return redirect("capability_staff:pilot", pilot_id=saved.pk)
    return render(request, "capability/staff/pilots/pilot_form.html", {"form": form, "pilot": item})


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def pilot_new(request: HttpRequest) -> HttpResponse:
    if not selectors.lead_organisations(acting_user(request)).exists():
        raise DjangoPermissionDenied
    return _save_pilot(request, _pilot_form(request, None), None)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def pilot_edit(request: HttpRequest, pilot_id: int) -> HttpResponse:
    item = pilot_in_url(request, pilot_id, edit=True)
    return _save_pilot(request, _pilot_form(request, item), item)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def pilot_phases(request: HttpRequest, pilot_id: int) -> HttpResponse:
    item = pilot_in_url(request, pilot_id, edit=True)
    form = PhasesForm(request.POST or None, pilot=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_phases(
                actor=acting_user(request), pilot=item, phases=form.data_for_service()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The phases were saved."))
            return redirect("capability_staff:pilot", pilot_id=item.pk)
    return render(
        request, "capability/staff/pilots/phases_form.html", {"form": form, "pilot": item}
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def initiative_link_pilot(request: HttpRequest, initiative_id: int) -> HttpResponse:
    """Choose a pilot that implements the initiative (or take one off it)."""
    user = acting_user(request)
    initiative = found(selectors.initiative_for_linking, actor=user, initiative_id=initiative_id)
    if not selectors.may_change_initiative(user, initiative):
        raise DjangoPermissionDenied
    form = LinkPilotForm(request.POST or None, pilots=selectors.pilots_to_link(initiative))
    if request.method == "POST" and request.POST.get("unlink"):
        linked = selectors.linked_pilots(initiative).filter(pk=request.POST["unlink"]).first()
        if linked is not None:
            services.unlink_pilot(actor=user, initiative=initiative, pilot=linked)
            messages.success(request, _("The pilot was taken off the initiative."))
        return redirect("capability_staff:initiative_link_pilot", initiative_id=initiative.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_pilot(actor=user, initiative=initiative, pilot=form.cleaned_data["pilot"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The pilot was linked to the initiative."))
            return redirect("capability_staff:initiative_link_pilot", initiative_id=initiative.pk)
    return render(
        request,
        "capability/staff/pilots/link_initiative.html",
        {
            "form": form,
            "initiative": initiative,
            "linked": selectors.linked_pilots(initiative),
            "is_network_admin": is_network_admin(user),
        },
    )
