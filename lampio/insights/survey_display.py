"""A round's results shaped for the page and the downloads: per question a table of groups
(respondents, per cent per option, mean, change) and a bar chart, the respondents table and
the training needs ranked. Everything comes from survey_results, past the suppression layer;
this module only decides how to show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lampio.insights import charts
from lampio.insights.charts import Datum
from lampio.insights.survey_compare import Changes, ranked_needs, training_questions
from lampio.insights.survey_results import (
    WITH_MEAN,
    Group,
    GroupFigures,
    GroupLevel,
    QuestionResults,
    RoundResults,
)
from lampio.surveys.models import QuestionKind

NO_FIGURE = "–"


def group_label(group: Group) -> str:
    return group.label if group.level != GroupLevel.NETWORK else _("Whole network")


def suppressed_text(threshold: int) -> str:
    return f"< {threshold}"


def percent(value: float) -> str:
    text = number_format(round(value), 0)
    return f"{text} %" if get_language() != "en" else f"{text}%"


def decimal(value: float, signed: bool = False) -> str:
    text = number_format(round(value, 1), 1)
    return f"+{text}" if signed and round(value, 1) > 0 else text


def points(value: float) -> str:
    signed = number_format(round(value), 0)
    signed = f"+{signed}" if round(value) > 0 else signed
    return _("%(points)s pp") % {"points": signed}


@dataclass(frozen=True)
class Cell:
    text: str
    suppressed: bool = False
    colspan: int = 1
    hidden_note: bool = False  # "hidden to protect anonymity" across the row


@dataclass(frozen=True)
class Line:
    label: str
    level: str
    own: bool
    cells: list[Cell]


@dataclass
class Block:
    caption: str
    headers: list[str]
    lines: list[Line]
    table_id: str = ""  # names the caption for the scrolling region around the table


@dataclass
class ShownQuestion:
    results: QuestionResults
    chart_id: str
    blocks: list[Block]
    chart: SafeString | None = None
    chart_title: str = ""
    texts: list[tuple[str, list[str]]] = field(default_factory=list)  # (organisation, texts)

    @property
    def question(self) -> object:
        return self.results.question


def _hidden_line(group: Group, width: int, limit: int) -> Line:
    cells = [Cell(suppressed_text(limit), suppressed=True)]
    if width:
        cells.append(Cell(_("Hidden to protect anonymity"), colspan=width, hidden_note=True))
    return Line(group_label(group), str(group.level), group.own, cells)


def _headers(results: QuestionResults, comparing: bool) -> list[str]:
    headers = [_("Group"), _("Respondents")]
    kind = results.question.kind
    if kind == QuestionKind.TEXT:
        return headers
    headers += [label for _value, label in results.options]
    if kind in WITH_MEAN:
        headers.append(_("Mean"))
        if comparing:
            headers.append(_("Change of mean"))
    return headers


def _line(
    results: QuestionResults,
    figures: GroupFigures,
    row: str,
    changes: Changes,
    comparing: bool,
    limit: int,
) -> Line:
    width = len(_headers(results, comparing)) - 2
    group = figures.group
    if figures.suppressed:
        return _hidden_line(group, width, limit)
    cells = [Cell(number_format(figures.n or 0, 0))]
    kind = results.question.kind
    if kind == QuestionKind.TEXT:
        return Line(group_label(group), str(group.level), group.own, cells)
    row_figures = figures.rows.get(row)
    change = changes.get((results.question.key, group.key, row))
    for value, _label in results.options:
        if row_figures is None or not row_figures.answered:
            cells.append(Cell(NO_FIGURE))
            continue
        text = percent(row_figures.shares.get(value, 0.0))
        if change is not None and kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            text = f"{text} ({points(change.points.get(value, 0.0))})"
        cells.append(Cell(text))
    if kind in WITH_MEAN:
        mean = row_figures.mean if row_figures else None
        cells.append(Cell(decimal(mean) if mean is not None else NO_FIGURE))
        if comparing:
            moved = change.mean if change is not None else None
            cells.append(Cell(decimal(moved, signed=True) if moved is not None else NO_FIGURE))
    return Line(group_label(group), str(group.level), group.own, cells)


def _focus(results: QuestionResults, groups: list[Group]) -> GroupFigures | None:
    """The group whose answers the chart draws: the first shown group with published answers
    (the person's own organisation, else their city, else the network)."""
    for group in groups:
        figures = results.groups.get(group.key)
        if figures is not None and not figures.suppressed and figures.n:
            return figures
    return None


def _chart(
    results: QuestionResults, groups: list[Group], chart_id: str, limit: int
) -> tuple[SafeString | None, str]:
    kind = results.question.kind
    text = str(results.question.text)
    description = _("The same figures are in the table next to the chart.")
    data: list[Datum] = []
    if kind in (QuestionKind.LIKERT, QuestionKind.SCALE):
        title = _("%(question)s: mean by group") % {"question": text}
        for group in groups:
            figures = results.groups.get(group.key)
            if figures is None:
                continue
            mean = None if figures.suppressed else figures.rows[""].mean
            shown = suppressed_text(limit) if figures.suppressed else NO_FIGURE
            data.append(
                Datum(
                    group_label(group),
                    mean,
                    decimal(mean) if mean is not None else shown,
                    suppressed=figures.suppressed,
                    highlight=group.own,
                )
            )
    else:
        focus = _focus(results, groups)
        if focus is None or kind == QuestionKind.TEXT:
            return None, ""
        name = group_label(focus.group)
        if kind == QuestionKind.MATRIX:
            title = _("%(question)s: mean per statement, %(group)s") % {
                "question": text,
                "group": name,
            }
            for key, label in results.statements:
                mean = focus.rows[key].mean
                data.append(Datum(label, mean, decimal(mean) if mean is not None else NO_FIGURE))
        else:
            title = _("%(question)s: %(group)s") % {"question": text, "group": name}
            shares = focus.rows[""].shares
            for value, label in results.options:
                share = shares.get(value, 0.0)
                data.append(Datum(label, share, percent(share)))
    if not data:
        return None, ""
    return charts.bar_chart(data, chart_id=chart_id, title=title, description=description), title


def shown_groups(results: RoundResults, slug: str) -> list[Group]:
    """The groups the filter asks for: one of the person's groups, or all of them."""
    if not slug:
        return results.groups
    return [g for g in results.groups if g.slug == slug] or results.groups


def question_blocks(
    results: RoundResults,
    groups: list[Group],
    changes: Changes,
    comparing: bool,
) -> list[ShownQuestion]:
    shown = []
    for index, question in enumerate(results.questions, start=1):
        chart_id = f"chart-q{index}"
        headers = _headers(question, comparing)
        blocks = []
        for number, (row, statement) in enumerate(question.statements, start=1):
            lines = [
                _line(question, question.groups[g.key], row, changes, comparing, results.threshold)
                for g in groups
                if g.key in question.groups
            ]
            caption = statement or str(question.question.text)
            blocks.append(Block(caption, headers, lines, f"{chart_id}-t{number}"))
        chart, title = _chart(question, groups, chart_id, results.threshold)
        shown.append(ShownQuestion(question, chart_id, blocks, chart, title))
    return shown


def respondents_block(results: RoundResults, groups: list[Group]) -> Block:
    lines = []
    for group in groups:
        figures = results.respondents.get(group.key)
        if figures is None:
            continue
        if figures.suppressed:
            lines.append(_hidden_line(group, 0, results.threshold))
        else:
            cells = [Cell(number_format(figures.n or 0, 0))]
            lines.append(Line(group_label(group), str(group.level), group.own, cells))
    return Block(_("Respondents by group"), [_("Group"), _("Answers")], lines, "respondents")


def training_blocks(results: RoundResults, groups: list[Group]) -> list[Block]:
    """Per training question: rank × group, each cell the option and its share."""
    blocks = []
    for number, question in enumerate(training_questions(results), start=1):
        present = [g for g in groups if g.key in question.groups]
        columns = {g.key: ranked_needs(question, question.groups[g.key]) for g in present}
        depth = max((len(needs) for needs in columns.values()), default=0)
        lines = []
        for rank in range(depth):
            cells = []
            for group in present:
                figures = question.groups[group.key]
                needs = columns[group.key]
                if figures.suppressed:
                    cells.append(Cell(suppressed_text(results.threshold), suppressed=True))
                elif rank < len(needs):
                    need = needs[rank]
                    cells.append(Cell(f"{need.label} ({percent(need.share)})"))
                else:
                    cells.append(Cell(NO_FIGURE))
            lines.append(Line(str(rank + 1), "rank", False, cells))
        headers = [_("Rank"), *(group_label(g) for g in present)]
        caption = _("Ranked: %(question)s") % {"question": question.question.text}
        blocks.append(Block(caption, headers, lines, f"training-{number}"))
    return blocks
