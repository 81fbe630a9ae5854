"""The public open-data pages under /<lang>/open-data/: the figures the network publishes.

Anyone may read them, and only measures a network admin has opened (MeasureSetting) appear;
the same suppression applies as in the staff views, and the same CSV and JSON downloads.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from lampio.insights import dashboards
from lampio.insights.measures import MEASURES
from lampio.insights.selectors import Level, Scope, last_run, visible_measures
from lampio.insights.staff_forms import PeriodForm

OPEN = Scope(Level.OPEN)


def open_data(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PeriodForm(request.GET or None)
    period = form.period()
    published = visible_measures(actor=user, scope=OPEN)
    return render(
        request,
        "insights/open_data.html",
        {
            "form": form,
            "period": period,
            "measures": published,
            "figures": dashboards.figures(
                actor=user,
                scope=OPEN,
                keys=[m.key for m in published],
                by=("municipality",),
                period=period,
            ),
            "explore_params": dashboards.query_string(
                by="municipality", **{"from": period[0], "to": period[1]}
            ),
            "last_run": last_run(),
        },
    )


def open_measure(request: HttpRequest, measure_key: str) -> HttpResponse:
    user = request.user
    chosen = MEASURES.get(measure_key)
    if chosen is None or chosen not in visible_measures(actor=user, scope=OPEN):
        raise Http404
    context = dashboards.explore(request, actor=user, scope=OPEN, measure=chosen)
    if isinstance(context, HttpResponse):
        return context
    context["last_run"] = last_run()
    return render(request, "insights/open_measure.html", context)
