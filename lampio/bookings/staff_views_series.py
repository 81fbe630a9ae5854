"""Staff pages of recurring series: the organisation's list, a new series for a person or an
organisation, and one series with its dates, approval and cancelling the rest.

Series of other organisations' spaces answer 404, like everything outside the organisation in
the address (see `spaces.staff_views.managed_organisation`).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.bookings import series_selectors, series_services
from lampio.bookings.errors import SeriesCollides
from lampio.bookings.models import BookingSeries
from lampio.bookings.series_forms import CancelRestForm, StaffSeriesForm
from lampio.bookings.series_views import cancel_rest_message, detail_context, map_error
from lampio.bookings.staff_forms import DecisionForm
from lampio.core.errors import DomainError, InvalidInput, NotFound
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.spaces.selectors import managed_spaces
from lampio.spaces.staff_views import managed_organisation
from lampio.tenancy.access import org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

RATE = "60/m"
PER_PAGE = 50


def _series(user: User, org: Organisation, series_pk: int) -> BookingSeries:
    try:
        return series_selectors.managed_series(actor=user, organisation=org, series_id=series_pk)
    except NotFound as error:
        raise Http404 from error


def _back(org: Organisation, series: BookingSeries) -> HttpResponse:
    return redirect("series_staff:detail", series_pk=series.pk, **org_url_kwargs(org))


@staff_required
@require_GET
def series_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    found = series_selectors.organisation_series(actor=acting_user(request), organisation=org)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.BOOKING_SERIES_LIST,
        subject=org,
        organisation_id=org.pk,
        count=len({series.booker_id for series in page if series.booker_id}),
    )
    return render(
        request,
        "bookings/series/staff_list.html",
        {"organisation": org, "section": "series", "page_obj": page},
    )


def _organisations(org: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        municipality_id=org.municipality_id, is_active=True
    ).order_by("name")


@staff_required
@rate_limit_posts(group="staff-bookings", rate=RATE)
def series_new(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    form = StaffSeriesForm(
        request.POST or None,
        spaces=managed_spaces(actor=user, organisation=org),
        organisations=_organisations(org),
    )
    collisions: list[Any] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booker = None
            if data["email"]:
                booker = series_selectors.person_by_email(data["email"])
                if booker is None:
                    raise InvalidInput(
                        _("No account uses this email address. Ask the person to sign up first."),
                        field="email",
                    )
            series = series_services.create_series(
                actor=user,
                space=data["space"],
                booker=booker,
                for_organisation=data["for_organisation"],
                skip_collisions=bool(request.POST.get("skip_collisions")),
                **form.pattern(),
            )
        except SeriesCollides as error:
            collisions = error.collisions
            form.add_error(None, str(error.message))
        except DomainError as error:
            map_error(form, error)
        else:
            messages.success(request, _("The recurring time was booked."))
            return _back(org, series)
    return render(
        request,
        "bookings/series/staff_form.html",
        {"organisation": org, "section": "series", "form": form, "collisions": collisions},
    )


def _detail_page(
    request: HttpRequest, org: Organisation, series: BookingSeries, decision: Any = None
) -> HttpResponse:
    context = detail_context(acting_user(request), series)
    log_personal_data_read(
        actor=request.user,
        kind=PersonalDataRead.BOOKING_SERIES,
        subject=series,
        organisation_id=org.pk,
    )
    context.update(
        organisation=org,
        section="series",
        decision_form=decision or DecisionForm(auto_id="decision-%s"),
    )
    return render(request, "bookings/series/staff_detail.html", context)


@staff_required
@require_GET
def series_detail(
    request: HttpRequest, municipality: str, organisation: str, series_pk: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    return _detail_page(request, org, _series(acting_user(request), org, series_pk))


@staff_required
@require_POST
@rate_limit_posts(group="staff-bookings", rate=RATE)
def series_decide(
    request: HttpRequest, municipality: str, organisation: str, series_pk: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    series = _series(user, org, series_pk)
    form = DecisionForm(request.POST, auto_id="decision-%s")
    if not form.is_valid():
        return _detail_page(request, org, series, form)
    try:
        series_services.decide_series(
            actor=user, series=series, approve=form.approve, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        if error.field != "reason":
            messages.error(request, str(error.message))
            return _back(org, series)
        map_error(form, error)
        return _detail_page(request, org, series, form)
    if form.approve:
        messages.success(request, _("The request was approved. The resident gets a message."))
    else:
        messages.success(request, _("The request was denied. The resident gets your reason."))
    return _back(org, series)


@staff_required
@require_POST
@rate_limit_posts(group="staff-bookings", rate=RATE)
def series_cancel_rest(
    request: HttpRequest, municipality: str, organisation: str, series_pk: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    series = _series(user, org, series_pk)
    form = CancelRestForm(request.POST, auto_id="cancel-rest-%s")
    if not form.is_valid():
        messages.error(request, _("Give the date like 24.12.2026."))
        return _back(org, series)
    try:
        count = series_services.cancel_series_rest(
            actor=user, series=series, from_date=form.cleaned_data["from_date"]
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        cancel_rest_message(request, count)
    return _back(org, series)


@staff_required
@require_POST
@rate_limit_posts(group="staff-bookings", rate=RATE)
def series_cancel_occurrence(
    request: HttpRequest, municipality: str, organisation: str, series_pk: int, series_date_id: int
) -> HttpResponse:
    org = managed_organisation(request, municipality, organisation)
    user = acting_user(request)
    series = _series(user, org, series_pk)
    booking = series.occurrences.filter(pk=series_date_id).select_related("space").first()
    if booking is None:
        raise Http404
    try:
        series_services.cancel_occurrence(actor=user, booking=booking)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The date was cancelled."))
    return _back(org, series)
