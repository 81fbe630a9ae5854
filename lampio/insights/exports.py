"""A query's suppressed table as rows with translated labels, as CSV and as JSON.

Everything here starts from a selectors.Result, so only figures that passed the suppression
layer can be written: a suppressed cell has no value and no count, and reads "< 5" (the
threshold) in the CSV. Like the other staff CSV files: semicolons, decimal commas and UTF-8
with a byte order mark, so that spreadsheet programs set to Finnish read them right.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Hashable, Iterable, Sequence
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from lampio.insights.labels import dimension_label, value_labels
from lampio.insights.measures import Kind, Measure
from lampio.insights.selectors import Result
from lampio.insights.suppression import ALL, Figure
from lampio.surveys.models import AgeGroup

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
# Dimensions whose values have a natural order; the others are listed by their label.
ORDERED = {"month", "weekday", "hour"}
AGE_ORDER = list(AgeGroup.values)


def figure_number(measure: Measure, value: float | None) -> float | int | None:
    """A figure in the measure's unit: ratios as percentages, averages to two decimals."""
    if value is None:
        return None
    if measure.kind == Kind.RATIO:
        return round(value * 100, 1)
    if measure.kind == Kind.AVERAGE:
        return round(value, 2)
    return int(value) if float(value).is_integer() else round(value, 1)


def suppressed_text(threshold: int) -> str:
    """What a suppressed cell shows instead of a figure."""
    return f"< {threshold}"


def json_value(value: Hashable) -> Any:
    """A dimension's value as JSON has it: a month as YYYY-MM, a total as "*"."""
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    return value


def _labels(result: Result) -> list[dict[Hashable, str]]:
    figures = result.table.figures
    return [
        value_labels(dimension, {key[axis] for key in figures})
        for axis, dimension in enumerate(result.query.by)
    ]


def _order(result: Result, labels: list[dict[Hashable, str]]) -> Any:
    by = result.query.by

    def part(axis: int, value: Hashable) -> tuple[int, Any]:
        if value == ALL:
            return (2, "")  # totals after the values they total
        if value is None or value == "":
            return (1, "")  # "not known" after the known values
        if by[axis] == "age_group" and value in AGE_ORDER:
            return (0, AGE_ORDER.index(str(value)))
        if by[axis] in ORDERED and not isinstance(value, str):
            return (0, value)
        return (0, labels[axis].get(value, str(value)).casefold())

    return lambda figure: tuple(part(axis, v) for axis, v in enumerate(figure.key))


def _row(result: Result, figure: Figure, labels: list[dict[Hashable, str]]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for axis, dimension in enumerate(result.query.by):
        value = figure.key[axis]
        row[dimension] = json_value(value)
        row[f"{dimension}_label"] = labels[axis].get(value, str(value))
    row["value"] = figure_number(result.query.measure, figure.value)
    row["n"] = figure.n
    row["suppressed"] = figure.suppressed
    return row


def result_rows(result: Result) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows, totals) of the table, each `{<dim>: value, <dim>_label: …, value, n,
    suppressed}`; a suppressed cell has value and n None. Totals have "*" in totalled dims."""
    labels = _labels(result)
    order = _order(result, labels)
    table = result.table
    # Without dimensions the one figure is the grand total: no rows, one total.
    cells = sorted(table.cells(), key=order) if table.dimensions else []
    totals = sorted(table.totals(), key=order) if table.dimensions else [table.grand_total]
    return (
        [_row(result, figure, labels) for figure in cells],
        [_row(result, figure, labels) for figure in totals],
    )


def result_json(result: Result) -> dict[str, Any]:
    """The whole result with what a reader needs to understand it (JSON-serialisable)."""
    query, measure = result.query, result.query.measure
    rows, totals = result_rows(result)
    return {
        "measure": measure.key,
        "title": str(measure.title),
        "description": str(measure.description),
        "kind": str(measure.kind),
        "unit": str(measure.unit),
        "level": str(query.scope.level),
        "organisation": query.scope.organisation.pk if query.scope.organisation else None,
        "municipality": _municipality_slug(result),
        "from": json_value(query.first_month),
        "to": json_value(query.last_month),
        "by": list(query.by),
        "dimensions": {d: dimension_label(d) for d in query.by},
        "threshold": result.threshold,
        "rows": rows,
        "totals": totals,
    }


def _municipality_slug(result: Result) -> str | None:
    municipality = result.query.municipality or result.query.scope.municipality
    return municipality.slug if municipality is not None else None


def number(value: float | int | None) -> str:
    """A figure with a decimal comma: 12, 53,4, 4,25."""
    if value is None:
        return ""
    return str(value).replace(".", ",")


def text(value: str) -> str:
    """Text as given, except that a leading formula character is defused for spreadsheets."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def result_csv(result: Result) -> bytes:
    """One line per cell, then the totals (their totalled dimensions read "All")."""
    measure = result.query.measure
    rows, totals = result_rows(result)
    header = [
        *[dimension_label(d) for d in result.query.by],
        f"{measure.title} ({measure.unit})",
        _("Number of records"),
    ]
    hidden = suppressed_text(result.threshold)
    lines = (
        [
            *[text(str(row[f"{d}_label"])) for d in result.query.by],
            hidden if row["suppressed"] else number(row["value"]),
            "" if row["suppressed"] else number(row["n"]),
        ]
        for row in [*rows, *totals]
    )
    return render(header, lines)


def filename(result: Result, extension: str) -> str:
    """lampio-bookings-2025-01-2025-12.csv: what, and over which months."""
    query = result.query
    parts = [
        "lampio",
        query.measure.key.replace("_", "-"),
        *query.by,
        json_value(query.first_month),
        json_value(query.last_month),
    ]
    return "-".join(str(p).replace("_", "-") for p in parts) + f".{extension}"
