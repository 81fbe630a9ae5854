"""The digital capability hub at /<lang>/staff/capability/: what is here, with current figures.

The survey pages (surveys_engine, insights_staff) and the pilot library live in other modules;
the hub only links to them and counts what anyone on staff may see."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lampio.accounts.auth import acting_user
from lampio.capability.selectors import maturity, roadmap
from lampio.surveys.models import Round
from lampio.tenancy.access import staff_required
from lampio.tenancy.permissions import is_network_admin


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    return render(
        request,
        "capability/staff/index.html",
        {
            "maturity": maturity.maturity_figures(actor=user),
            "roadmap": roadmap.roadmap_figures(actor=user),
            "pilots": roadmap.pilot_count(actor=user),
            # Open rounds are no secret to staff: the network invites every organisation.
            "open_rounds": Round.objects.filter(opens_on__lte=today, closes_on__gte=today).count(),
            "is_network_admin": is_network_admin(user),
        },
    )
