"""Staff pages of an organisation's orders: the list (and its CSV), one order with refunds and
on-site payments, and the daily totals. Only staff who manage the organisation in the address;
others get 404 (or 403 with a role that may not manage)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.payments import staff_csv, staff_selectors
from lampio.payments.models import Order, OrderStatus
from lampio.payments.selectors import seller_business_id, vat_breakdown
from lampio.payments.services import refunds
from lampio.payments.staff_forms import DailyTotalsForm, OrderFilterForm, RefundForm
from lampio.tenancy.access import org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action

RATE = "60/m"
PER_PAGE = 50


def seller_in_url(request: HttpRequest, municipality: str, organisation: str) -> Organisation:
    return organisation_in_url(request, municipality, organisation, Action.MANAGE)


def csv_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # names and addresses of customers
    return response


@staff_required
@require_GET
def orders(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    form = OrderFilterForm(request.GET or None)
    found = staff_selectors.seller_orders(
        actor=acting_user(request), seller=org, filters=form.filters()
    )
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.PAYMENT_ORDERS,
        subject=org,
        organisation_id=org.pk,
        count=len(page.object_list),
    )
    return render(
        request,
        "payments/staff/orders.html",
        {
            "organisation": org,
            "section": "orders",
            "form": form,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "csv_query": request.GET.urlencode(),
        },
    )


@staff_required
@require_GET
def orders_csv(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    form = OrderFilterForm(request.GET or None)
    found = staff_selectors.seller_orders(
        actor=acting_user(request), seller=org, filters=form.filters()
    )
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.PAYMENT_ORDERS_CSV,
        subject=org,
        organisation_id=org.pk,
        count=found.count(),
    )
    return csv_response(
        staff_csv.orders_csv(found.iterator()), f"orders-{timezone.localdate()}.csv"
    )


def _order(request: HttpRequest, org: Organisation, order_id: int) -> Order:
    try:
        return staff_selectors.seller_order(
            actor=acting_user(request), seller=org, order_id=order_id
        )
    except NotFound as error:
        raise Http404 from error


def _detail(
    request: HttpRequest, org: Organisation, order: Order, refund_form: RefundForm | None = None
) -> HttpResponse:
    left = refunds.refundable(order)
    context: dict[str, Any] = {
        "organisation": org,
        "section": "orders",
        "order": order,
        "vat_lines": vat_breakdown(order),
        "business_id": seller_business_id(order),
        "refundable": left,
        "may_refund": order.status in (OrderStatus.PAID, OrderStatus.INVOICED) and left > 0,
        "refund_form": refund_form or RefundForm(prefix="refund", initial={"amount": left}),
        "payments": list(order.online_payments.all()),
        "refunds": list(order.refunds.all()),
    }
    return render(request, "payments/staff/order.html", context)


def _back_to(order: Order, org: Organisation) -> HttpResponse:
    return redirect("payments_staff:order", order_pk=order.pk, **org_url_kwargs(org))


@staff_required
@require_GET
def order_detail(
    request: HttpRequest, municipality: str, organisation: str, order_pk: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    return _detail(request, org, _order(request, org, order_pk))


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def order_refund(
    request: HttpRequest, municipality: str, organisation: str, order_pk: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    order = _order(request, org, order_pk)
    form = RefundForm(request.POST, prefix="refund")
    if form.is_valid():
        try:
            refund = refunds.refund_order(
                actor=acting_user(request),
                order=order,
                amount=form.cleaned_data["amount"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("A refund of %(amount)s € was recorded.") % {"amount": f"{refund.amount:.2f}"},
            )
            return _back_to(order, org)
    return _detail(request, org, order, refund_form=form)


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def order_paid_on_site(
    request: HttpRequest, municipality: str, organisation: str, order_pk: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    order = _order(request, org, order_pk)
    try:
        refunds.mark_paid_on_site(actor=acting_user(request), order=order)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The order was marked paid."))
    return _back_to(order, org)


@staff_required
@require_POST
@rate_limit_posts(group="staff-payments", rate=RATE)
def order_resolve(
    request: HttpRequest, municipality: str, organisation: str, order_pk: int
) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    order = _order(request, org, order_pk)
    try:
        refunds.resolve_attention(actor=acting_user(request), order=order)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The order no longer needs attention."))
    return _back_to(order, org)


@staff_required
@require_GET
def daily(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = seller_in_url(request, municipality, organisation)
    form = DailyTotalsForm(request.GET or DailyTotalsForm.this_month())
    report = None
    if form.is_valid():
        report = staff_selectors.daily_totals(
            actor=acting_user(request),
            seller=org,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
    return render(
        request,
        "payments/staff/daily.html",
        {"organisation": org, "section": "daily", "form": form, "report": report},
    )
