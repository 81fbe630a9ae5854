"""Staff reports of an application round: utilisation heat map and unmet demand, with the
unmet-demand table as CSV. Anyone who may view the round's organisation; others get 404 (no
role there) or 403."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lampio.accounts.auth import acting_user
from lampio.seasons import reports
from lampio.seasons.models import ApplicationRound
from lampio.seasons.report_charts import heat_map, legend, percent
from lampio.seasons.selectors import round_of
from lampio.tenancy.access import found, organisation_in_url, staff_required
from lampio.tenancy.permissions import Action


def _round(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> ApplicationRound:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    return found(round_of, actor=acting_user(request), organisation=org, round_id=round_id)


@staff_required
@require_GET
def report(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> HttpResponse:
    application_round = _round(request, municipality, organisation, round_id)
    use = reports.utilisation(application_round)
    chart = heat_map(
        share=use.share,
        hours=use.hours,
        title=_("Utilisation of the round's spaces by weekday and hour"),
        description=_(
            "Each cell is the share of the open minutes in that hour that are allocated, "
            "averaged over the spaces open then. Grey cells with a dash: no space is open."
        ),
        element_id="round-heatmap",
    )
    return render(
        request,
        "seasons/reports/report.html",
        {
            "round": application_round,
            "organisation": application_round.organisation,
            "phase": application_round.phase(timezone.now()),
            "use": use,
            "weekdays": list(reports.WEEKDAYS),
            "chart": chart,
            "legend": legend(),
            "table_rows": [
                (hour, [percent(use.share(weekday, hour)) for weekday in reports.WEEKDAYS])
                for hour in use.hours
            ],
            "space_rows": [
                (
                    space_use.space,
                    [percent(day) for day in space_use.days],
                    percent(space_use.week_share),
                )
                for space_use in use.spaces
            ],
            "demand": reports.demand(application_round),
        },
    )


@staff_required
@require_GET
def demand_csv(
    request: HttpRequest, municipality: str, organisation: str, round_id: int
) -> HttpResponse:
    application_round = _round(request, municipality, organisation, round_id)
    content = reports.demand_csv(reports.demand(application_round))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="round-{application_round.pk}-unmet-demand.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
