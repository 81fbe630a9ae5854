"""Staff pages of the roadmap: the list by compass point, one initiative with its indicators,
the timeline, the printable report, and the forms that change them.

Everyone on staff reads the roadmap (it is the network's shared plan); the forms answer 403 to
those who may not change the initiative (`services.roadmap.may_change_roadmap_of`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.capability import charts
from lampio.capability.forms_roadmap import (
    IndicatorForm,
    InitiativeForm,
    MeasurementForm,
    RoadmapFilterForm,
)
from lampio.capability.models import Initiative, InitiativeStatus
from lampio.capability.selectors import roadmap as selectors
from lampio.capability.selectors.maturity import organisations_to_assess
from lampio.capability.services import roadmap as services
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, staff_required
from lampio.tenancy.models import Organisation

RATE = "60/m"
RATE_GROUP = "staff-capability"


def _progress(initiative: Initiative) -> list[dict[str, Any]]:
    """Each indicator's progress and its chart (the values are in the table beside it)."""
    rows = []
    for indicator in initiative.indicators.all():
        progress = selectors.indicator_progress(indicator)
        chart = None
        if progress.measurements:
            chart = charts.indicator_chart(
                [(m.measured_on, m.value) for m in progress.measurements],
                chart_id=f"indicator-{indicator.pk}",
                title=str(indicator.name),
                description=_("Measured values over time; the dashed line is the target."),
                baseline=indicator.baseline,
                target=indicator.target,
            )
        rows.append({"progress": progress, "chart": chart})
    return rows


@staff_required
def roadmap(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = RoadmapFilterForm(request.GET or None, **selectors.roadmap_filter_choices())
    initiatives = selectors.roadmap_initiatives(actor=user, filters=form.filters())
    return render(
        request,
        "capability/staff/roadmap/list.html",
        {
            "form": form,
            "groups": selectors.by_compass_point(initiatives),
            "count": len(initiatives),
            "may_create": bool(_owners(user)),
        },
    )


@staff_required
def initiative(request: HttpRequest, initiative_id: int) -> HttpResponse:
    user = acting_user(request)
    found_initiative = found(selectors.initiative_for, actor=user, initiative_id=initiative_id)
    return render(
        request,
        "capability/staff/roadmap/initiative.html",
        {
            "initiative": found_initiative,
            "indicators": _progress(found_initiative),
            "pilots": selectors.linked_pilots(found_initiative),
            "may_change": services.may_change_roadmap_of(user, found_initiative.organisation),
        },
    )


def _owners(user: User) -> list[tuple[str, str]]:
    owners: list[tuple[str, str]] = []
    if services.may_change_roadmap_of(user, None):
        owners.append((selectors.NETWORK, _("The network (all cities)")))
    for org in organisations_to_assess(actor=user):
        if services.may_change_roadmap_of(user, org):
            owners.append((str(org.pk), f"{org.name} ({org.municipality.name})"))
    return owners


def _owner_of(value: str) -> Organisation | None:
    if value == selectors.NETWORK:
        return None
    return Organisation.objects.get(pk=int(value))


def _form_page(
    request: HttpRequest, form: InitiativeForm, initiative: Initiative | None
) -> HttpResponse:
    return render(
        request,
        "capability/staff/roadmap/initiative_form.html",
        {"form": form, "initiative": initiative},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def initiative_new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    owners = _owners(user)
    if not owners:
        raise PermissionDenied
    form = InitiativeForm(
        request.POST or None,
        owners=owners,
        initial={"status": InitiativeStatus.PLANNED, "starts_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.save_initiative(
                actor=user,
                data=form.data_for_service(),
                organisation=_owner_of(form.chosen_owner()),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The initiative was created."))
            return redirect("capability_staff:initiative", initiative_id=created.pk)
    return _form_page(request, form, None)


def _changeable(request: HttpRequest, initiative_id: int) -> Initiative:
    user = acting_user(request)
    found_initiative: Initiative = found(
        selectors.initiative_for, actor=user, initiative_id=initiative_id
    )
    if not services.may_change_roadmap_of(user, found_initiative.organisation):
        raise PermissionDenied
    return found_initiative


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def initiative_edit(request: HttpRequest, initiative_id: int) -> HttpResponse:
    changing = _changeable(request, initiative_id)
    form = InitiativeForm(request.POST or None, initiative=changing)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_initiative(
                actor=acting_user(request), data=form.data_for_service(), initiative=changing
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The initiative was saved."))
            return redirect("capability_staff:initiative", initiative_id=changing.pk)
    return _form_page(request, form, changing)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def indicator_new(request: HttpRequest, initiative_id: int) -> HttpResponse:
    changing = _changeable(request, initiative_id)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_indicator(
                actor=acting_user(request), initiative=changing, data=form.data_for_service()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The indicator was added."))
            return redirect("capability_staff:initiative", initiative_id=changing.pk)
    return render(
        request,
        "capability/staff/roadmap/indicator_form.html",
        {"form": form, "initiative": changing},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def measurement_new(request: HttpRequest, indicator_id: int) -> HttpResponse:
    user = acting_user(request)
    indicator = found(selectors.indicator_for, actor=user, indicator_id=indicator_id)
    if not services.may_change_roadmap_of(user, indicator.initiative.organisation):
        raise PermissionDenied
    form = MeasurementForm(
        request.POST or None, indicator=indicator, initial={"measured_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_measurement(actor=user, indicator=indicator, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The value was recorded."))
            return redirect("capability_staff:initiative", initiative_id=indicator.initiative_id)
    return render(
        request,
        "capability/staff/roadmap/measurement_form.html",
        {"form": form, "indicator": indicator, "initiative": indicator.initiative},
    )


@staff_required
def roadmap_timeline(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    groups = selectors.by_compass_point(selectors.roadmap_initiatives(actor=user))
    bars: list[charts.Bar] = []
    for group in groups:
        bars.append(charts.Bar(group.label, today, today, "", heading=True))
        bars.extend(
            charts.Bar(str(item.title), item.starts_on, item.ends_on, item.status)
            for item in group.initiatives
        )
    chart = None
    if groups:
        chart = charts.timeline_chart(
            bars,
            chart_id="roadmap-timeline",
            title=_("Roadmap timeline"),
            description=_(
                "Each initiative as a bar from its start to its end, grouped by digital compass"
                " point; the vertical line is today. The same dates are in the table below."
            ),
            today=today,
            today_label=_("Today"),
        )
    return render(
        request,
        "capability/staff/roadmap/timeline.html",
        {"groups": groups, "chart": chart, "today": today},
    )


@staff_required
def roadmap_report(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    initiatives = selectors.roadmap_initiatives(actor=user, indicators=True)
    groups = selectors.by_compass_point(
        [{"initiative": item, "indicators": _progress(item)} for item in initiatives],
        key=lambda row: row["initiative"].compass_point,
    )
    return render(
        request,
        "capability/staff/roadmap/report.html",
        {"groups": groups, "generated_at": timezone.localtime(), "count": len(initiatives)},
    )
