"""Resident pages of payments: the checkout, the provider's return, receipts, my orders; and
the provider's server-to-server callback.

Another person's order answers 404. The receipt opens by its secret link (emailed) without
logging in, so it can be printed anywhere.
"""

from __future__ import annotations

import logging
import urllib.parse
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.payments import selectors
from lampio.payments.forms import CheckoutForm
from lampio.payments.models import Order, OrderStatus
from lampio.payments.pricing import space_price_list
from lampio.payments.providers.base import BadSignature
from lampio.payments.services import checkout as services
from lampio.payments.services import online, refunds

logger = logging.getLogger(__name__)


def _own_order(request: HttpRequest, order_id: int) -> Order:
    try:
        return selectors.order_of(actor=acting_user(request), order_id=order_id)
    except NotFound as error:
        raise Http404 from error


def _allow_provider_page(response: HttpResponse) -> HttpResponse:
    """Let the checkout's form continue on the provider's page: CSP's form-action also covers
    the redirect that answers the form. The page may be on the API's host (the local fake) or
    on its own (Paytrail's pay.paytrail.com, LAMPIO_PAYTRAIL_PAGE_ORIGINS)."""
    url = urllib.parse.urlsplit(settings.LAMPIO_PAYTRAIL_URL)
    if url.scheme and url.netloc:
        origins = [f"{url.scheme}://{url.netloc}", *settings.LAMPIO_PAYTRAIL_PAGE_ORIGINS]
        response._csp_update = {"form-action": origins}  # type: ignore[attr-defined]
    return response


def _after_settled(order: Order) -> HttpResponse:
    if order.status == OrderStatus.PENDING or order.status == OrderStatus.CANCELLED:
        if order.booking_id:
            return redirect("bookings:detail", booking_id=order.booking_id)
        return redirect("payments:mine")
    return redirect("payments:receipt", receipt_token=order.receipt_token)


@login_required
@never_cache
@rate_limit_posts(group="checkout", rate="20/m")
def checkout(request: HttpRequest, order_pk: int) -> HttpResponse:
    user = acting_user(request)
    order = _own_order(request, order_pk)
    if order.status != OrderStatus.PENDING:
        return _after_settled(order)
    held_until = services.held_until(order)
    if held_until is None or held_until <= timezone.now():
        return render(request, "payments/hold_lapsed.html", {"order": order}, status=409)
    organisations = services.payer_organisations(user)
    methods = services.available_methods(order)
    if request.method == "POST":
        form = CheckoutForm(request.POST, organisations=organisations, methods=methods)
        if form.is_valid():
            try:
                step = services.choose_payment(actor=user, order=order, choice=form.choice())
            except DomainError as error:
                add_domain_error(form, error)
            else:
                if step.redirect_url:
                    return HttpResponseRedirect(step.redirect_url)
                messages.success(request, _("Your booking is confirmed."))
                return _after_settled(step.order)
    else:
        form = CheckoutForm(organisations=organisations, methods=methods)
    booking = order.booking
    if booking is None:
        raise Http404
    context = {
        "order": order,
        "booking": booking,
        "space": booking.space,
        "form": form,
        "held_until": held_until,
        "prices": space_price_list(booking.space, timezone.localtime(booking.starts_at).date()),
        "vat_lines": selectors.vat_breakdown(order),
    }
    return _allow_provider_page(render(request, "payments/checkout.html", context))


@login_required
@require_POST
def release(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = _own_order(request, order_pk)
    try:
        services.abandon_checkout(actor=acting_user(request), order=order)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The time was released for others."))
    if order.booking is not None:
        return redirect("spaces:space", space_id=order.booking.space_id)
    return redirect("payments:mine")


@never_cache
@require_GET
def provider_return(request: HttpRequest) -> HttpResponse:
    """The browser comes back from the provider with signed parameters."""
    try:
        order = online.record_provider_news(request.GET.dict())
    except (BadSignature, NotFound):
        logger.warning("payment return with parameters that do not verify")
        return render(request, "payments/return_failed.html", status=400)
    if order.status == OrderStatus.PAID:
        messages.success(request, _("Thank you: the payment was received."))
        return redirect("payments:receipt", receipt_token=order.receipt_token)
    if order.status == OrderStatus.PENDING and (held := services.held_until(order)):
        messages.warning(
            request,
            _("The payment was not completed. The time is still held for you until %(time)s.")
            % {"time": time_format(timezone.localtime(held), "H.i")},
        )
        return redirect("payments:checkout", order_pk=order.pk)
    messages.warning(request, _("The payment was not completed."))
    return _after_settled(order)


def _callback_answer(
    apply: Callable[[dict[str, str]], object], request: HttpRequest
) -> HttpResponse:
    """Plain-text answers for the provider's server: 200 once recorded (or already known)."""
    try:
        apply(request.GET.dict())
    except BadSignature:
        logger.warning("provider callback with a signature that does not verify")
        return HttpResponse("invalid signature", status=400, content_type="text/plain")
    except NotFound:
        return HttpResponse("unknown", status=404, content_type="text/plain")
    return HttpResponse("OK", content_type="text/plain")


@csrf_exempt
@never_cache
@require_GET
def payment_callback(request: HttpRequest) -> HttpResponse:
    """The provider's server tells a payment's result."""
    return _callback_answer(online.record_provider_news, request)


@csrf_exempt
@never_cache
@require_GET
def refund_callback(request: HttpRequest) -> HttpResponse:
    """The provider's final word on a refund (signed like a payment callback)."""
    return _callback_answer(refunds.apply_refund_news, request)


@never_cache
@require_GET
def receipt(request: HttpRequest, receipt_token: uuid.UUID) -> HttpResponse:
    try:
        order = selectors.order_by_receipt_token(receipt_token)
    except NotFound as error:
        raise Http404 from error
    context = {
        "order": order,
        "booking": order.booking,
        "vat_lines": selectors.vat_breakdown(order),
        "business_id": selectors.seller_business_id(order),
        "payment": refunds.settling_payment(order),
    }
    response = render(request, "payments/receipt.html", context)
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def my_orders(request: HttpRequest) -> HttpResponse:
    orders = selectors.orders_of(actor=acting_user(request))[:100]
    return render(request, "payments/my_orders.html", {"orders": orders})
