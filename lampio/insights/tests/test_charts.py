"""The SVG charts and how a result is shaped for them: accessible names, escaping, suppressed
cells drawn hatched (never as a bar), and figures formatted for the language in use."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest
from django.utils import translation

from lampio.insights import charts
from lampio.insights.charts import Datum
from lampio.insights.display import figure_text, present
from lampio.insights.measures import MEASURES
from lampio.insights.selectors import Level, Query, Result, Scope
from lampio.insights.suppression import Atom, Figure, suppress
from lampio.spaces.models import SpaceType

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ElementTree.Element:
    return ElementTree.fromstring(markup)  # noqa: S314 - our own markup


def test_a_bar_chart_is_one_named_image():
    svg = parse(
        charts.bar_chart(
            [Datum("Oulu", 3.0, "3"), Datum("Lahti", 1.0, "1")],
            chart_id="c1",
            title="Bookings",
            description="The numbers are in the table.",
        )
    )
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find(f"{SVG}title").text == "Bookings"
    assert svg.find(f"{SVG}title").get("id") == "c1-title"
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(3 * widths[1])  # bars in proportion


def test_text_is_escaped():
    markup = charts.bar_chart(
        [Datum("<script>alert(1)</script>", 1.0, "1")],
        chart_id="c2",
        title="<b>x</b>",
        description="&",
    )
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    parse(markup)  # still well-formed XML


def test_a_suppressed_bar_is_hatched_and_says_so():
    svg = parse(
        charts.bar_chart(
            [Datum("Kemi", None, "< 5", suppressed=True), Datum("Oulu", 40.0, "40")],
            chart_id="c3",
            title="t",
            description="d",
        )
    )
    rects = list(svg.iter(f"{SVG}rect"))
    assert rects[0].get("fill") == "url(#c3-hatch)"
    assert rects[0].get("class") == "chart__suppressed"
    assert "< 5" in [t.text for t in svg.iter(f"{SVG}text")]


def test_the_highlighted_bar_stands_out():
    markup = charts.bar_chart(
        [Datum("Oulu", 2.0, "2", highlight=True), Datum("Lahti", 1.0, "1")],
        chart_id="c4",
        title="t",
        description="d",
    )
    assert markup.count("chart__bar--highlight") == 1
    assert markup.count("chart__label--highlight") == 1


def test_a_suppressed_month_breaks_the_line():
    data = [
        Datum("1/2026", 3.0, "3"),
        Datum("2/2026", 4.0, "4"),
        Datum("3/2026", None, "< 5", suppressed=True),
        Datum("4/2026", 5.0, "5"),
        Datum("5/2026", 6.0, "6"),
    ]
    svg = parse(charts.line_chart(data, chart_id="c5", title="t", description="d"))
    assert len(list(svg.iter(f"{SVG}polyline"))) == 2
    assert len(list(svg.iter(f"{SVG}circle"))) == 4
    assert [r.get("fill") for r in svg.iter(f"{SVG}rect")] == ["url(#c5-hatch)"]


def test_a_heat_map_shades_by_value_and_hatches_small_groups():
    cells = {
        (0, 0): Datum("17", 1.0, "1"),
        (0, 1): Datum("18", 10.0, "10"),
        (1, 0): Datum("17", None, "< 5", suppressed=True),
    }
    markup = charts.heat_map(
        ["ma", "ti"], ["17", "18"], cells, chart_id="c6", title="t", description="d"
    )
    svg = parse(markup)
    classes = [r.get("class") for r in svg.iter(f"{SVG}rect")]
    assert classes == [
        "chart__heat chart__heat--0",
        "chart__heat chart__heat--4",
        "chart__suppressed",
        "chart__heat chart__heat--none",
    ]


def _result(key: str, by: tuple[str, ...], atoms: list[Atom]) -> Result:
    measure = MEASURES[key]
    query = Query(measure, by, date(2026, 1, 1), date(2026, 3, 1), Scope(Level.NETWORK))
    table = suppress(atoms, dimensions=len(by), threshold=5, ratio=measure.kind != "count")
    return Result(query, table, 5)


def test_figures_are_formatted_for_the_language():
    ratio, count = MEASURES["space_utilisation"], MEASURES["bookings"]
    shown = Figure(("*",), 0.4567, 12, False)
    with translation.override("fi"):
        assert figure_text(ratio, shown, 5) == "45,7 %"
        assert figure_text(count, Figure(("*",), 12345.0, 9, False), 5) == "12\xa0345"
    with translation.override("en"):
        assert figure_text(ratio, shown, 5) == "45.7%"
        assert figure_text(count, Figure(("*",), 12345.0, 9, False), 5) == "12,345"
    assert figure_text(count, Figure(("*",), None, None, True), 7) == "< 7"


def test_months_become_a_line_and_other_breakdowns_bars():
    atoms = [Atom((date(2026, m, 1),), (date(2026, m, 1), 1, 1), 10.0, 0.0, 10) for m in (1, 2, 3)]
    assert present(_result("bookings", ("month",), atoms), chart_id="x").kind == "line"
    atoms = [Atom(("gym",), (date(2026, 1, 1), 1, 1), 10.0, 0.0, 10)]
    presented = present(_result("bookings", ("space_type",), atoms), chart_id="y")
    assert presented.kind == "bar"
    assert [row.label for row in presented.rows] == [str(SpaceType.GYM.label)]
    assert presented.totals is not None and presented.totals.cells[0].text == "10"


@pytest.mark.django_db
def test_weekday_by_hour_becomes_a_heat_map_with_a_table():
    month = date(2026, 1, 1)
    atoms = [
        Atom((weekday, hour), (month, 1, 1), 2.0, 4.0, 6)
        for weekday in range(5)
        for hour in (17, 18)
    ]
    atoms.append(Atom((6, 10), (month, 1, 1), 1.0, 4.0, 2))
    presented = present(_result("space_utilisation", ("weekday", "hour"), atoms), chart_id="h")
    assert presented.kind == "heat"
    assert presented.any_suppressed
    assert presented.headers[-1] == "Kaikki"
    sunday = presented.rows[-1]
    assert [cell.text for cell in sunday.cells if cell.suppressed] == ["< 5"]
    assert 'fill="url(#h-hatch)"' in presented.chart
