"""The bookings desk of the owning organisation's staff: requests, the week, blocks, bookings
made for someone else, and cancellations.

Bookings of other organisations' spaces answer 404, like everything outside the organisation in
the address (see `spaces.staff_views.managed_organisation`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.bookings import no_show_services, selectors, services
from lampio.bookings.models import Booking
from lampio.bookings.staff_forms import BlockTimeForm, DecisionForm, OnBehalfForm, WeekForm
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.core.urlsafety import safe_next_url
from lampio.spaces.selectors import managed_spaces
from lampio.spaces.staff_views import managed_organisation
from lampio.tenancy.access import org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

RATE = "60/m"


def _calendar_url(org: Organisation, week: date | None = None) -> str:
    url = reverse("bookings_staff:calendar", kwargs=org_url_kwargs(org))
    return f"{url}?week={week.isoformat()}" if week else url


def _booking(user: User, org: Organisation, booking_id: int) -> Booking:
    try:
        return selectors.managed_booking(actor=user, organisation=org, booking_id=booking_id)
    except NotFound as error:
        raise Http404 from error


def _decision_form(booking: Booking, data: Any = None) -> DecisionForm:
    # Each request on the page has its own form; ids must differ, names need not.
    return DecisionForm(data, auto_id=f"request-{booking.pk}-%s")


def _desk_page(
    request: HttpRequest, org: Organisation, *, bound: dict[int, DecisionForm] | None = None
) -> HttpResponse:
    bound = bound or {}
    requests = selectors.requests_of_organisation(actor=request.user, organisation=org)
    rows = [(booking, bound.get(booking.pk) or _decision_form(booking)) for booking in requests]
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.BOOKING_REQUESTS,
        subject=org,
        organisation_id=org.pk,
        count=len({booking.booker_id for booking, _form in rows if booking.booker_id}),
    )
    return render(
        request,
        "bookings/staff/desk.html",
        {"organisation": org, "rows": rows, "section": "desk"},
    )


@staff_required
def desk(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    return _desk_page(request, managed_organisation(request, municipality, organisation))


@staff_required
@require_POST
@rate_limit_posts(group="staff-bookings", rate=RATE)
def decide(
    request: HttpRequest, municipality: str, organisation: str, booking_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    booking = _booking(user, org, booking_id)
    form = _decision_form(booking, request.POST)
    if not form.is_valid():
        return _desk_page(request, org, bound={booking.pk: form})
    try:
        services.decide_request(
            actor=user, booking=booking, approve=form.approve, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        if error.field != "reason":
            messages.error(request, str(error.message))
            return redirect("bookings_staff:desk", **org_url_kwargs(org))
        add_domain_error(form, error)
        return _desk_page(request, org, bound={booking.pk: form})
    if form.approve:
        messages.success(request, _("The request was approved. The resident gets a message."))
    else:
        messages.success(request, _("The request was denied. The resident gets your reason."))
    return redirect("bookings_staff:desk", **org_url_kwargs(org))


@staff_required
def calendar(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    first = WeekForm(request.GET).first_day()
    days = selectors.organisation_week(actor=request.user, organisation=org, first=first)
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.BOOKING_CALENDAR,
        subject=org,
        organisation_id=org.pk,
        count=len({b.booker_id for _day, bookings in days for b in bookings if b.booker_id}),
    )
    return render(
        request,
        "bookings/staff/calendar.html",
        {
            "organisation": org,
            "days": days,
            "first": first,
            "last": first + timedelta(days=6),
            "previous_url": _calendar_url(org, first - timedelta(days=7)),
            "next_url": _calendar_url(org, first + timedelta(days=7)),
            "this_url": _calendar_url(org, first),
            "now": timezone.now(),
            "section": "calendar",
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group="staff-bookings", rate=RATE)
def cancel(
    request: HttpRequest, municipality: str, organisation: str, booking_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    booking = _booking(user, org, booking_id)
    try:
        services.cancel_booking(actor=user, booking=booking)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The booking was cancelled."))
    fallback = _calendar_url(org, timezone.localtime(booking.starts_at).date())
    return redirect(safe_next_url(request, request.POST.get("next"), fallback))


def _form_page(
    request: HttpRequest, org: Organisation, form: Any, *, title: str, submit: str, section: str
) -> HttpResponse:
    context = {
        "organisation": org,
        "form": form,
        "title": title,
        "submit_label": submit,
        "section": section,
    }
    return render(request, "bookings/staff/form_page.html", context)


@staff_required
@rate_limit_posts(group="staff-bookings", rate=RATE)
def block(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    spaces = managed_spaces(actor=user, organisation=org)
    form = BlockTimeForm(request.POST or None, spaces=spaces)
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.times()
        try:
            services.block_time(
                actor=user,
                space=form.cleaned_data["space"],
                starts_at=starts_at,
                ends_at=ends_at,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The time was blocked."))
            return redirect(_calendar_url(org, form.cleaned_data["date"]))
    return _form_page(
        request, org, form, title=_("Block time"), submit=_("Block the time"), section="block"
    )


@staff_required
@rate_limit_posts(group="staff-bookings", rate=RATE)
def on_behalf(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    spaces = managed_spaces(actor=user, organisation=org)
    form = OnBehalfForm(request.POST or None, spaces=spaces)
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.times()
        data = form.cleaned_data
        try:
            services.book_on_behalf(
                actor=user,
                space=data["space"],
                booker_email=data["email"],
                starts_at=starts_at,
                ends_at=ends_at,
                purpose=data["purpose"],
                attendees=data["attendees"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The booking was made. The person gets a confirmation."))
            return redirect(_calendar_url(org, data["date"]))
    return _form_page(
        request,
        org,
        form,
        title=_("Book for someone"),
        submit=_("Make the booking"),
        section="on_behalf",
    )


@staff_required
@require_POST
@rate_limit_posts(group="staff-bookings", rate=RATE)
def no_show(
    request: HttpRequest, municipality: str, organisation: str, booking_id: int
) -> HttpResponse:
    """Mark an ended, confirmed booking as not used, or (with `undo`) take the mark back."""
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    booking = _booking(user, org, booking_id)
    try:
        if request.POST.get("undo"):
            no_show_services.undo_no_show(actor=user, booking=booking)
            messages.success(request, _("The booking is no longer marked as not used."))
        else:
            no_show_services.mark_no_show(actor=user, booking=booking)
            messages.success(request, _("The booking was marked as not used."))
    except DomainError as error:
        messages.error(request, str(error.message))
    fallback = _calendar_url(org, timezone.localtime(booking.starts_at).date())
    return redirect(safe_next_url(request, request.POST.get("next"), fallback))
