"""A query's suppressed table shaped for a page: labelled lines, figures formatted for the
active language ("< 5" where suppressed) and the chart that suits the dimensions.

Only `Result`s from selectors.measure_result come in, so everything here is already past the
suppression layer; this module only decides how to show it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lampio.insights import charts
from lampio.insights.cache import PRESENTED_TIMEOUT, figures_cache
from lampio.insights.charts import Datum
from lampio.insights.labels import dimension_label, value_labels
from lampio.insights.measures import Kind, Measure
from lampio.insights.selectors import Result
from lampio.insights.suppression import ALL, Figure

# Dimensions whose values have a natural order; the others are listed by their names.
ORDERED = {"month", "weekday", "hour"}
NO_FIGURE = "–"


def figure_text(measure: Measure, figure: Figure, threshold: int) -> str:
    """A figure as people read it in the active language (number_format cuts decimals off,
    so they are rounded first)."""
    if figure.suppressed:
        return f"< {threshold}"
    if figure.value is None:
        return NO_FIGURE
    if measure.kind == Kind.RATIO:
        percent = number_format(round(figure.value * 100, 1), 1, force_grouping=True)
        return f"{percent} %" if get_language() != "en" else f"{percent}%"
    if measure.kind == Kind.AVERAGE:
        return number_format(round(figure.value, 1), 1, force_grouping=True)
    return number_format(round(figure.value), 0, force_grouping=True)


def _datum(result: Result, figure: Figure, label: str, highlight: bool = False) -> Datum:
    return Datum(
        label=label,
        value=figure.value,
        text=figure_text(result.query.measure, figure, result.threshold),
        suppressed=figure.suppressed,
        highlight=highlight,
    )


def _order(dimension: str, keys: set[Hashable], labels: dict[Hashable, str]) -> list[Hashable]:
    if dimension in ORDERED:
        return sorted(keys, key=lambda k: (k is None, k if k is not None else 0))
    return sorted(keys, key=lambda k: (k in (None, ""), labels.get(k, str(k)).casefold()))


@dataclass
class Row:
    label: str
    cells: list[Datum]
    total: Datum | None = None
    highlight: bool = False


@dataclass
class Presented:
    """What the figure template (_figure.html) shows: a chart, and the same numbers in a
    table with a header row, one row per value of the first dimension and a total row."""

    result: Result
    chart_id: str
    headers: list[str]
    rows: list[Row]
    totals: Row | None
    chart: SafeString | None = None
    kind: str = "table"
    dimensions: list[str] = field(default_factory=list)
    # Names this shape in the cache, so its rendered HTML can be cached too (_figure.html).
    fragment_key: str = ""

    def __getstate__(self) -> dict[str, Any]:
        # Cached without its result (`present` gives back the caller's own): a result holds
        # the measure's lazy texts, and unpickling those cost a fifth of a dashboard request.
        return {**self.__dict__, "result": None}

    @property
    def measure(self) -> Measure:
        return self.result.query.measure

    @property
    def any_suppressed(self) -> bool:
        return any(f.suppressed for f in self.result.table.figures.values())

    @property
    def grand_total(self) -> str:
        return figure_text(self.measure, self.result.table.grand_total, self.result.threshold)


def present(
    result: Result,
    *,
    chart_id: str,
    title: str = "",
    highlight: Collection[Hashable] = (),
) -> Presented:
    """`result` shaped for a page, from the cache when the same table was shaped the same way
    (language, chart, title, highlighted values) a moment ago: labels and charts cost more
    than reading the table. Only the shape is cached; the result is the caller's own."""
    if not result.cache_key:
        return _present(result, chart_id=chart_id, title=title, highlight=highlight)
    marked = ",".join(sorted(str(value) for value in highlight))
    how = hashlib.sha256(f"{get_language()}\x1f{chart_id}\x1f{title}\x1f{marked}".encode())
    entry = f"{result.cache_key}:shown:{how.hexdigest()[:32]}"
    shown = figures_cache.get(entry)
    if not isinstance(shown, Presented):
        shown = _present(result, chart_id=chart_id, title=title, highlight=highlight)
        shown.fragment_key = entry
        figures_cache.set(entry, shown, PRESENTED_TIMEOUT)
    # A copy: the cached shape may be this process's own, which other requests read too.
    return replace(shown, result=result)


