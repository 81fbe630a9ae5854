"""Group orders by care-unit and school staff: the order form and "our unit's orders".

Only staff who may order for a care unit or a school reach these pages; an order of another
unit answers 404. Like the staff area, ordering asks for a second factor where that is required.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.offerings import selectors, services
from lampio.offerings.forms import GroupOrderForm
from lampio.offerings.models import (
    OPEN_ORDER_STATUSES,
    OPEN_STATUSES,
    GroupOrder,
    Offering,
    OfferingStatus,
    OrderStatus,
)
from lampio.tenancy.access import needs_second_factor
from lampio.tenancy.models import Organisation

ORDERS_PER_PAGE = 20


def _gate(request: HttpRequest, units: QuerySet[Organisation]) -> HttpResponse | None:
    """A page instead of the wanted one when the person may not order for any unit."""
    if not units.exists():
        return render(request, "offerings/no_units.html", status=403)
    if needs_second_factor(request.user):
        messages.info(request, _("Set up two-factor authentication before you order for a group."))
        return redirect("mfa_index")
    return None


def _orderable(offering_id: int) -> Offering:
    try:
        offering = selectors.public_offering(offering_id)
    except NotFound as error:
        raise Http404 from error
    if offering.status != OfferingStatus.PUBLISHED or not offering.allows_group_orders:
        raise Http404
    return offering


def _unit_order(user: User, order_id: int) -> GroupOrder:
    try:
        return selectors.order_of_unit(user, order_id)
    except NotFound as error:
        raise Http404 from error


@login_required
@rate_limit_posts(group="offering-order", rate="10/m")
def place_order(request: HttpRequest, offering_id: int) -> HttpResponse:
    user = acting_user(request)
    offering = _orderable(offering_id)
    units = selectors.ordering_units(user)
    if (refusal := _gate(request, units)) is not None:
        return refusal
    occurrences = selectors.upcoming_occurrences(offering).filter(status__in=OPEN_STATUSES)
    form = GroupOrderForm(
        request.POST if request.method == "POST" else None,
        units=units,
        occurrences=occurrences,
        on_request=offering.on_request,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = services.OrderDetails(
            group_size=data["group_size"],
            accompanying_staff=data["accompanying_staff"],
            special_needs=data["special_needs"],
            message=data["message"],
            occurrence=data.get("occurrence"),
            proposed_times=form.proposed_times(),
        )
        try:
            order = services.place_order(
                actor=user, unit=data["unit"], offering=offering, details=details
            )
        except NotFound as error:
            raise Http404 from error
        except DomainError as error:
            if error.field == "proposed":
                error.field = "proposed_1_date"
            add_domain_error(form, error)
        else:
            if order.status == OrderStatus.ACCEPTED:
                messages.success(request, _("Your order is confirmed."))
            else:
                messages.success(
                    request,
                    _("Your order was sent. You will get a message when the provider answers."),
                )
            return redirect("offerings:unit_order", order_id=order.pk)
    return render(request, "offerings/order_form.html", {"form": form, "offering": offering})


@login_required
def unit_orders(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    units = selectors.ordering_units(user)
    if (refusal := _gate(request, units)) is not None:
        return refusal
    orders = selectors.orders_of_units(user)
    page = Paginator(orders, ORDERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "offerings/unit_orders.html",
        {
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "units": units,
        },
    )


@login_required
def unit_order(request: HttpRequest, order_id: int) -> HttpResponse:
    order = _unit_order(acting_user(request), order_id)
    return render(request, "offerings/unit_order.html", {"order": order})


@login_required
@require_POST
@rate_limit_posts(group="offering-order-answer", rate="30/m")
def accept_proposed_time(request: HttpRequest, order_id: int) -> HttpResponse:
    user = acting_user(request)
    order = _unit_order(user, order_id)
    try:
        services.accept_proposed_time(actor=user, order=order)
    except NotFound as error:
        raise Http404 from error
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("You accepted the time. The order is confirmed."))
    return redirect("offerings:unit_order", order_id=order.pk)


@login_required
@rate_limit_posts(group="offering-order-answer", rate="30/m")
def cancel_order(request: HttpRequest, order_id: int) -> HttpResponse:
    """A confirmation page first; the POST cancels (or declines a proposed time)."""
    user = acting_user(request)
    order = _unit_order(user, order_id)
    error_message = ""
    if request.method == "POST":
        try:
            services.cancel_order(actor=user, order=order)
        except NotFound as error:
            raise Http404 from error
        except DomainError as error:
            error_message = str(error.message)
        else:
            messages.success(request, _("The order was cancelled."))
            return redirect("offerings:unit_orders")
    cancellable = order.status in [*OPEN_ORDER_STATUSES, OrderStatus.ACCEPTED]
    return render(
        request,
        "offerings/order_cancel.html",
        {"order": order, "cancellable": cancellable, "error_message": error_message},
    )
