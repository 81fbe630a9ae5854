"""A campaign's ideas and supports as CSV for the steering group.

Like the other staff CSV files: semicolons, Finnish dates and UTF-8 with a byte order mark, so
that spreadsheet programs set to Finnish read them right. Nothing personal leaves: an author's
name only if they chose to show it, supports only as counts per idea and day or week.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.ideas.models import Campaign, Idea, Support

PERIODS = ("day", "week")


def text(value: str) -> str:
    """Text as given, except that a leading formula character is defused for spreadsheets."""
    value = value or ""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def day(value: date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


def moment(value: datetime) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")


def render(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def campaign_ideas(campaign: Campaign) -> QuerySet[Idea]:
    """The campaign's ideas the public may know of: hidden (and held) ones are left out."""
    return (
        Idea.objects.filter(campaign=campaign, hidden_reason="")
        .select_related("state", "category", "organisation", "author", "merged_into")
        .prefetch_related("themes")
        .order_by("pk")
    )


def ideas_csv(campaign: Campaign) -> bytes:
    """One line per idea of the campaign."""
    header = [
        _("Number"),
        _("Title"),
        _("State"),
        _("Category"),
        _("Sent"),
        _("Supports"),
        _("Comments"),
        _("Official answer"),
        _("Responsible organisation"),
        _("Strategy themes"),
        _("Author"),
        _("Merged into"),
    ]
    rows = (
        [
            idea.pk,
            text(idea.title),
            str(idea.state.name),
            str(idea.category.name),
            moment(idea.created_at),
            idea.support_count,
            idea.comment_count,
            text(idea.official_answer),
            str(idea.organisation.name) if idea.organisation else "",
            ", ".join(str(theme.name) for theme in idea.themes.all()),
            text(idea.author.display_name) if idea.author and idea.show_name else "",
            idea.merged_into_id or "",
        ]
        for idea in campaign_ideas(campaign)
    )
    return render(header, rows)


def _week(value: date) -> str:
    year, week, _weekday = value.isocalendar()
    return f"{year}-W{week:02d}"


def supports_csv(campaign: Campaign, period: str = "day") -> bytes:
    """New supports per idea and day (or ISO week), with the running total: counts only."""
    trunc = TruncWeek if period == "week" else TruncDate
    counted = (
        Support.objects.filter(idea__in=campaign_ideas(campaign))
        .annotate(period=trunc("created_at", tzinfo=timezone.get_current_timezone()))
        .values("idea_id", "period")
        .annotate(count=Count("pk"))
        .order_by("idea_id", "period")
    )
    titles = dict(campaign_ideas(campaign).values_list("pk", "title"))
    header = [
        _("Number"),
        _("Title"),
        _("Week") if period == "week" else _("Day"),
        _("New supports"),
        _("Supports in all"),
    ]
    rows: list[list[object]] = []
    totals: dict[int, int] = {}
    for row in counted:
        start = row["period"]
        if isinstance(start, datetime):
            start = start.date()
        totals[row["idea_id"]] = totals.get(row["idea_id"], 0) + row["count"]
        rows.append(
            [
                row["idea_id"],
                text(titles.get(row["idea_id"], "")),
                _week(start) if period == "week" else day(start),
                row["count"],
                totals[row["idea_id"]],
            ]
        )
    return render(header, rows)
