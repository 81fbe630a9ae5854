"""The assistant's statistics page for its desk: pooled figures for a period, small counts hidden.

Same access as the knowledge editor (MANAGE in the municipality's assistant desk). The period is a
GET parameter, so the page works as a plain form without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lampio.assistant import stats_selectors as stats
from lampio.assistant.staff_forms import LANGUAGE_NAMES
from lampio.assistant.staff_views import desk_in_url
from lampio.tenancy.access import staff_required

CHART_HEIGHT = 160  # px of the tallest bar
BAR_WIDTH = 28
BAR_GAP = 12
LABEL_SPACE = 20  # px above the bars for their numbers


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    label_x: int
    week: stats.Week


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: int
    bar_width: int
    bars: list[Bar]


def weekly_chart(weeks: list[stats.Week]) -> Chart:
    """Bar geometry for the server-rendered SVG. A hidden week gets no bar, so its height cannot
    give the number away; its label says "<5" like the table."""
    shown = [week.questions.count for week in weeks if not week.questions.hidden]
    tallest = max(shown, default=0) or 1
    baseline = LABEL_SPACE + CHART_HEIGHT
    bars = []
    for index, week in enumerate(weeks):
        x = BAR_GAP + index * (BAR_WIDTH + BAR_GAP)
        height = (
            0 if week.questions.hidden else round(CHART_HEIGHT * week.questions.count / tallest)
        )
        bars.append(Bar(x, baseline - height, height, x + BAR_WIDTH // 2, week))
    width = BAR_GAP + len(weeks) * (BAR_WIDTH + BAR_GAP)
    return Chart(width, baseline + 2, baseline, BAR_WIDTH, bars)


@dataclass(frozen=True)
class OutcomeRow:
    label: str
    cell: stats.Cell
    share: int | None
    shared_cell: stats.Cell
    shared_share: int | None


def outcome_rows(figures: stats.Overview, shared: stats.Overview) -> list[OutcomeRow]:
    rows = []
    for label, name in (
        (_("Answered from the knowledge"), "answered"),
        (_("Answered from live data"), "intent"),
        (_("Not sure: offered topics and a person"), "fallback"),
    ):
        cell, shared_cell = getattr(figures, name), getattr(shared, name)
        rows.append(
            OutcomeRow(
                label, cell, figures.share_of(cell), shared_cell, shared.share_of(shared_cell)
            )
        )
    return rows


def wait_minutes(figures: stats.Overview) -> int | None:
    if figures.median_wait is None:
        return None
    return round(figures.median_wait.total_seconds() / 60)


@staff_required
def overview(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    _user, org, place = desk_in_url(request, municipality, organisation)
    days = stats.period_days(request.GET.get("days"))
    figures = stats.overview(municipality=place, days=days)
    shared = stats.overview(municipality=None, days=days, now=figures.until)
    languages = [
        (LANGUAGE_NAMES[language], cell, shared_cell)
        for (language, cell), (_same, shared_cell) in zip(
            figures.languages, shared.languages, strict=True
        )
    ]
    context = {
        "organisation": org,
        "municipality": place,
        "days": days,
        "periods": stats.PERIODS,
        "stats": figures,
        "shared": shared,
        "languages": languages,
        "outcomes": outcome_rows(figures, shared),
        "wait_minutes": wait_minutes(figures),
        "chart": weekly_chart(figures.weeks),
        "small_cell": stats.SMALL_CELL,
        "small_top": stats.SMALL_CELL - 1,
    }
    return render(request, "assistant/staff/stats.html", context)
