"""A round's results as CSV and JSON: exactly the cells the page shows, for the same filters.

Everything starts from survey_results, so a suppressed group has no figure here either: one
line that reads "< 5" (the threshold) in the CSV, `"suppressed": true` with nulls in JSON.
Free texts are never exported. The CSV is like the other staff CSV files (semicolons,
decimal commas, UTF-8 with a byte order mark).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from lampio.insights.exports import number, render, text
from lampio.insights.survey_compare import Changes
from lampio.insights.survey_display import group_label, suppressed_text
from lampio.insights.survey_results import Group, GroupFigures, QuestionResults, RoundResults

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"


def _r(value: float | None, digits: int = 1) -> float | None:
    return round(value, digits) if value is not None else None


def _group(group: Group) -> dict[str, Any]:
    """A group as the download names it: organisations and cities by name, never by an id
    that would let a reader join it with anything else."""
    return {"level": str(group.level), "name": group_label(group)}


def _rows(
    question: QuestionResults, figures: GroupFigures, changes: Changes
) -> list[dict[str, Any]]:
    rows = []
    for key, statement in question.statements:
        row = figures.rows.get(key)
        change = changes.get((question.question.key, figures.group.key, key))
        options = []
        for value, label in question.options:
            share = row.shares.get(value, 0.0) if row and row.answered else None
            moved = change.points.get(value, 0.0) if change is not None else None
            options.append(
                {"value": value, "label": label, "percent": _r(share), "change_points": _r(moved)}
            )
        rows.append(
            {
                "statement": key,
                "statement_label": statement,
                "mean": _r(row.mean, 2) if row else None,
                "mean_change": _r(change.mean, 2) if change else None,
                "options": options,
            }
        )
    return rows


def results_json(
    results: RoundResults, groups: list[Group], changes: Changes, compare_title: str = ""
) -> dict[str, Any]:
    questions = []
    for question in results.questions:
        shown = []
        for group in groups:
            figures = question.groups.get(group.key)
            if figures is None:
                continue
            entry: dict[str, Any] = {**_group(group), "suppressed": figures.suppressed}
            entry["respondents"] = None if figures.suppressed else figures.n
            entry["rows"] = [] if figures.suppressed else _rows(question, figures, changes)
            shown.append(entry)
        questions.append(
            {
                "key": question.question.key,
                "text": str(question.question.text),
                "kind": question.question.kind,
                "theme": question.question.theme,
                "groups": shown,
            }
        )
    respondents = []
    for group in groups:
        figures = results.respondents.get(group.key)
        if figures is not None:
            respondents.append(
                {
                    **_group(group),
                    "suppressed": figures.suppressed,
                    "answers": None if figures.suppressed else figures.n,
                }
            )
    return {
        "round": str(results.round.title),
        "closes_on": results.round.closes_on.isoformat(),
        "compared_with": compare_title or None,
        "threshold": results.threshold,
        "respondents": respondents,
        "questions": questions,
    }


def results_csv(results: RoundResults, groups: list[Group], changes: Changes) -> bytes:
    """One line per question, group, statement and option; a suppressed group one line."""
    header = [
        _("Question"),
        _("Statement"),
        _("Group"),
        _("Respondents"),
        _("Option"),
        _("Per cent"),
        _("Change (percentage points)"),
        _("Mean"),
        _("Change of mean"),
    ]
    hidden = suppressed_text(results.threshold)
    lines: list[list[str]] = []
    data = results_json(results, groups, changes)
    for group in data["respondents"]:
        answers = hidden if group["suppressed"] else number(group["answers"])
        lines.append([_("All questions"), "", text(group["name"]), answers, "", "", "", "", ""])
    for question in data["questions"]:
        for group in question["groups"]:
            name = text(group["name"])
            if group["suppressed"]:
                lines.append([text(question["text"]), "", name, hidden, "", "", "", "", ""])
                continue
            n = number(group["respondents"])
            if not group["rows"] or not group["rows"][0]["options"]:
                lines.append([text(question["text"]), "", name, n, "", "", "", "", ""])
            for row in group["rows"]:
                for option in row["options"]:
                    lines.append(
                        [
                            text(question["text"]),
                            text(row["statement_label"]),
                            name,
                            n,
                            text(option["label"]),
                            number(option["percent"]),
                            number(option["change_points"]),
                            number(row["mean"]),
                            number(row["mean_change"]),
                        ]
                    )
    return render(header, lines)


def filename(results: RoundResults, extension: str) -> str:
    return f"lampio-survey-round-{results.round.pk}-{results.round.closes_on:%Y-%m}.{extension}"