def _present(
    result: Result,
    *,
    chart_id: str,
    title: str = "",
    highlight: Collection[Hashable] = (),
) -> Presented:
    """Shape `result` (0, 1 or 2 dimensions) for a page. `highlight` marks values of the first
    dimension to stand out (the viewer's own city in the network comparison)."""
    by = list(result.query.by)
    figures = result.table.figures
    title = title or str(result.query.measure.title)
    measure_header = f"{result.query.measure.title} ({result.query.measure.unit})"
    if not by:
        total = _datum(result, result.table.grand_total, _("All"))
        return Presented(result, chart_id, [measure_header], [Row(_("All"), [total])], None)
    first_keys = {k[0] for k in figures if k[0] != ALL}
    first_labels = value_labels(by[0], first_keys)
    first_order = _order(by[0], first_keys, first_labels)
    if len(by) == 1:
        rows = [
            Row(
                first_labels[k],
                [_datum(result, figures[(k,)], first_labels[k], k in highlight)],
                highlight=k in highlight,
            )
            for k in first_order
        ]
        totals = Row(_("All"), [_datum(result, figures[(ALL,)], _("All"))])
        presented = Presented(
            result, chart_id, [dimension_label(by[0]), measure_header], rows, totals, dimensions=by
        )
        data = [row.cells[0] for row in rows]
        description = _("The same figures are in the table next to the chart.")
        if by[0] == "month":
            presented.kind = "line"
            presented.chart = charts.line_chart(
                data, chart_id=chart_id, title=title, description=description
            )
        elif data:
            presented.kind = "bar"
            presented.chart = charts.bar_chart(
                data, chart_id=chart_id, title=title, description=description
            )
        return presented
    return _two_dimensional(result, chart_id, title, by, first_order, first_labels)


def _two_dimensional(
    result: Result,
    chart_id: str,
    title: str,
    by: Sequence[str],
    first_order: list[Hashable],
    first_labels: dict[Hashable, str],
) -> Presented:
    figures = result.table.figures
    second_keys = {k[1] for k in figures if k[1] != ALL}
    second_labels = value_labels(by[1], second_keys)
    second_order = _order(by[1], second_keys, second_labels)
    # A combination without facts: nothing counted (0), but a ratio or average has no figure.
    count = result.query.measure.kind == Kind.COUNT
    missing = Figure((), 0.0 if count else None, 0, False)

    def datum(key: tuple[Hashable, Hashable], label: str) -> Datum:
        return _datum(result, figures.get(key, missing), label)

    rows = [
        Row(
            first_labels[a],
            [datum((a, b), second_labels[b]) for b in second_order],
            total=datum((a, ALL), _("All")),
        )
        for a in first_order
    ]
    totals = Row(
        _("All"),
        [datum((ALL, b), second_labels[b]) for b in second_order],
        total=datum((ALL, ALL), _("All")),
    )
    headers = [dimension_label(by[0]), *(second_labels[b] for b in second_order), _("All")]
    presented = Presented(result, chart_id, headers, rows, totals, dimensions=list(by))
    if set(by) == {"weekday", "hour"} and rows:
        presented.kind = "heat"
        presented.chart = _heat(presented, by, first_order, second_order, title)
    return presented


def _heat(
    presented: Presented,
    by: Sequence[str],
    first_order: list[Hashable],
    second_order: list[Hashable],
    title: str,
) -> SafeString:
    """Weekdays as rows and every hour from the first to the last used as columns, whichever
    way round the table was asked; hours without figures stay empty squares."""
    result, figures = presented.result, presented.result.table.figures
    weekdays_first = by[0] == "weekday"
    days, hours = (first_order, second_order) if weekdays_first else (second_order, first_order)
    known = [int(str(h)) for h in hours if h not in (None, "")]
    span = list(range(min(known), max(known) + 1)) if known else []
    cells = {}
    for r, day in enumerate(days):
        for c, hour in enumerate(span):
            key = (day, hour) if weekdays_first else (hour, day)
            if key in figures:
                cells[(r, c)] = _datum(result, figures[key], "")
    names = value_labels("weekday", days)
    return charts.heat_map(
        [names[day][:2] for day in days],  # "ma", "ti": a square's row needs no more
        [f"{hour:02d}" for hour in span],
        cells,
        chart_id=presented.chart_id,
        title=title,
        description=_("Darker squares are higher figures; hatched squares are small groups."),
    )
