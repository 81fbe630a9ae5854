"""The last-minute page: freed and usually quiet free times of the coming week in one city."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from lampio.bookings.lastminute_forms import LastMinuteForm
from lampio.bookings.lastminute_selectors import last_minute_slots, slots_by_day
from lampio.core.timeranges import LOCAL_ZONE
from lampio.tenancy.context_processors import SESSION_KEY
from lampio.tenancy.selectors import municipality_by_slug


@require_GET
def last_minute(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    form = LastMinuteForm(
        request.GET,
        today=now.astimezone(LOCAL_ZONE).date(),
        default_municipality=request.session.get(SESSION_KEY, "") or "",
    )
    context: dict[str, Any] = {"form": form, "days": [], "municipality": None}
    if form.is_bound and form.is_valid():
        municipality = municipality_by_slug(form.cleaned_data["municipality"])
        if municipality is not None:
            slots = last_minute_slots(municipality=municipality, now=now, filters=form.filters())
            context.update(municipality=municipality, days=slots_by_day(slots))
    return render(request, "bookings/lastminute/list.html", context)
