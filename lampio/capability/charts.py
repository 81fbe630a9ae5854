"""Server-rendered SVG for the roadmap: an indicator's measured values as a line, and the
initiatives on a timeline with today marked.

Each picture is one `<svg role="img">` named by its `<title>` and `<desc>`; the numbers and
dates are always in the table the template puts beside it. Colours come from classes in
capability.css (our CSP allows no inline styles), never from attributes that carry meaning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

LINE_WIDTH, LINE_HEIGHT = 480, 200
TIMELINE_WIDTH, TIMELINE_LABEL, TIMELINE_ROW = 860, 260, 26


def _n(number: float) -> str:
    """A coordinate with one decimal at most, so the markup stays small and stable."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _clip(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _open(chart_id: str, title: str, description: str, width: int, height: int, kind: str) -> str:
    return format_html(
        '<svg class="cap-chart cap-chart--{kind}" id="{id}" role="img" '
        'aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {w} {h}" '
        'preserveAspectRatio="xMinYMin meet" focusable="false" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
        kind=kind,
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
    )


def _number(value: Decimal) -> str:
    return number_format(value.normalize() if value == value.to_integral() else value)


def indicator_chart(
    points: Sequence[tuple[date, Decimal]],
    *,
    chart_id: str,
    title: str,
    description: str,
    baseline: Decimal | None,
    target: Decimal,
) -> SafeString:
    """Measured values over time as a line, with the target (and baseline) as dashed lines."""
    left, right, top, bottom = 56, 16, 14, 30
    plot_w, plot_h = LINE_WIDTH - left - right, LINE_HEIGHT - top - bottom
    values = (
        [value for _day, value in points] + [target] + ([baseline] if baseline is not None else [])
    )
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    low = min(low, Decimal(0)) if low >= 0 and low < (high - low) else low

    def y_of(value: Decimal) -> float:
        return top + plot_h - float((value - low) / (high - low)) * plot_h

    parts = [_open(chart_id, title, description, LINE_WIDTH, LINE_HEIGHT, "line")]
    for value, css in ((target, "target"), (baseline, "baseline")):
        if value is None:
            continue
        y = y_of(value)
        parts.append(
            format_html(
                '<line class="cap-chart__{}" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
                '<text class="cap-chart__axis" x="{}" y="{}" text-anchor="end">{}</text>',
                css,
                left,
                _n(y),
                LINE_WIDTH - right,
                _n(y),
                left - 6,
                _n(y + 4),
                _number(value),
            )
        )
    parts.append(
        format_html(
            '<line class="cap-chart__axis-line" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
            left,
            top + plot_h,
            LINE_WIDTH - right,
            top + plot_h,
        )
    )
    if points:
        first, last = points[0][0], points[-1][0]
        days = max(1, (last - first).days)
        coordinates = []
        for day, value in points:
            x = left + (plot_w * (day - first).days / days if len(points) > 1 else plot_w / 2)
            coordinates.append((x, y_of(value)))
        if len(coordinates) > 1:
            parts.append(
                format_html(
                    '<polyline class="cap-chart__line" points="{}"></polyline>',
                    " ".join(f"{_n(x)},{_n(y)}" for x, y in coordinates),
                )
            )
        for x, y in coordinates:
            parts.append(
                format_html(
                    '<circle class="cap-chart__point" cx="{}" cy="{}" r="4"></circle>', _n(x), _n(y)
                )
            )
        for day, anchor, x in (
            (first, "start", left),
            (last, "end", LINE_WIDTH - right),
        ):
            if day == last and len(points) == 1:
                continue
            parts.append(
                format_html(
                    '<text class="cap-chart__axis" x="{}" y="{}" text-anchor="{}">{}</text>',
                    x,
                    LINE_HEIGHT - 8,
                    anchor,
                    date_format(day, "SHORT_DATE_FORMAT"),
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


@dataclass(frozen=True)
class Bar:
    label: str
    starts_on: date
    ends_on: date | None  # None: no end date yet, drawn to the edge and marked open
    status: str
    heading: bool = False  # a compass point's heading row, not an initiative


def timeline_span(bars: Sequence[Bar], today: date) -> tuple[date, date]:
    """Whole years from the earliest start to the latest end (or today), so ticks are 1 Jan."""
    starts = [bar.starts_on for bar in bars if not bar.heading] + [today]
    ends = [bar.ends_on for bar in bars if not bar.heading and bar.ends_on] + [today]
    return date(min(starts).year, 1, 1), date(max(ends).year + 1, 1, 1)


def timeline_chart(
    bars: Sequence[Bar],
    *,
    chart_id: str,
    title: str,
    description: str,
    today: date,
    today_label: str,
) -> SafeString:
    first, last = timeline_span(bars, today)
    days = (last - first).days
    plot_w = TIMELINE_WIDTH - TIMELINE_LABEL - 10
    top = 24
    height = top + len(bars) * TIMELINE_ROW + 24

    def x_of(day: date) -> float:
        return TIMELINE_LABEL + plot_w * (day - first).days / days

    parts = [_open(chart_id, title, description, TIMELINE_WIDTH, height, "timeline")]
    for year in range(first.year, last.year + 1):
        x = x_of(date(year, 1, 1))
        parts.append(
            format_html(
                '<line class="cap-chart__grid" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
                _n(x),
                top - 6,
                _n(x),
                height - 20,
            )
        )
        if year < last.year:
            parts.append(
                format_html(
                    '<text class="cap-chart__axis" x="{}" y="{}">{}</text>', _n(x + 4), 14, year
                )
            )
    for index, bar in enumerate(bars):
        y = top + index * TIMELINE_ROW
        if bar.heading:
            parts.append(
                format_html(
                    '<text class="cap-chart__heading" x="0" y="{}">{}</text>',
                    _n(y + 17),
                    _clip(bar.label, 60),
                )
            )
            continue
        parts.append(
            format_html(
                '<text class="cap-chart__label" x="{}" y="{}">{}</text>',
                8,
                _n(y + 17),
                _clip(bar.label, 36),
            )
        )
        start = x_of(max(bar.starts_on, first))
        end = x_of(min(bar.ends_on, last)) if bar.ends_on else TIMELINE_WIDTH - 10
        css = f"cap-chart__bar cap-chart__bar--{bar.status}"
        if bar.ends_on is None:
            css += " cap-chart__bar--open"
        parts.append(
            format_html(
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}" rx="3"></rect>',
                css,
                _n(start),
                _n(y + 5),
                _n(max(end - start, 3)),
                TIMELINE_ROW - 10,
            )
        )
    x = x_of(today)
    parts.append(
        format_html(
            '<line class="cap-chart__today" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
            '<text class="cap-chart__today-label" x="{}" y="{}" text-anchor="middle">{}</text>',
            _n(x),
            top - 4,
            _n(x),
            height - 18,
            _n(x),
            height - 4,
            today_label,
        )
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html
