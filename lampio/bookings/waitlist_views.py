"""Resident pages of waitlists and watches. Someone else's entry or watch answers 404."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.bookings import paid, waitlist_selectors, waitlist_services, watch_services
from lampio.bookings.errors import SlotIsFree
from lampio.bookings.forms import initial_from_query
from lampio.bookings.models import BookingStatus
from lampio.bookings.waitlist_forms import JoinForm, WatchForm
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.timeranges import LOCAL_ZONE
from lampio.spaces.models import Space, Venue
from lampio.spaces.selectors import space_for, venue_for


def _space(request: HttpRequest, space_id: int) -> Space:
    try:
        return space_for(actor=acting_user(request), space_id=space_id)
    except NotFound as error:
        raise Http404 from error


def _entry(request: HttpRequest, entry_id: int) -> waitlist_selectors.EntryView:
    try:
        return waitlist_selectors.entry_of(actor=acting_user(request), entry_id=entry_id)
    except NotFound as error:
        raise Http404 from error


@login_required
@rate_limit_posts(group="waitlist-join", rate="20/m")
def join(request: HttpRequest, space_id: int) -> HttpResponse:
    """Join the line for a taken slot; the slot comes from the availability page's link."""
    user = acting_user(request)
    space = _space(request, space_id)
    book_url = ""
    if request.method == "POST":
        form = JoinForm(request.POST, space=space)
        if form.is_valid():
            starts_at, ends_at = form.times()
            try:
                entry = waitlist_services.join_waitlist(
                    actor=user,
                    space=space,
                    starts_at=starts_at,
                    ends_at=ends_at,
                    purpose=form.cleaned_data["purpose"] or "",
                    attendees=form.cleaned_data["attendees"],
                )
            except NotFound as error:
                raise Http404 from error
            except DomainError as error:
                add_domain_error(form, error)
                if isinstance(error, SlotIsFree):
                    book_url = reverse("bookings:new", kwargs={"space_id": space.pk})
                    book_url += "?" + urlencode(
                        {"start": _local_iso(starts_at), "end": _local_iso(ends_at)}
                    )
            else:
                position = waitlist_services.position_in_line(entry)
                messages.success(
                    request,
                    _("You are number %(position)d in line. We will tell you if the time frees up.")
                    % {"position": position},
                )
                return redirect("waitlist:mine")
    else:
        query = request.GET.copy()
        for alias, name in (("starts_at", "start"), ("ends_at", "end")):
            if alias in query and name not in query:
                query[name] = query.get(alias, "")
        form = JoinForm(space=space, initial=initial_from_query(query))
    return render(
        request,
        "bookings/waitlist/join.html",
        {"form": form, "space": space, "venue": space.venue, "book_url": book_url},
    )


def _local_iso(moment: datetime) -> str:
    return moment.astimezone(LOCAL_ZONE).strftime("%Y-%m-%dT%H:%M")


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    return render(
        request,
        "bookings/waitlist/mine.html",
        {
            "entries": waitlist_selectors.entries_of(actor=user),
            "watches": waitlist_selectors.watches_of(actor=user),
            "max_watches": watch_services.MAX_WATCHES_PER_PERSON,
        },
    )


@login_required
def offer(request: HttpRequest, entry_id: int) -> HttpResponse:
    view = _entry(request, entry_id)
    return render(
        request,
        "bookings/waitlist/offer.html",
        {"item": view, "entry": view.entry, "space": view.entry.space},
    )


@login_required
@require_POST
@rate_limit_posts(group="waitlist-answer", rate="30/m")
def accept(request: HttpRequest, entry_id: int) -> HttpResponse:
    view = _entry(request, entry_id)
    try:
        booking = waitlist_services.accept_offer(actor=acting_user(request), entry=view.entry)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("waitlist:offer", entry_id=entry_id)
    if booking.status == BookingStatus.HELD and (pay_path := paid.payment_path(booking)):
        messages.info(request, _("The time is held for you while you pay."))
        return redirect(pay_path)
    if booking.status == BookingStatus.REQUESTED:
        messages.success(request, _("Your booking request was sent."))
    else:
        messages.success(request, _("Your booking is confirmed."))
    return redirect("bookings:detail", booking_id=booking.pk)


@login_required
@require_POST
@rate_limit_posts(group="waitlist-answer", rate="30/m")
def leave(request: HttpRequest, entry_id: int) -> HttpResponse:
    view = _entry(request, entry_id)
    try:
        waitlist_services.leave_waitlist(actor=acting_user(request), entry=view.entry)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        if view.is_open_offer:
            messages.success(
                request, _("You declined the offer. The time goes to the next in line.")
            )
        else:
            messages.success(request, _("You left the waitlist."))
    return redirect("waitlist:mine")


def _watch_target(request: HttpRequest) -> tuple[Space | None, Venue | None]:
    user = acting_user(request)
    try:
        if space_id := request.GET.get("space", ""):
            return space_for(actor=user, space_id=int(space_id)), None
        if venue_id := request.GET.get("venue", ""):
            return None, venue_for(actor=user, venue_id=int(venue_id))
    except (NotFound, ValueError) as error:
        raise Http404 from error
    return None, None


@login_required
@rate_limit_posts(group="waitlist-watch", rate="20/m")
def watch_new(request: HttpRequest) -> HttpResponse:
    space, venue = _watch_target(request)
    if space is None and venue is None:
        messages.info(request, _("Open a space or a venue and choose “Watch for free times”."))
        return redirect("spaces:search")
    if request.method == "POST":
        form = WatchForm(request.POST)
        if form.is_valid():
            try:
                watch_services.add_watch(
                    actor=acting_user(request),
                    space=space,
                    venue=venue,
                    weekday=form.cleaned_data["weekday"],
                    starts=form.cleaned_data["starts"],
                    ends=form.cleaned_data["ends"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request, _("Your watch was saved. We will tell you of free times.")
                )
                return redirect("waitlist:mine")
    else:
        form = WatchForm()
    return render(
        request,
        "bookings/waitlist/watch_form.html",
        {"form": form, "space": space, "venue": venue or (space.venue if space else None)},
    )


@login_required
@require_POST
@rate_limit_posts(group="waitlist-watch", rate="20/m")
def watch_delete(request: HttpRequest, watch_id: int) -> HttpResponse:
    try:
        watch_services.remove_watch(actor=acting_user(request), watch_id=watch_id)
    except NotFound as error:
        raise Http404 from error
    messages.success(request, _("The watch was removed."))
    return redirect("waitlist:mine")
