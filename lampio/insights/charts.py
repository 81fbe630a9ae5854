"""Server-rendered SVG charts: bars, a line over months and a weekday × hour heat map.

Each chart is one `<svg role="img">` named by its `<title>` and `<desc>` (aria-labelledby), so
a screen reader announces it as one picture; the numbers themselves are in the table the
templates put beside every chart. Colours come from classes in insights.css (our CSP allows
no inline styles); suppressed cells are drawn hatched with the "< 5" text next to them, never
as a zero bar, so a small group cannot be read off the picture either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

# Drawing units of the viewBox; the SVG scales to the width of its container.
WIDTH = 640
BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 190
VALUE_WIDTH = 90
LINE_HEIGHT = 260
HEAT_CELL = 26
HEAT_LABEL = 40
HEAT_STEPS = 5


@dataclass(frozen=True)
class Datum:
    """One figure as a chart draws it: `value` is None when suppressed or unknown, `text` is
    the figure formatted for the active language ("< 5" when suppressed)."""

    label: str
    value: float | None
    text: str
    suppressed: bool = False
    highlight: bool = False


def _open(
    chart_id: str, title: str, description: str, width: int, height: int, kind: str = "chart"
) -> str:
    # A heat map keeps its own size (a few hours would grow huge at full width).
    size = format_html(' width="{}" height="{}"', width, height) if kind == "heat" else ""
    return format_html(
        '<svg class="chart chart--{kind}" id="{id}" role="img" '
        'aria-labelledby="{id}-title {id}-desc"{size} '
        'viewBox="0 0 {w} {h}" preserveAspectRatio="xMinYMin meet" focusable="false" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<defs><pattern id="{id}-hatch" class="chart__hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" stroke-width="3"></line></pattern></defs>',
        id=chart_id,
        kind=kind,
        size=size,
        w=width,
        h=height,
        title=title,
        desc=description,
    )


def _hatched(chart_id: str, x: float, y: float, width: float, height: float) -> str:
    return format_html(
        '<rect class="chart__suppressed" x="{}" y="{}" width="{}" height="{}" '
        'fill="url(#{}-hatch)"></rect>',
        _n(x),
        _n(y),
        _n(width),
        _n(height),
        chart_id,
    )


def _n(number: float) -> str:
    """A coordinate with one decimal at most, so the markup stays small and stable."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def _clip(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _largest(data: Sequence[Datum]) -> float:
    values = [d.value for d in data if d.value is not None]
    return max(values, default=0.0) or 1.0


