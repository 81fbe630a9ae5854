"""What the staff and public pages share: a dashboard's figures for several measures, the
measure explorer (one measure, chosen dimensions and period) and its CSV and JSON downloads.

Every figure comes from selectors.measure_result, which checks the person and runs the
suppression layer; a measure the person may not see in a scope is left out of a dashboard.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from lampio.core.errors import NotFound, PermissionDenied
from lampio.insights import exports
from lampio.insights.cache import version
from lampio.insights.display import Presented, present
from lampio.insights.forms import QueryForm
from lampio.insights.measures import MEASURES, Measure
from lampio.insights.selectors import Query, Result, Scope, measure_result, thresholds
from lampio.tenancy.models import Municipality
from lampio.tenancy.permissions import Actor
from lampio.tenancy.selectors import municipality_by_slug

# The headline figures of an organisation's or a city's dashboard, month by month.
DASHBOARD = ("space_utilisation", "bookings", "enrolments", "fill_rate", "satisfaction")
# The figures each city sees side by side with the other cities'.
COMPARISON = (
    "space_utilisation",
    "satisfaction",
    "enrolments",
    "fill_rate",
    "bookings",
    "feedback_response_days",
)
DOWNLOADS = ("csv", "json")


def result_or_none(
    *, actor: Actor, query: Query, threshold: int | None = None, state: str | None = None
) -> Result | None:
    """The result, or None where this person may not see the measure in this scope."""
    try:
        return measure_result(actor=actor, query=query, threshold=threshold, state=state)
    except (NotFound, PermissionDenied):
        return None


@dataclass(frozen=True)
class PageState:
    """What every figure of a page reads: the thresholds of the measures and the version of
    the data, read once per page rather than once per figure."""

    thresholds: dict[str, int]
    version: str


def page_state() -> PageState:
    return PageState(thresholds(), version())


def figures(
    *,
    actor: Actor,
    scope: Scope,
    keys: Iterable[str],
    by: tuple[str, ...],
    period: tuple[date, date],
    highlight: Collection[Hashable] = (),
    page: PageState | None = None,
) -> list[Presented]:
    """One presented figure per measure of `keys` that the person may see."""
    shown = []
    page = page or page_state()
    for key in keys:
        query = Query(MEASURES[key], by, period[0], period[1], scope)
        result = result_or_none(
            actor=actor, query=query, threshold=page.thresholds[key], state=page.version
        )
        if result is not None:
            shown.append(present(result, chart_id=f"chart-{key}", highlight=highlight))
    return shown


def busy_hours(
    *, actor: Actor, scope: Scope, period: tuple[date, date], page: PageState | None = None
) -> Presented | None:
    """Space utilisation by weekday and hour: when the spaces are in use."""
    query = Query(MEASURES["space_utilisation"], ("weekday", "hour"), *period, scope)
    page = page or page_state()
    threshold = page.thresholds["space_utilisation"]
    result = result_or_none(actor=actor, query=query, threshold=threshold, state=page.version)
    if result is None or not result.table.cells():
        return None
    return present(result, chart_id="chart-busy-hours", title=_("Space utilisation by hour"))


def download(result: Result, kind: str) -> HttpResponse:
    """The result as a CSV or JSON file: only what passed the suppression layer."""
    if kind == "csv":
        response = HttpResponse(exports.result_csv(result), content_type=exports.CSV_CONTENT_TYPE)
    else:
        body = json.dumps(exports.result_json(result), ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type=exports.JSON_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(result, kind)}"'
    return response


def explore(
    request: HttpRequest,
    *,
    actor: Actor,
    scope: Scope,
    measure: Measure,
    highlight: Collection[Hashable] = (),
) -> dict[str, Any] | HttpResponse:
    """The explorer's context, or the download `?format=csv|json` asks for.

    Wrong input comes back in the form with the reason; a query the person may not ask
    (a dimension closed to them) is refused like any other page they may not open.
    """
    data = request.GET.copy()
    if "by" not in data:
        data["by"] = "month"  # a first look: the measure month by month
    form = QueryForm(data, actor=actor, scope=scope, measure=measure)
    query = form.query()
    result = None
    if query is not None:
        try:
            result = measure_result(actor=actor, query=query)
        except NotFound as error:
            raise Http404 from error
        except PermissionDenied as error:
            raise DjangoPermissionDenied from error
    kind = request.GET.get("format", "")
    if result is not None and kind in DOWNLOADS:
        return download(result, kind)
    presented = present(result, chart_id="chart-explore", highlight=highlight) if result else None
    return {
        "measure": measure,
        "form": form,
        "figure": presented,
        "downloads": _download_links(request) if result else [],
    }


def _download_links(request: HttpRequest) -> list[tuple[str, str]]:
    """The page's own query with `format` set: the download is exactly what is shown."""
    links = []
    for kind, label in (("csv", _("Download CSV")), ("json", _("Download JSON"))):
        params = request.GET.copy()
        params["format"] = kind
        links.append((f"?{params.urlencode()}", label))
    return links


def query_string(**params: Any) -> str:
    """A link's query string from the non-empty parameters (dates as YYYY-MM)."""
    parts = {}
    for key, value in params.items():
        if isinstance(value, date):
            value = f"{value.year:04d}-{value.month:02d}"
        if value not in (None, ""):
            parts[key] = value
    return f"?{urlencode(parts)}" if parts else ""


def municipality_in_url(slug: str) -> Municipality:
    municipality = municipality_by_slug(slug)
    if municipality is None:
        raise Http404
    return municipality
