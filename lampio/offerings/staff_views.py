"""The provider's desk: the organisation's offerings, each offering's details and publishing.

Times, orders and images have their own modules (staff_time_views, staff_order_views,
staff_image_views). Like the other staff pages, an organisation the person does not work for,
and any offering, time, order or image outside the organisation in the address, answers 404; a
member who may not publish offerings (a viewer, care-unit staff) answers 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.offerings import services, staff_selectors
from lampio.offerings.models import Offering, OfferingStatus
from lampio.offerings.staff_forms import OfferingForm, add_service_error
from lampio.offerings.staff_time_forms import CancelOfferingForm
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "60/m"
RATE_GROUP = "staff-offerings"


def publishing_organisation(
    request: HttpRequest, municipality: str, organisation: str
) -> Organisation:
    """The organisation in the address, if the person may publish offerings for it."""
    return organisation_in_url(request, municipality, organisation, Action.PUBLISH)


def offering_in(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> tuple[User, Organisation, Offering]:
    """The acting person, the organisation and one of its offerings, or 403/404."""
    org = publishing_organisation(request, municipality, organisation)
    user = acting_user(request)
    offering = found(
        staff_selectors.managed_offering, actor=user, organisation=org, offering_id=offering_id
    )
    return user, org, offering


def to_offering(name: str, org: Organisation, offering: Offering) -> HttpResponse:
    return redirect(f"offerings_staff:{name}", offering_id=offering.pk, **org_url_kwargs(org))


@staff_required
def offering_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = publishing_organisation(request, municipality, organisation)
    offerings = list(staff_selectors.offerings_of(actor=acting_user(request), organisation=org))
    headings = {
        OfferingStatus.DRAFT: _("Drafts"),
        OfferingStatus.PUBLISHED: _("Published"),
        OfferingStatus.CANCELLED: _("Cancelled"),
    }
    groups = [
        (status, label, [offering for offering in offerings if offering.status == status])
        for status, label in headings.items()
    ]
    context = {
        "organisation": org,
        "groups": groups,
        "pending_orders": sum(getattr(offering, "pending_orders", 0) for offering in offerings),
    }
    return render(request, "offerings/staff/offering_list.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def offering_create(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = publishing_organisation(request, municipality, organisation)
    user = acting_user(request)
    form = OfferingForm(request.POST or None, organisation=org, initial=OfferingForm.defaults())
    if request.method == "POST" and form.is_valid():
        try:
            offering = services.create_offering(
                actor=user, organisation=org, details=form.details()
            )
        except DomainError as error:
            add_service_error(form, error)
        else:
            if offering.on_request:
                messages.success(
                    request,
                    _("The offering was saved as a draft. Add images, then publish it."),
                )
                return to_offering("edit", org, offering)
            messages.success(request, _("The offering was saved as a draft. Now add its times."))
            return to_offering("times", org, offering)
    context = {"organisation": org, "form": form, "offering": None}
    return render(request, "offerings/staff/offering_form.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def offering_edit(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    form = OfferingForm(
        request.POST or None,
        organisation=org,
        offering=offering,
        initial=OfferingForm.initial_for(offering),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_offering(actor=user, offering=offering, details=form.details())
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The offering was saved."))
            return redirect(request.path)
    context = {
        "organisation": org,
        "form": form,
        "offering": offering,
        "section": "details",
        "has_upcoming": staff_selectors.upcoming_times(offering=offering).exists(),
        "pending_orders": staff_selectors.pending_order_count(offering=offering),
    }
    return render(request, "offerings/staff/offering_form.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def offering_publish(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    try:
        services.publish_offering(actor=user, offering=offering)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The offering is published: residents can now find it."))
    return to_offering("edit", org, offering)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def offering_unpublish(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    try:
        services.unpublish_offering(actor=user, offering=offering)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("The offering is a draft again and hidden from residents. Enrolments stay valid."),
        )
    return to_offering("edit", org, offering)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def offering_cancel(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    """Ask for the notice and confirmation first: cancelling tells everyone and cannot be undone."""
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    form = CancelOfferingForm(request.POST or None, prefix="cancel")
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.cancel_offering(actor=user, offering=offering, notice=form.notice()),
        success=_("The offering was cancelled and the participants and groups are told."),
    ):
        return to_offering("edit", org, offering)
    context = {
        "organisation": org,
        "offering": offering,
        "form": form,
        "section": "details",
        "upcoming": staff_selectors.upcoming_times(offering=offering).count(),
        "pending_orders": staff_selectors.pending_order_count(offering=offering),
    }
    return render(request, "offerings/staff/offering_cancel.html", context)