def bar_chart(data: Sequence[Datum], *, chart_id: str, title: str, description: str) -> SafeString:
    """Horizontal bars, one per datum, longest first as given; highlighted bars stand out."""
    height = max(1, len(data)) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / _largest(data)
    parts = [_open(chart_id, title, description, WIDTH, height)]
    for index, datum in enumerate(data):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        text_y = y + BAR_HEIGHT * 0.72
        label_class = "chart__label chart__label--highlight" if datum.highlight else "chart__label"
        parts.append(
            format_html(
                '<text class="{}" x="{}" y="{}" text-anchor="end">{}</text>',
                label_class,
                LABEL_WIDTH - 8,
                _n(text_y),
                _clip(datum.label),
            )
        )
        if datum.suppressed or datum.value is None:
            width = 40.0
            parts.append(_hatched(chart_id, LABEL_WIDTH, y, width, BAR_HEIGHT))
        else:
            width = max(datum.value * scale, 1.0 if datum.value else 0.0)
            bar_class = "chart__bar chart__bar--highlight" if datum.highlight else "chart__bar"
            parts.append(
                format_html(
                    '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
                    bar_class,
                    LABEL_WIDTH,
                    y,
                    _n(width),
                    BAR_HEIGHT,
                )
            )
        parts.append(
            format_html(
                '<text class="chart__value" x="{}" y="{}">{}</text>',
                _n(LABEL_WIDTH + width + 6),
                _n(text_y),
                datum.text,
            )
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def line_chart(data: Sequence[Datum], *, chart_id: str, title: str, description: str) -> SafeString:
    """A line over months (data in order); suppressed months break the line and are hatched
    along the axis, so the eye never joins two known months across an unknown one."""
    left, right, top, bottom = 70, 20, 16, 40
    plot_w, plot_h = WIDTH - left - right, LINE_HEIGHT - top - bottom
    largest = _largest(data)
    step = plot_w / max(1, len(data) - 1) if len(data) > 1 else 0.0
    parts = [_open(chart_id, title, description, WIDTH, LINE_HEIGHT)]
    for tick in range(5):  # four grid lines and the axis, labelled with the largest figure
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            format_html(
                '<line class="chart__grid" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
                left,
                _n(y),
                WIDTH - right,
                _n(y),
            )
        )
    top_label = next((d.text for d in data if d.value == largest), "")
    if top_label:
        parts.append(
            format_html(
                '<text class="chart__axis" x="{}" y="{}" text-anchor="end">{}</text>',
                left - 6,
                top + 4,
                top_label,
            )
        )
    parts.append(
        format_html(
            '<text class="chart__axis" x="{}" y="{}" text-anchor="end">0</text>',
            left - 6,
            top + plot_h + 4,
        )
    )
    segments: list[list[str]] = [[]]
    for index, datum in enumerate(data):
        x = left + (index * step if len(data) > 1 else plot_w / 2)
        if index == 0 or index == len(data) - 1 or len(data) <= 13:
            parts.append(
                format_html(
                    '<text class="chart__axis" x="{}" y="{}" text-anchor="middle">{}</text>',
                    _n(x),
                    LINE_HEIGHT - 12,
                    _clip(datum.label, 8) if len(data) > 6 else datum.label,
                )
            )
        if datum.suppressed or datum.value is None:
            segments.append([])
            parts.append(_hatched(chart_id, x - 6, top + plot_h - 18, 12, 18))
            continue
        y = top + plot_h - plot_h * datum.value / largest
        segments[-1].append(f"{_n(x)},{_n(y)}")
        parts.append(
            format_html(
                '<circle class="chart__point" cx="{}" cy="{}" r="4"></circle>', _n(x), _n(y)
            )
        )
    for points in segments:
        if len(points) > 1:
            parts.append(
                format_html(
                    '<polyline class="chart__line" fill="none" points="{}"></polyline>',
                    " ".join(points),
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def heat_map(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Mapping[tuple[int, int], Datum],
    *,
    chart_id: str,
    title: str,
    description: str,
) -> SafeString:
    """A grid of rows (weekdays) × columns (hours); darker is more. `cells` is keyed by
    (row index, column index); a missing cell had no data, a suppressed one is hatched."""
    width = HEAT_LABEL + len(columns) * HEAT_CELL + 4
    height = 24 + len(rows) * HEAT_CELL + 4
    largest = _largest(list(cells.values()))
    parts = [_open(chart_id, title, description, width, height, kind="heat")]
    for c, column in enumerate(columns):
        parts.append(
            format_html(
                '<text class="chart__axis" x="{}" y="16" text-anchor="middle">{}</text>',
                _n(HEAT_LABEL + c * HEAT_CELL + HEAT_CELL / 2),
                column,
            )
        )
    for r, row in enumerate(rows):
        y = 24 + r * HEAT_CELL
        parts.append(
            format_html(
                '<text class="chart__axis" x="{}" y="{}" text-anchor="end">{}</text>',
                HEAT_LABEL - 6,
                _n(y + HEAT_CELL * 0.65),
                _clip(row, 10),
            )
        )
        for c in range(len(columns)):
            x = HEAT_LABEL + c * HEAT_CELL
            datum = cells.get((r, c))
            if datum is None:
                parts.append(_heat_cell(x, y, "chart__heat chart__heat--none"))
            elif datum.suppressed or datum.value is None:
                parts.append(_hatched(chart_id, x + 1, y + 1, HEAT_CELL - 2, HEAT_CELL - 2))
            else:
                level = min(HEAT_STEPS - 1, int(HEAT_STEPS * datum.value / largest))
                parts.append(_heat_cell(x, y, f"chart__heat chart__heat--{level}"))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped by format_html


def _heat_cell(x: float, y: float, css_class: str) -> str:
    return format_html(
        '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
        css_class,
        _n(x + 1),
        _n(y + 1),
        HEAT_CELL - 2,
        HEAT_CELL - 2,
    )
