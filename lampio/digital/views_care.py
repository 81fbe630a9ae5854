"""Care units' "watch together": the week's ordered sessions and the common room's big screen.

Only members of the unit who may order for it get in (a second factor where staff need one);
another unit's address answers 404, and so does a session the unit has not ordered.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lampio.digital import selectors
from lampio.digital.views_session import phase_context
from lampio.tenancy.access import found, organisation_in_url, staff_required
from lampio.tenancy.permissions import Action


@staff_required
def care_week(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    unit = organisation_in_url(request, municipality, organisation, Action.ORDER)
    now = timezone.now()
    orders = selectors.unit_orders_this_week(unit=unit, now=now)
    sessions = [selectors.Session(order.occurrence) for order in orders if order.occurrence]
    return render(
        request, "digital/care_week.html", {"unit": unit, "sessions": sessions, "now": now}
    )


@staff_required
def care_screen(
    request: HttpRequest, municipality: str, organisation: str, occurrence_id: int
) -> HttpResponse:
    unit = organisation_in_url(request, municipality, organisation, Action.ORDER)
    occurrence = found(selectors.unit_session, unit=unit, occurrence_id=occurrence_id)
    context = phase_context(request, occurrence, timezone.now())
    context.update({"unit": unit, "show_chat": request.GET.get("chat") == "1"})
    return render(request, "digital/care_screen.html", context)
