"""Results of questionnaire rounds (the digital-capability survey and others) for one person,
through the suppression layer.

Groups are the round's organisations, their municipalities and the whole network. For each
question the people behind a group are the submissions that answered it, summed per slice
(round, municipality, organisation) and passed through `suppression.suppress` as a table of
municipality × organisation: its cells are the organisations, its row totals the
municipalities and its grand total the network. So rule 1 holds for every group (a city's
piece, and that piece less any one of its organisations, is 0 or at least the threshold) and
rule 2 across the groups table (a hidden organisation cannot be worked out as its city less
the published others). The table does not depend on who asks; who asks only decides which of
its groups are handed out, and a person sees other organisations by name only as a network
admin. A suppressed group carries no count, no distribution and no mean.

Results exist only once a round has closed, so nobody watches answers come in one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from lampio.core.errors import NotFound
from lampio.insights.suppression import ALL, Atom, Table, suppress
from lampio.surveys import stats_selectors
from lampio.surveys.engine import likert
from lampio.surveys.models import Question, QuestionKind, Round, RoundParticipant
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, has_any_role, is_network_admin, roles_of
from lampio.tenancy.selectors import organisations_for

GroupKey = tuple[Hashable, Hashable]  # (municipality id or ALL, organisation id or ALL)
NETWORK: GroupKey = (ALL, ALL)
# Kinds whose answers are counted per value; free text only per respondent.
COUNTED = frozenset(
    {
        QuestionKind.SINGLE,
        QuestionKind.MULTIPLE,
        QuestionKind.LIKERT,
        QuestionKind.SCALE,
        QuestionKind.MATRIX,
    }
)
WITH_MEAN = frozenset({QuestionKind.LIKERT, QuestionKind.SCALE, QuestionKind.MATRIX})


class GroupLevel(StrEnum):
    ORGANISATION = "organisation"
    MUNICIPALITY = "municipality"
    NETWORK = "network"


@dataclass(frozen=True)
class Group:
    level: GroupLevel
    key: GroupKey
    label: str
    own: bool = False  # the person works in it (or in its city)

    @property
    def slug(self) -> str:
        """The group's name in a filter's query string."""
        if self.level == GroupLevel.ORGANISATION:
            return f"org-{self.key[1]}"
        if self.level == GroupLevel.MUNICIPALITY:
            return f"city-{self.key[0]}"
        return "network"


@dataclass(frozen=True)
class RowFigures:
    """One statement of a matrix, or the whole of another question (row key "")."""

    answered: int
    counts: dict[str, int]
    shares: dict[str, float]  # value -> per cent of those who answered
    mean: float | None


@dataclass(frozen=True)
class GroupFigures:
    group: Group
    suppressed: bool
    n: int | None  # respondents; None when suppressed
    rows: dict[str, RowFigures] = field(default_factory=dict)


@dataclass
class QuestionResults:
    question: Question
    options: list[tuple[str, str]]  # (value, label) in the question's order
    statements: list[tuple[str, str]]  # matrix rows (key, label); [("", "")] otherwise
    groups: dict[GroupKey, GroupFigures]

    @property
    def any_suppressed(self) -> bool:
        return any(g.suppressed for g in self.groups.values())


@dataclass
class RoundResults:
    round: Round
    threshold: int
    closed: bool
    groups: list[Group]
    respondents: dict[GroupKey, GroupFigures]  # submissions per group
    questions: list[QuestionResults]


def threshold() -> int:
    return int(settings.LAMPIO_INSIGHTS_THRESHOLD)


def is_closed(round_: Round, today: date | None = None) -> bool:
    return round_.closes_on < (today or timezone.localdate())


# Which rounds and groups a person may see ---------------------------------------------------


def result_rounds(*, actor: Actor) -> QuerySet[Round]:
    """Rounds whose results the person may see: those their organisations took part in or
    organised; every round for network admins."""
    rounds = Round.objects.select_related("version__questionnaire", "organiser").order_by(
        "-closes_on", "-pk"
    )
    if is_network_admin(actor):
        return rounds.all()
    if not has_any_role(actor):
        return rounds.none()
    mine = organisations_for(actor=actor, action=Action.VIEW).values("pk")
    return rounds.filter(Q(participants__organisation__in=mine) | Q(organiser__in=mine)).distinct()


def result_round(*, actor: Actor, round_id: int) -> Round:
    found = result_rounds(actor=actor).filter(pk=round_id).first()
    if found is None:
        raise NotFound()
    return found


def earlier_rounds(*, actor: Actor, round_: Round, today: date | None = None) -> list[Round]:
    """Closed rounds of the same questionnaire before `round_` that the person may see."""
    today = today or timezone.localdate()
    return list(
        result_rounds(actor=actor)
        .filter(
            version__questionnaire_id=round_.version.questionnaire_id,
            opens_on__lt=round_.opens_on,
            closes_on__lt=today,
        )
        .exclude(pk=round_.pk)
    )


def _participants(round_: Round) -> list[Organisation]:
    ids = set(RoundParticipant.objects.filter(round=round_).values_list("organisation", flat=True))
    ids |= {o for _r, _m, o in stats_selectors.round_submissions([round_.pk])}
    return list(
        Organisation.objects.filter(pk__in=ids)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )


def visible_groups(*, actor: Actor, round_: Round) -> list[Group]:
    """Organisations (the person's own; every one for network admins), then every
    municipality as a whole, then the network."""
    organisations = _participants(round_)
    admin = is_network_admin(actor)
    # Real memberships (every role may VIEW), not the network admin's everything.
    own_orgs = set(roles_of(actor))
    own_cities = {o.municipality_id for o in organisations if o.pk in own_orgs}
    groups = [
        Group(GroupLevel.ORGANISATION, (o.municipality_id, o.pk), o.name, o.pk in own_orgs)
        for o in organisations
        if admin or o.pk in own_orgs
    ]
    groups.sort(key=lambda g: not g.own)  # the person's own first
    cities = {o.municipality_id: o.municipality for o in organisations}
    groups += sorted(
        (
            Group(GroupLevel.MUNICIPALITY, (pk, ALL), city.name, pk in own_cities)
            for pk, city in cities.items()
        ),
        key=lambda g: (not g.own, g.label.casefold()),
    )
    groups.append(Group(GroupLevel.NETWORK, NETWORK, ""))
    return groups


# Suppression ----------------------------------------------------------------------------------


def group_table(counts: dict[tuple[int, int, int], int], limit: int) -> Table:
    """The groups table of one question (or of the submissions): counts per (round,
    municipality, organisation) as atoms of cell (municipality, organisation), so that its
    cells are organisations, its row totals municipalities and its grand total the network."""
    atoms = [
        Atom(cell=(municipality, organisation), slice=key, value=n, base=n, n=n)
        for key, n in counts.items()
        for _round, municipality, organisation in [key]
        if n
    ]
    return suppress(atoms, dimensions=2, threshold=limit)


def _published(table: Table, key: GroupKey) -> tuple[bool, int | None]:
    figure = table.figures.get(key)
    if figure is None:  # no one in the group answered: nothing to hide
        return False, 0
    return figure.suppressed, figure.n


def _in_group(key: GroupKey, municipality: int, organisation: int) -> bool:
    return key[0] in (ALL, municipality) and key[1] in (ALL, organisation)


# Figures --------------------------------------------------------------------------------------


def _scores(question: Question) -> dict[str, float]:
    """The number each answer value stands for, for means: a step or a number as itself, a
    matrix column by its value when numeric, else by its position (1, 2, …)."""
    if question.kind in (QuestionKind.LIKERT, QuestionKind.SCALE):
        steps = range(question.scale_min, question.scale_max + 1)
        if question.kind == QuestionKind.LIKERT:
            steps = range(1, len(likert.LIKERT_STEPS) + 1)
        return {str(v): float(v) for v in steps}
    if question.kind == QuestionKind.MATRIX:
        values = [c.value for c in question.choices.all()]
        if all(v.lstrip("-").isdigit() for v in values):
            return {v: float(v) for v in values}
        return {v: float(i + 1) for i, v in enumerate(values)}
    return {}


def options_of(question: Question) -> list[tuple[str, str]]:
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.MATRIX):
        return [(c.value, c.label) for c in question.choices.all()]
    if question.kind == QuestionKind.LIKERT:
        return [(step, str(label)) for step, label in likert.LIKERT_STEPS]
    if question.kind == QuestionKind.SCALE:
        return [(str(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
    return []


def _row_figures(
    question: Question, counts: dict[str, int], respondents: int, scores: dict[str, float]
) -> RowFigures:
    answered = sum(counts.values())
    # Several options per person: a share of the people; one per person: of the answers.
    base = respondents if question.kind == QuestionKind.MULTIPLE else answered
    shares = {v: 100.0 * c / base for v, c in counts.items()} if base else {}
    mean = None
    if question.kind in WITH_MEAN:
        scored = [(scores[v], c) for v, c in counts.items() if v in scores]
        total = sum(c for _s, c in scored)
        mean = sum(s * c for s, c in scored) / total if total else None
    return RowFigures(answered, counts, shares, mean)


def _question_results(
    question: Question,
    round_id: int,
    groups: list[Group],
    respondents: stats_selectors.Respondents,
    values: stats_selectors.ValueCounts,
    limit: int,
) -> QuestionResults:
    key = question.key
    counts = {(r, m, o): n for (r, m, o, q), n in respondents.items() if r == round_id and q == key}
    table = group_table(counts, limit)
    mine = [
        (m, o, row, v, n)
        for (r, m, o, q, row, v), n in values.items()
        if r == round_id and q == key
    ]
    scores = _scores(question)
    statements = [(row.key, row.label) for row in question.rows.all()] or [("", "")]
    result: dict[GroupKey, GroupFigures] = {}
    for group in groups:
        suppressed, n = _published(table, group.key)
        if suppressed:
            result[group.key] = GroupFigures(group, True, None)
            continue
        per_row: dict[str, dict[str, int]] = defaultdict(dict)
        if question.kind in COUNTED:
            for m, o, row, value, count in mine:
                if _in_group(group.key, m, o):
                    per_row[row][value] = per_row[row].get(value, 0) + count
        rows = {
            row: _row_figures(question, per_row.get(row, {}), n or 0, scores)
            for row, _label in statements
        }
        result[group.key] = GroupFigures(group, False, n, rows)
    return QuestionResults(question, options_of(question), statements, result)


def round_results(
    *, actor: Actor, round_id: int, theme: str = "", today: date | None = None
) -> RoundResults:
    """A round's results for the person: only the groups they may see, each either published
    with its figures or suppressed without any. Before the round closes: no figures at all."""
    round_ = result_round(actor=actor, round_id=round_id)
    groups = visible_groups(actor=actor, round_=round_)
    limit = threshold()
    if not is_closed(round_, today):
        return RoundResults(round_, limit, False, groups, {}, [])
    questions = list(
        Question.objects.filter(version_id=round_.version_id)
        .prefetch_related("choices", "rows")
        .order_by("position", "pk")
    )
    if theme:
        questions = [q for q in questions if q.theme == theme]
    submitted = stats_selectors.round_submissions([round_.pk])
    table = group_table(submitted, limit)
    respondents = {}
    for group in groups:
        suppressed, n = _published(table, group.key)
        respondents[group.key] = GroupFigures(group, suppressed, n)
    answered = stats_selectors.round_respondents([round_.pk])
    values = stats_selectors.round_value_counts([round_.pk])
    return RoundResults(
        round_,
        limit,
        True,
        groups,
        respondents,
        [_question_results(q, round_.pk, groups, answered, values, limit) for q in questions],
    )


def free_texts(
    *, actor: Actor, results: RoundResults, question: QuestionResults, group: Group
) -> list[str]:
    """An organisation's free-text answers, for its own staff (and network admins) only, and
    only when the organisation's group is published for the question: a text can say more
    about its writer than a count, so a small group's texts are never shown."""
    if question.question.kind != QuestionKind.TEXT or group.level != GroupLevel.ORGANISATION:
        return []
    if not (is_network_admin(actor) or group.key[1] in roles_of(actor)):
        return []
    figures = question.groups.get(group.key)
    if figures is None or figures.suppressed or not figures.n:
        return []
    return stats_selectors.organisation_free_texts(
        round_id=results.round.pk,
        organisation_id=int(str(group.key[1])),
        question_key=question.question.key,
    )
