"""Residents' pages for finding offerings: the search as a list or a calendar, and one offering.

Enrolment lives in `views_enrolment.py` and group orders in `views_orders.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lampio.core.errors import DomainError, NotFound
from lampio.core.pagination import OneQueryPaginator
from lampio.core.timeranges import LOCAL_ZONE, Interval, local_datetime
from lampio.offerings import selectors
from lampio.offerings.cards import offering_cards
from lampio.offerings.forms import CalendarForm, EnrolForm, OfferingSearchForm
from lampio.offerings.jsonld import jsonld_script_content, offering_jsonld, online_link_is_public
from lampio.offerings.models import (
    ACTIVE_ENROLMENT,
    Enrolment,
    Occurrence,
    Offering,
    OfferingStatus,
)
from lampio.offerings.services.enrolment import check_enrolment_open
from lampio.tenancy.context_processors import SESSION_KEY

RESULTS_PER_PAGE = 20
TIMES_PER_PAGE = 20
# A month of a big city's culture is long; beyond this the calendar asks for narrower filters.
CALENDAR_LIMIT = 500


def _default_city(request: HttpRequest) -> str:
    return request.session.get(SESSION_KEY, "") or ""


def offering_list(request: HttpRequest) -> HttpResponse:
    form = OfferingSearchForm(request.GET, default_municipality=_default_city(request))
    results: QuerySet[Any] = Offering.objects.none()
    if form.is_valid():
        results = selectors.search_offering_cards(form.filters())
    page = OneQueryPaginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "offerings/list.html",
        {
            "form": form,
            "page_obj": page,
            "cards": offering_cards(page.object_list),
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "display": "list",
        },
    )


@dataclass(frozen=True)
class CalendarDay:
    day: dt.date
    occurrences: list[Occurrence]


def _calendar_days(
    occurrences: list[Occurrence], first: dt.date, after: dt.date, *, every_day: bool
) -> list[CalendarDay]:
    def local_day(occurrence: Occurrence) -> dt.date:
        return occurrence.starts_at.astimezone(LOCAL_ZONE).date()

    by_day = {day: list(group) for day, group in groupby(occurrences, key=local_day)}
    if not every_day:
        return [CalendarDay(day, items) for day, items in by_day.items() if first <= day < after]
    days = [first + dt.timedelta(days=n) for n in range((after - first).days)]
    return [CalendarDay(day, by_day.get(day, [])) for day in days]


def offering_calendar(request: HttpRequest) -> HttpResponse:
    form = CalendarForm(request.GET, default_municipality=_default_city(request))
    first, after = form.window()
    previous_day, next_day = form.neighbours()
    period = form.chosen_period()
    occurrences: list[Occurrence] = []
    if form.is_valid():
        window = Interval(local_datetime(first, dt.time()), local_datetime(after, dt.time()))
        found = selectors.search_occurrences(form.filters(window=window))
        # Times that began before the window but still run are shown on their own first day.
        occurrences = list(found.filter(starts_at__gte=window.start)[: CALENDAR_LIMIT + 1])
    return render(
        request,
        "offerings/calendar.html",
        {
            "form": form,
            "display": "calendar",
            "period": period,
            "first_day": first,
            "last_day": after - dt.timedelta(days=1),
            "previous_day": previous_day,
            "next_day": next_day,
            "days": _calendar_days(
                occurrences[:CALENDAR_LIMIT], first, after, every_day=period == "week"
            ),
            "count": min(len(occurrences), CALENDAR_LIMIT),
            "truncated": len(occurrences) > CALENDAR_LIMIT,
            "limit": CALENDAR_LIMIT,
        },
    )


@dataclass(frozen=True)
class TimeRow:
    """One upcoming time on an offering's page, with what the visitor can do about it."""

    occurrence: Occurrence
    enrolment: Enrolment | None
    closed_reason: str
    form: EnrolForm | None


def _time_rows(
    request: HttpRequest, offering: Offering, occurrences: list[Occurrence]
) -> list[TimeRow]:
    now = timezone.now()
    mine: dict[int, Enrolment] = {}
    if request.user.is_authenticated and occurrences:
        active = selectors.enrolments_of(request.user).filter(
            occurrence__in=occurrences, status__in=ACTIVE_ENROLMENT
        )
        mine = {enrolment.occurrence_id: enrolment for enrolment in active}
    rows = []
    for occurrence in occurrences:
        closed_reason = ""
        form = None
        if offering.status == OfferingStatus.PUBLISHED and offering.allows_enrolment:
            try:
                check_enrolment_open(occurrence, now)
            except DomainError as error:
                closed_reason = str(error.message)
            else:
                form = EnrolForm(auto_id=f"id_{occurrence.pk}_%s")
        rows.append(TimeRow(occurrence, mine.get(occurrence.pk), closed_reason, form))
    return rows


def offering_detail(request: HttpRequest, offering_id: int) -> HttpResponse:
    try:
        offering = selectors.public_offering(offering_id, actor=request.user)
    except NotFound as error:
        raise Http404 from error
    upcoming = selectors.upcoming_occurrences(offering)
    page = Paginator(upcoming, TIMES_PER_PAGE).get_page(request.GET.get("page"))
    occurrences = list(page.object_list)
    is_published = offering.status == OfferingStatus.PUBLISHED
    may_order = is_published and offering.allows_group_orders
    if may_order and request.user.is_authenticated:
        may_order = selectors.ordering_units(request.user).exists()
    return render(
        request,
        "offerings/detail.html",
        {
            "offering": offering,
            "is_preview": offering.status == OfferingStatus.DRAFT,
            "is_published": is_published,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "rows": _time_rows(request, offering, occurrences),
            "show_online_link": online_link_is_public(offering),
            "may_order": may_order,
            "jsonld": jsonld_script_content(offering_jsonld(offering, occurrences, request))
            if is_published
            else "",
        },
    )


def provider_profile(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    """Who the provider is, how to reach them, and what they offer next."""
    try:
        provider = selectors.public_provider(
            municipality_slug=municipality, organisation_slug=organisation
        )
    except NotFound as error:
        raise Http404 from error
    offerings = selectors.search_offerings(selectors.OfferingFilters(provider=provider.pk))
    page = Paginator(offerings, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "offerings/provider.html",
        {
            "provider": provider,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
        },
    )
