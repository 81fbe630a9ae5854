"""The utilisation heat map as server-rendered SVG: weekdays down, hours across.

Every cell prints its percentage and has a <title>, so the colour is never the only carrier;
the page shows the same figures in a table beside it. The five colours are a light-to-dark blue
scale whose text colour (black on the light, white on the dark) keeps a contrast of at least
4.5:1; hours when no space is open are grey with a dash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.dates import WEEKDAYS
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lampio.seasons.reports import WEEKDAYS as ISO_WEEKDAYS

LABEL_WIDTH, HEADER_HEIGHT = 120, 28
CELL_WIDTH, CELL_HEIGHT = 46, 34
CLOSED_FILL, CLOSED_TEXT = "#e6e6e6", "#1a1a1a"


@dataclass(frozen=True)
class Band:
    lowest: int  # whole percent, inclusive
    highest: int
    fill: str
    text: str


BANDS = (
    Band(0, 0, "#f7fbff", "#1a1a1a"),
    Band(1, 25, "#c6dbef", "#1a1a1a"),
    Band(26, 50, "#6baed6", "#1a1a1a"),
    Band(51, 75, "#2171b5", "#ffffff"),
    Band(76, 100, "#08306b", "#ffffff"),
)


def percent(share: float | None) -> int | None:
    return None if share is None else round(100 * share)


def band_of(value: int) -> Band:
    return next((band for band in BANDS if value <= band.highest), BANDS[-1])


def band_label(band: Band) -> str:
    if band.lowest == band.highest:
        return f"{band.lowest} %"
    return f"{band.lowest}–{band.highest} %"


def heat_map(
    *,
    share: Callable[[int, int], float | None],
    hours: list[int],
    title: str,
    description: str,
    element_id: str,
) -> SafeString:
    """An SVG of `share(weekday, hour)` for ISO weekdays 1–7 and the given hours."""
    width = LABEL_WIDTH + CELL_WIDTH * len(hours)
    height = HEADER_HEIGHT + CELL_HEIGHT * 7
    header = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="middle" class="heatmap__hour">{}</text>',
        (
            (LABEL_WIDTH + CELL_WIDTH * column + CELL_WIDTH // 2, HEADER_HEIGHT - 9, f"{hour:02d}")
            for column, hour in enumerate(hours)
        ),
    )
    rows = []
    for row, weekday in enumerate(ISO_WEEKDAYS):
        name = str(WEEKDAYS[weekday - 1])
        y = HEADER_HEIGHT + CELL_HEIGHT * row
        rows.append(
            format_html(
                '<text x="8" y="{}" class="heatmap__day">{}</text>', y + CELL_HEIGHT // 2 + 5, name
            )
        )
        for column, hour in enumerate(hours):
            rows.append(
                _cell(share(weekday, hour), name, hour, LABEL_WIDTH + CELL_WIDTH * column, y)
            )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" id="{id}" role="img" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{id}-title {id}-desc" '
        'font-family="sans-serif" font-size="13">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{header}{rows}</svg>",
        id=element_id,
        w=width,
        h=height,
        title=title,
        desc=description,
        header=header,
        rows=SafeString("".join(rows)),
    )


def _cell(share: float | None, day: str, hour: int, x: int, y: int) -> SafeString:
    value = percent(share)
    span = f"{hour:02d}–{(hour + 1) % 24:02d}"
    if value is None:
        fill, ink, text = CLOSED_FILL, CLOSED_TEXT, "–"
        label = _("%(day)s %(hours)s: closed") % {"day": day, "hours": span}
    else:
        band = band_of(value)
        fill, ink, text = band.fill, band.text, f"{value}\u00a0%"
        label = _("%(day)s %(hours)s: %(percent)d %% allocated") % {
            "day": day,
            "hours": span,
            "percent": value,
        }
    return format_html(
        '<g class="heatmap__cell"><title>{}</title>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#ffffff"/>'
        '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text></g>',
        label,
        x,
        y,
        CELL_WIDTH,
        CELL_HEIGHT,
        fill,
        x + CELL_WIDTH // 2,
        y + CELL_HEIGHT // 2 + 5,
        ink,
        text,
    )


def legend() -> list[tuple[Band, str]]:
    return [(band, band_label(band)) for band in BANDS]
