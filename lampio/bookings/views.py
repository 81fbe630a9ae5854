"""Resident pages for booking: the form, the confirmation, my bookings, cancelling, calendars.

A booking of someone else answers 404 everywhere, so its existence is not revealed either.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.bookings import ical, paid, selectors, series_selectors, services
from lampio.bookings.forms import BookingForm, initial_from_query
from lampio.bookings.models import Booking, BookingStatus
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.urlsafety import safe_next_url
from lampio.spaces.selectors import space_for

PAST_BOOKINGS_SHOWN = 50


def _own_booking(user: User, booking_id: int) -> Booking:
    try:
        return selectors.booking_of(actor=user, booking_id=booking_id)
    except NotFound as error:
        raise Http404 from error


@login_required
@rate_limit_posts(group="booking", rate="20/m")
def new_booking(request: HttpRequest, space_id: int) -> HttpResponse:
    user = acting_user(request)
    try:
        space = space_for(actor=user, space_id=space_id)
    except NotFound as error:
        raise Http404 from error
    if request.method == "POST":
        form = BookingForm(request.POST, space=space)
        if form.is_valid():
            starts_at, ends_at = form.times()
            try:
                reserved = None
                if space.is_paid:
                    reserved = paid.reserve(
                        actor=user,
                        space=space,
                        starts_at=starts_at,
                        ends_at=ends_at,
                        purpose=form.cleaned_data["purpose"],
                        attendees=form.cleaned_data["attendees"],
                    )
                if reserved is not None:
                    messages.info(request, _("The time is held for you while you pay."))
                    return redirect(reserved[1])
                booking = services.book_space(
                    actor=user,
                    space=space,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    purpose=form.cleaned_data["purpose"],
                    attendees=form.cleaned_data["attendees"],
                    show_to_colleagues=form.cleaned_data.get("show_to_colleagues", False),
                )
            except NotFound as error:
                raise Http404 from error
            except DomainError as error:
                add_domain_error(form, error)
            else:
                if booking.status == BookingStatus.REQUESTED:
                    messages.success(request, _("Your booking request was sent."))
                else:
                    messages.success(request, _("Your booking is confirmed."))
                return redirect("bookings:detail", booking_id=booking.pk)
    else:
        form = BookingForm(space=space, initial=initial_from_query(request.GET))
    return render(
        request, "bookings/booking_form.html", {"form": form, "space": space, "venue": space.venue}
    )


@login_required
def booking_detail(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = _own_booking(acting_user(request), booking_id)
    return render(
        request,
        "bookings/booking_detail.html",
        {
            "booking": booking,
            "space": booking.space,
            "venue": booking.space.venue,
            "cancellation_deadline": selectors.cancellation_deadline(booking),
            "has_started": booking.starts_at <= timezone.now(),
        },
    )


def _calendar_response(content: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@login_required
@never_cache
@require_GET
def booking_ics(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = _own_booking(acting_user(request), booking_id)
    return _calendar_response(ical.booking_ics(booking), f"booking-{booking.pk}.ics", download=True)


@login_required
@require_POST
@rate_limit_posts(group="booking-cancel", rate="30/m")
def cancel_booking(request: HttpRequest, booking_id: int) -> HttpResponse:
    user = acting_user(request)
    booking = _own_booking(user, booking_id)
    try:
        services.cancel_booking(actor=user, booking=booking)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The booking was cancelled."))
    fallback = reverse("bookings:detail", kwargs={"booking_id": booking.pk})
    return redirect(safe_next_url(request, request.POST.get("next"), fallback))


@login_required
def my_bookings(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    feed_path = reverse("bookings_feed", kwargs={"token": selectors.feed_token_for(user)})
    return render(
        request,
        "bookings/my_bookings.html",
        {
            "upcoming": selectors.bookings_of(actor=user, upcoming=True),
            "past": selectors.bookings_of(actor=user, upcoming=False)[:PAST_BOOKINGS_SHOWN],
            "past_limit": PAST_BOOKINGS_SHOWN,
            "feed_url": request.build_absolute_uri(feed_path),
            "series_list": series_selectors.series_of(actor=user),
        },
    )


@never_cache
@require_GET
def bookings_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's bookings for their calendar app, which cannot log in: the signed token is the
    key. It lists the last 90 days and everything ahead, cancellations included."""
    user = selectors.user_by_feed_token(token)
    if user is None:
        raise Http404
    content = ical.feed_ics(selectors.feed_bookings(user=user))
    return _calendar_response(content, "bookings.ics", download=False)
