"""The senior home: today's and this week's digital sessions in big, plain cards."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lampio.digital import selectors
from lampio.tenancy.context_processors import SESSION_KEY


def home(request: HttpRequest) -> HttpResponse:
    """The chosen city's sessions (all cities' with ?all=1 or when no city is chosen)."""
    city = "" if request.GET.get("all") else (request.session.get(SESSION_KEY) or "")
    now = timezone.now()
    return render(
        request,
        "digital/home.html",
        {
            "programme": selectors.programme(now=now, municipality=city),
            "city_only": bool(city),
            "now": now,
        },
    )
