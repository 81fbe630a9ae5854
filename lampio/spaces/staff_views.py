"""Staff pages of the owning organisation: its venues, their spaces and the spaces' hours.

An organisation the person does not work for, and any venue, space or exception outside the
organisation in the address, answers 404; a member without the right to manage answers 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.spaces import equipment_services, selectors, services
from lampio.spaces.models import Space
from lampio.spaces.qr import qr_svg
from lampio.spaces.staff_forms import (
    BaseWeeklyHoursFormSet,
    OpeningExceptionForm,
    SpaceForm,
    VenueForm,
    weekly_hours_formset,
)
from lampio.spaces.staff_photo_forms import EquipmentForm
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "60/m"


def managed_organisation(
    request: HttpRequest, municipality: str, organisation: str
) -> Organisation:
    """The organisation in the address, if the person may run its spaces and bookings."""
    return organisation_in_url(request, municipality, organisation, Action.MANAGE)


def _space(
    request: HttpRequest, user: User, municipality: str, organisation: str, space_id: int
) -> tuple[Organisation, Space]:
    org = managed_organisation(request, municipality, organisation)
    space: Space = found(selectors.managed_space, actor=user, organisation=org, space_id=space_id)
    return org, space


@staff_required
def venue_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    venues = selectors.managed_venues(actor=acting_user(request), organisation=org)
    return render(request, "spaces/staff/venue_list.html", {"organisation": org, "venues": venues})


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def venue_create(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    form = VenueForm(request.POST or None, initial={"is_published": True})
    if request.method == "POST" and form.is_valid():
        try:
            venue = services.create_venue(actor=user, organisation=org, details=form.details())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The venue was added. Now add its spaces."))
            return redirect("spaces_staff:venue_edit", venue_id=venue.pk, **org_url_kwargs(org))
    return render(
        request, "spaces/staff/venue_form.html", {"organisation": org, "form": form, "venue": None}
    )


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def venue_edit(
    request: HttpRequest, municipality: str, organisation: str, venue_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    venue = found(selectors.managed_venue, actor=user, organisation=org, venue_id=venue_id)
    form = VenueForm(request.POST or None, initial=VenueForm.initial_for(venue))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_venue(actor=user, venue=venue, details=form.details())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The venue was saved."))
            return redirect(request.path)
    return render(
        request, "spaces/staff/venue_form.html", {"organisation": org, "form": form, "venue": venue}
    )


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def space_create(
    request: HttpRequest, municipality: str, organisation: str, venue_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    venue = found(selectors.managed_venue, actor=user, organisation=org, venue_id=venue_id)
    form = SpaceForm(request.POST or None, owner=org, initial=SpaceForm.defaults())
    if request.method == "POST" and form.is_valid():
        try:
            space = services.create_space(actor=user, venue=venue, details=form.details())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The space was added. Now set its opening hours."))
            return redirect("spaces_staff:opening_hours", space_id=space.pk, **org_url_kwargs(org))
    context = {"organisation": org, "form": form, "venue": venue, "space": None}
    return render(request, "spaces/staff/space_form.html", context)


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def space_edit(
    request: HttpRequest, municipality: str, organisation: str, space_id: int
) -> HttpResponse:
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    form = SpaceForm(
        request.POST or None, owner=org, space=space, initial=SpaceForm.initial_for(space)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_space(actor=user, space=space, details=form.details())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The space was saved."))
            return redirect(request.path)
    context = {"organisation": org, "form": form, "venue": space.venue, "space": space}
    return render(request, "spaces/staff/space_form.html", context)


@staff_required
@require_GET
def space_qr(
    request: HttpRequest, municipality: str, organisation: str, space_id: int
) -> HttpResponse:
    """A printable sign with a QR code to the space's page, or the code alone as an SVG file."""
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    url = request.build_absolute_uri(reverse("spaces:space", kwargs={"space_id": space.pk}))
    svg = qr_svg(url, title=_("QR code: %(space)s") % {"space": space.name})
    if request.GET.get("format") == "svg":
        response = HttpResponse(svg, content_type="image/svg+xml")
        response["Content-Disposition"] = f'attachment; filename="space-{space.pk}-qr.svg"'
        return response
    context = {"organisation": org, "space": space, "venue": space.venue, "url": url, "svg": svg}
    return render(request, "spaces/staff/space_qr.html", context)


def _hours_page(
    request: HttpRequest,
    org: Organisation,
    space: Space,
    *,
    formset: BaseWeeklyHoursFormSet | None = None,
    exception_form: OpeningExceptionForm | None = None,
) -> HttpResponse:
    """The weekly hours editor and the exceptions; either form may come back with errors."""
    if formset is None:
        formset = weekly_hours_formset(space)
    if exception_form is None:
        exception_form = OpeningExceptionForm(initial={"is_closed": True})
    exceptions = selectors.upcoming_opening_exceptions(space=space, since=timezone.localdate())
    context = {
        "organisation": org,
        "space": space,
        "venue": space.venue,
        "formset": formset,
        "exception_form": exception_form,
        "exceptions": exceptions,
    }
    return render(request, "spaces/staff/opening_hours.html", context)


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def opening_hours(
    request: HttpRequest, municipality: str, organisation: str, space_id: int
) -> HttpResponse:
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    if request.method != "POST":
        return _hours_page(request, org, space)
    formset = weekly_hours_formset(space, request.POST)
    if formset.is_valid():
        try:
            services.set_weekly_opening_hours(actor=user, space=space, periods=formset.periods())
        except DomainError as error:
            formset.add_domain_error(error)
        else:
            messages.success(request, _("The weekly opening hours were saved."))
            return redirect(request.path)
    return _hours_page(request, org, space, formset=formset)


@staff_required
@require_POST
@rate_limit_posts(group="staff-spaces", rate=RATE)
def exception_add(
    request: HttpRequest, municipality: str, organisation: str, space_id: int
) -> HttpResponse:
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    form = OpeningExceptionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_opening_exception(
                actor=user,
                space=space,
                date=data["date"],
                is_closed=data["is_closed"],
                opens=data["opens"],
                closes=data["closes"],
                reason=form.reason(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The exception was added."))
            return redirect("spaces_staff:opening_hours", space_id=space.pk, **org_url_kwargs(org))
    return _hours_page(request, org, space, exception_form=form)


@staff_required
@require_POST
@rate_limit_posts(group="staff-spaces", rate=RATE)
def exception_remove(
    request: HttpRequest, municipality: str, organisation: str, space_id: int, exception_id: int
) -> HttpResponse:
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    exception = found(selectors.opening_exception_of, space=space, exception_id=exception_id)
    try:
        services.remove_opening_exception(actor=user, exception=exception)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The exception was removed."))
    return redirect("spaces_staff:opening_hours", space_id=space.pk, **org_url_kwargs(org))


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def equipment(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    """The shared equipment list; its administrators may add items (see equipment_services)."""
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    may_add = equipment_services.may_add_equipment(actor=user, organisation=org)
    if request.method == "POST" and not may_add:
        raise PermissionDenied
    form = EquipmentForm(request.POST or None) if may_add else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            item = equipment_services.add_equipment(actor=user, organisation=org, name=form.name())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("“%(name)s” was added to the list. Now choose it for the spaces that have it.")
                % {"name": item.name},
            )
            return redirect(request.path)
    context = {
        "organisation": org,
        "items": selectors.equipment_choices(),
        "form": form,
    }
    return render(request, "spaces/staff/equipment.html", context)
