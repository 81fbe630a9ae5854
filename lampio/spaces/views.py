"""Resident pages for finding spaces: the search, a venue, a space with its free times.

The space page shows availability, which the bookings app computes; these views read it through
`bookings.selectors` (the only place where `spaces` looks up at `bookings`, and only to render).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from lampio.bookings import selectors as availability
from lampio.bookings.free_time import spaces_free_between
from lampio.core.errors import NotFound
from lampio.core.pagination import OneQueryPaginator
from lampio.spaces import selectors
from lampio.spaces.forms import AvailabilityForm, SpaceSearchForm
from lampio.spaces.models import Space, Venue
from lampio.tenancy.context_processors import SESSION_KEY

RESULTS_PER_PAGE = 20


def _markers(venues: list[Venue]) -> list[dict[str, Any]]:
    return [
        {
            "lat": float(venue.latitude),
            "lon": float(venue.longitude),
            "name": venue.name,
            "url": reverse("spaces:venue", kwargs={"venue_id": venue.pk}),
        }
        for venue in venues
        if venue.latitude is not None and venue.longitude is not None
    ]


def search(request: HttpRequest) -> HttpResponse:
    form = SpaceSearchForm(
        request.GET, default_municipality=request.session.get(SESSION_KEY, "") or ""
    )
    results: QuerySet[Space] = Space.objects.none()
    wanted = None
    if form.is_valid():
        results = selectors.search_spaces(actor=request.user, filters=form.filters())
        wanted = form.wanted_interval()
        if wanted is not None:
            results = spaces_free_between(results, wanted)
    page = OneQueryPaginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    display = form.display_mode()
    map_available = bool(settings.LAMPIO_MAP_TILE_URL)
    show_map = display == "map" and map_available
    return render(
        request,
        "spaces/search.html",
        {
            "form": form,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "display": display,
            "map_available": map_available,
            "show_map": show_map,
            "map_tile_url": settings.LAMPIO_MAP_TILE_URL,
            "map_attribution": settings.LAMPIO_MAP_ATTRIBUTION,
            "markers": _markers(selectors.mappable_venues(results)) if show_map else [],
            "wanted_day": form.cleaned_data.get("date") if wanted is not None else None,
        },
    )


def venue_detail(request: HttpRequest, venue_id: int) -> HttpResponse:
    try:
        venue = selectors.venue_for(actor=request.user, venue_id=venue_id)
    except NotFound as error:
        raise Http404 from error
    spaces = selectors.spaces_of_venue(actor=request.user, venue=venue)
    return render(request, "spaces/venue.html", {"venue": venue, "spaces": spaces})


def _space(request: HttpRequest, space_id: int) -> Space:
    try:
        return selectors.space_for(actor=request.user, space_id=space_id)
    except NotFound as error:
        raise Http404 from error


def space_detail(request: HttpRequest, space_id: int) -> HttpResponse:
    space = _space(request, space_id)
    picker = AvailabilityForm(request.GET)
    day = picker.day()
    week = picker.is_week()
    step = timedelta(days=7 if week else 1)
    context: dict[str, Any] = {
        "space": space,
        "venue": space.venue,
        "opening_hours": selectors.weekly_opening_hours(space),
        "day": day,
        "view": "week" if week else "day",
        "previous_day": day - step,
        "next_day": day + step,
        "picker": AvailabilityForm(initial={"date": day, "view": "week" if week else "day"}),
    }
    if week:
        context["week"] = availability.week_free_intervals(space, day)
    else:
        context["slots"] = availability.slot_availability(space, day)
        context["colleagues"] = availability.colleagues_in(actor=request.user, space=space, day=day)
    return render(request, "spaces/space.html", context)
