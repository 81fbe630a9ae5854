"""Resident pages of recurring series: book one, see its dates, cancel a date or the rest.

On a collision the form comes back filled in with the dates that cannot be booked and why, and
a second button that books the rest. Someone else's series answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.bookings import messages_series, series_selectors, series_services
from lampio.bookings.errors import SeriesCollides
from lampio.bookings.models import BookingSeries, BookingStatus
from lampio.bookings.series_forms import FIELD_ALIASES, CancelRestForm, SeriesForm
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.spaces.models import AccessMethod
from lampio.spaces.selectors import space_for


def map_error(form: Any, error: DomainError) -> None:
    if error.field in FIELD_ALIASES:
        error.field = FIELD_ALIASES[error.field]
    add_domain_error(form, error)


def _series(user: User, series_pk: int) -> BookingSeries:
    try:
        return series_selectors.series_detail(actor=user, series_id=series_pk)
    except NotFound as error:
        raise Http404 from error


@login_required
@rate_limit_posts(group="booking-series", rate="20/m")
def new_series(request: HttpRequest, space_id: int) -> HttpResponse:
    user = acting_user(request)
    try:
        space = space_for(actor=user, space_id=space_id)
    except NotFound as error:
        raise Http404 from error
    if not space.allows_recurring:
        raise Http404
    collisions: list[Any] = []
    form = SeriesForm(request.POST or None, space=space)
    if request.method == "POST" and form.is_valid():
        try:
            series = series_services.create_series(
                actor=user,
                space=space,
                booker=user,  # staff of the owner on this page book for themselves too
                skip_collisions=bool(request.POST.get("skip_collisions")),
                **form.pattern(),
            )
        except NotFound as error:
            raise Http404 from error
        except SeriesCollides as error:
            collisions = error.collisions
            form.add_error(None, str(error.message))
        except DomainError as error:
            map_error(form, error)
        else:
            if series.occurrences.filter(status=BookingStatus.REQUESTED).exists():
                messages.success(request, _("Your request for a recurring time was sent."))
            else:
                messages.success(request, _("Your recurring time is booked."))
            return redirect("series:detail", series_pk=series.pk)
    return render(
        request,
        "bookings/series/series_form.html",
        {
            "form": form,
            "space": space,
            "venue": space.venue,
            "collisions": collisions,
        },
    )


def detail_context(user: User, series: BookingSeries) -> dict[str, Any]:
    """What both the resident's and the staff's series page show."""
    rows = series_selectors.occurrences(actor=user, series=series)
    confirmed = any(row.booking.status == BookingStatus.CONFIRMED for row in rows)
    uses_code = series.space.access_method == AccessMethod.CODE
    return {
        "series": series,
        "pattern": messages_series.pattern_text(series),
        "space": series.space,
        "venue": series.space.venue,
        "rows": rows,
        "skipped": series_selectors.skipped_dates(series),
        "code": series.access_code if confirmed and uses_code else "",
        "any_cancellable": any(row.may_cancel for row in rows),
        "kept_past_deadline": [row for row in rows if row.past_deadline and not row.may_cancel],
        "requested": any(row.booking.status == BookingStatus.REQUESTED for row in rows),
        "cancel_form": CancelRestForm(
            auto_id="cancel-rest-%s", initial={"from_date": timezone.localdate()}
        ),
    }


@login_required
def series_detail(request: HttpRequest, series_pk: int) -> HttpResponse:
    user = acting_user(request)
    series = _series(user, series_pk)
    return render(request, "bookings/series/series_detail.html", detail_context(user, series))


@login_required
@require_POST
@rate_limit_posts(group="booking-cancel", rate="30/m")
def cancel_occurrence(request: HttpRequest, series_pk: int, series_date_id: int) -> HttpResponse:
    user = acting_user(request)
    series = _series(user, series_pk)
    booking = series.occurrences.filter(pk=series_date_id).select_related("space").first()
    if booking is None:
        raise Http404
    try:
        series_services.cancel_occurrence(actor=user, booking=booking)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The date was cancelled."))
    return redirect("series:detail", series_pk=series.pk)


def cancel_rest_message(request: HttpRequest, count: int) -> None:
    if count:
        messages.success(
            request,
            _("%(count)d dates of the series were cancelled.") % {"count": count},
        )
    else:
        messages.info(request, _("No date of the series could be cancelled."))


@login_required
@require_POST
@rate_limit_posts(group="booking-cancel", rate="30/m")
def cancel_rest(request: HttpRequest, series_pk: int) -> HttpResponse:
    user = acting_user(request)
    series = _series(user, series_pk)
    form = CancelRestForm(request.POST, auto_id="cancel-rest-%s")
    if not form.is_valid():
        messages.error(request, _("Give the date like 24.12.2026."))
        return redirect("series:detail", series_pk=series.pk)
    try:
        count = series_services.cancel_series_rest(
            actor=user, series=series, from_date=form.cleaned_data["from_date"]
        )
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        cancel_rest_message(request, count)
    return redirect("series:detail", series_pk=series.pk)
