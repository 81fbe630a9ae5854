"""The provider's orders inbox: group orders of care units and schools for the organisation's
offerings, and the answers to them — accept (one of the proposed times for an order on request),
decline with a reason, or propose another time.

An answer the order can no longer take (someone else handled it meanwhile, the seats went)
comes back as a message on the order's page; a mistake in the form comes back next to its field.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError, InvalidInput
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.offerings import services, staff_selectors
from lampio.offerings.models import OPEN_ORDER_STATUSES, GroupOrder, OrderStatus
from lampio.offerings.staff_forms import add_service_error
from lampio.offerings.staff_time_forms import TIME_FIELDS, AcceptForm, DeclineForm, ProposeForm
from lampio.offerings.staff_views import RATE, RATE_GROUP, found, publishing_organisation
from lampio.tenancy.access import org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation


@staff_required
def orders(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = publishing_organisation(request, municipality, organisation)
    inbox = staff_selectors.orders_inbox(actor=acting_user(request), organisation=org)
    sections = [
        ("pending", _("Waiting for your answer"), inbox[OrderStatus.PENDING]),
        ("proposed", _("Waiting for the group to accept your time"), inbox[OrderStatus.PROPOSED]),
        ("accepted", _("Agreed sessions ahead"), inbox[OrderStatus.ACCEPTED]),
    ]
    context = {"organisation": org, "sections": sections, "section": "orders"}
    return render(request, "offerings/staff/orders.html", context)


def _order_in(
    request: HttpRequest, municipality: str, organisation: str, order_id: int
) -> tuple[User, Organisation, GroupOrder]:
    org = publishing_organisation(request, municipality, organisation)
    user = acting_user(request)
    order = found(staff_selectors.managed_order, actor=user, organisation=org, order_id=order_id)
    return user, org, order


def _order_page(
    request: HttpRequest,
    org: Organisation,
    order: GroupOrder,
    *,
    accept_form: AcceptForm | None = None,
    decline_form: DeclineForm | None = None,
    propose_form: ProposeForm | None = None,
) -> HttpResponse:
    log_personal_data_read(
        actor=request.user, kind=PersonalDataRead.GROUP_ORDER, subject=order, organisation_id=org.pk
    )
    context = {
        "organisation": org,
        "order": order,
        "section": "orders",
        "may_accept": order.status == OrderStatus.PENDING,
        "is_open": order.status in OPEN_ORDER_STATUSES,
        "accept_form": accept_form or AcceptForm(prefix="accept", order=order),
        "decline_form": decline_form or DeclineForm(prefix="decline"),
        "propose_form": propose_form or ProposeForm(prefix="propose"),
    }
    return render(request, "offerings/staff/order.html", context)


def _to_order(org: Organisation, order: GroupOrder) -> HttpResponse:
    return redirect("offerings_staff:order", order_id=order.pk, **org_url_kwargs(org))


def _refused(
    request: HttpRequest, org: Organisation, order: GroupOrder, error: DomainError
) -> HttpResponse | None:
    """A mistake in the form stays on the form (None); any other refusal is told on the page."""
    if isinstance(error, InvalidInput):
        return None
    messages.error(request, str(error.message))
    return _to_order(org, order)


@staff_required
def order_detail(
    request: HttpRequest, municipality: str, organisation: str, order_id: int
) -> HttpResponse:
    _user, org, order = _order_in(request, municipality, organisation, order_id)
    return _order_page(request, org, order)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def order_accept(
    request: HttpRequest, municipality: str, organisation: str, order_id: int
) -> HttpResponse:
    user, org, order = _order_in(request, municipality, organisation, order_id)
    form = AcceptForm(request.POST, prefix="accept", order=order)
    if form.is_valid():
        try:
            services.accept_order(
                actor=user,
                order=order,
                proposed_time=form.cleaned_data.get("proposed_time"),
                message=form.cleaned_data["message"],
            )
        except DomainError as error:
            if response := _refused(request, org, order, error):
                return response
            add_service_error(form, error)
        else:
            messages.success(request, _("The order was accepted and the group is told."))
            return _to_order(org, order)
    return _order_page(request, org, order, accept_form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def order_decline(
    request: HttpRequest, municipality: str, organisation: str, order_id: int
) -> HttpResponse:
    user, org, order = _order_in(request, municipality, organisation, order_id)
    form = DeclineForm(request.POST, prefix="decline")
    if form.is_valid():
        try:
            services.decline_order(actor=user, order=order, message=form.cleaned_data["message"])
        except DomainError as error:
            if response := _refused(request, org, order, error):
                return response
            add_service_error(form, error)
        else:
            messages.success(request, _("The order was declined and the group is told."))
            return _to_order(org, order)
    return _order_page(request, org, order, decline_form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def order_propose(
    request: HttpRequest, municipality: str, organisation: str, order_id: int
) -> HttpResponse:
    user, org, order = _order_in(request, municipality, organisation, order_id)
    form = ProposeForm(request.POST, prefix="propose")
    if form.is_valid():
        starts_at, ends_at = form.span()
        try:
            services.propose_other_time(
                actor=user,
                order=order,
                starts_at=starts_at,
                ends_at=ends_at,
                message=form.cleaned_data["message"],
            )
        except DomainError as error:
            if response := _refused(request, org, order, error):
                return response
            add_service_error(form, error, TIME_FIELDS)
        else:
            messages.success(
                request, _("Your time was sent to the group. They accept or decline it.")
            )
            return _to_order(org, order)
    return _order_page(request, org, order, propose_form=form)
