"""Staff dashboards under /<lang>/staff/insights/ and /<lang>/staff/<city>/<org>/insights/.

The index says what the person may see and how fresh the figures are; an organisation's and a
city's dashboard show headline measures month by month and when spaces are busy; the network
view puts every city side by side with the person's own city marked; the explorer shows one
measure broken down as asked, with CSV and JSON; network admins set thresholds and open data.
Who may see what is decided in selectors (a person without a role in a city gets 403).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.insights import dashboards
from lampio.insights.forms import MeasureSettingForm
from lampio.insights.measures import GROUPS, MEASURES
from lampio.insights.selectors import Level, Scope, last_run, may_view, open_data_keys
from lampio.insights.services.publication import measure_settings, update_measure_setting
from lampio.insights.staff_forms import PeriodForm
from lampio.tenancy.access import organisation_in_url, staff_required
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, is_network_admin
from lampio.tenancy.selectors import (
    memberships_of,
    municipalities,
    municipality_ids_of,
    organisations_for,
)

RATE = "30/m"
RATE_GROUP = "staff-insights"


def _measure_groups() -> list[tuple[str, list[Any]]]:
    return [
        (str(title), [m for m in MEASURES.values() if m.group == group])
        for group, title in GROUPS.items()
    ]


@staff_required
def index(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    admin = is_network_admin(user)
    memberships = list(memberships_of(actor=user).order_by("organisation__name"))
    own_cities = {m.organisation.municipality for m in memberships}
    cities = list(municipalities()) if admin else sorted(own_cities, key=lambda c: c.name)
    return render(
        request,
        "insights/staff/index.html",
        {
            "organisations": [m.organisation for m in memberships],
            "municipalities": cities,
            "groups": _measure_groups(),
            "open_data": open_data_keys(),
            "last_run": last_run(),
            "is_network_admin": admin,
        },
    )


def _dashboard(
    request: HttpRequest, scope: Scope, heading: str, explore: dict[str, Any]
) -> HttpResponse:
    user = acting_user(request)
    form = PeriodForm(request.GET or None)
    period = form.period()
    params = dashboards.query_string(**explore, **{"from": period[0], "to": period[1]})
    page = dashboards.page_state()
    return render(
        request,
        "insights/staff/dashboard.html",
        {
            "heading": heading,
            "scope": scope,
            "form": form,
            "period": period,
            "figures": dashboards.figures(
                actor=user,
                scope=scope,
                keys=dashboards.DASHBOARD,
                by=("month",),
                period=period,
                page=page,
            ),
            "busy_hours": dashboards.busy_hours(actor=user, scope=scope, period=period, page=page),
            "groups": _measure_groups(),
            "explore_params": params,
            "last_run": last_run(),
        },
    )


@staff_required
def organisation_dashboard(
    request: HttpRequest, municipality: str, organisation: str
) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    scope = Scope(Level.ORGANISATION, organisation=org)
    explore = {"level": Level.ORGANISATION.value, "org": org.pk}
    return _dashboard(request, scope, str(org), explore)


@staff_required
def municipality_dashboard(request: HttpRequest, municipality: str) -> HttpResponse:
    city = dashboards.municipality_in_url(municipality)
    scope = Scope(Level.MUNICIPALITY, municipality=city)
    if not may_view(acting_user(request), scope):
        raise DjangoPermissionDenied
    explore = {"level": Level.MUNICIPALITY.value, "municipality": city.slug}
    return _dashboard(request, scope, str(city), explore)


def own_municipality_ids(request: HttpRequest) -> set[int]:
    """The cities the person works in: marked in the network comparison."""
    return municipality_ids_of(actor=acting_user(request))


@staff_required
def network(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = PeriodForm(request.GET or None)
    period = form.period()
    own = own_municipality_ids(request)
    scope = Scope(Level.NETWORK)
    return render(
        request,
        "insights/staff/network.html",
        {
            "form": form,
            "period": period,
            "figures": dashboards.figures(
                actor=user,
                scope=scope,
                keys=dashboards.COMPARISON,
                by=("municipality",),
                period=period,
                highlight=own,
            ),
            "own_cities": Municipality.objects.filter(pk__in=own).order_by("name"),
            "explore_params": dashboards.query_string(
                level=Level.NETWORK.value, by="municipality", **{"from": period[0], "to": period[1]}
            ),
            "last_run": last_run(),
        },
    )


def _explorer_scope(request: HttpRequest) -> tuple[Scope, dict[str, Any]]:
    """The scope the explorer's `level`, `org` and `municipality` name, checked for the person."""
    user = acting_user(request)
    level = request.GET.get("level") or Level.NETWORK.value
    if level == Level.ORGANISATION:
        org: Organisation | None = None
        org_id = request.GET.get("org", "")
        if org_id.isdigit():
            org = organisations_for(actor=user, action=Action.VIEW).filter(pk=org_id).first()
        if org is None:
            raise Http404
        return Scope(Level.ORGANISATION, organisation=org), {"level": level, "org": org.pk}
    if level == Level.MUNICIPALITY:
        city = dashboards.municipality_in_url(request.GET.get("municipality", ""))
        scope = Scope(Level.MUNICIPALITY, municipality=city)
        if not may_view(user, scope):
            raise DjangoPermissionDenied
        return scope, {"level": level, "municipality": city.slug}
    if level != Level.NETWORK:
        raise Http404
    return Scope(Level.NETWORK), {"level": level}


@staff_required
def measure(request: HttpRequest, measure_key: str) -> HttpResponse:
    chosen = MEASURES.get(measure_key)
    if chosen is None:
        raise Http404
    scope, hidden = _explorer_scope(request)
    highlight = own_municipality_ids(request) if scope.level == Level.NETWORK else set()
    context = dashboards.explore(
        request, actor=acting_user(request), scope=scope, measure=chosen, highlight=highlight
    )
    if isinstance(context, HttpResponse):
        return context
    context.update(
        {
            "scope": scope,
            "hidden": hidden,
            "groups": _measure_groups(),
            "scope_params": dashboards.query_string(**hidden),
            "last_run": last_run(),
        }
    )
    return render(request, "insights/staff/measure.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def settings_page(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if not is_network_admin(user):
        raise DjangoPermissionDenied
    saved = measure_settings()
    forms = {key: MeasureSettingForm.for_setting(setting) for key, setting in saved.items()}
    key = request.POST.get("measure", "")
    if request.method == "POST" and key in forms:
        form = MeasureSettingForm.for_setting(saved[key], request.POST)
        forms[key] = form
        if form.is_valid():
            try:
                update_measure_setting(
                    actor=user,
                    key=key,
                    threshold=form.cleaned_data["threshold"],
                    is_open_data=form.cleaned_data["is_open_data"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request, _("Settings of %(measure)s saved.") % {"measure": MEASURES[key].title}
                )
                return redirect("insights_staff:settings")
    rows = [(MEASURES[k], forms[k], saved[k]) for k in MEASURES]
    return render(
        request,
        "insights/staff/settings.html",
        {"rows": rows, "failed": key if request.method == "POST" else ""},
    )
