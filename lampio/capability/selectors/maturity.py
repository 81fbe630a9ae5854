"""Reads of the maturity self-assessments: an organisation's history and draft, and the
network heat map of the latest submitted assessments.

Network admins see every organisation by name. Other staff see their own organisations' rows
and, for the rest of the network, only how many organisations stand at each level (and the
median) per dimension: never another organisation's name or row."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db.models import Prefetch, QuerySet

from lampio.capability.models import (
    LEVELS,
    AssessmentStatus,
    DimensionScore,
    Evidence,
    MaturityDimension,
    MaturityLevel,
    SelfAssessment,
)
from lampio.core.errors import NotFound
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, Actor, can, is_network_admin, roles_of


def active_dimensions() -> list[MaturityDimension]:
    return list(
        MaturityDimension.objects.filter(is_active=True).prefetch_related(
            Prefetch("levels", queryset=MaturityLevel.objects.order_by("level"))
        )
    )


def _with_scores(assessments: QuerySet[SelfAssessment]) -> QuerySet[SelfAssessment]:
    return assessments.select_related("organisation__municipality").prefetch_related(
        Prefetch(
            "scores",
            queryset=DimensionScore.objects.select_related("dimension").prefetch_related(
                Prefetch("links", queryset=Evidence.objects.order_by("pk"))
            ),
        )
    )


def _submitted() -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.filter(status=AssessmentStatus.SUBMITTED).order_by(
        "organisation_id", "-assessed_on", "-pk"
    )


# --- One organisation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    dimension: MaturityDimension
    level: int | None
    target: int | None = None
    previous: int | None = None

    @property
    def change(self) -> int | None:
        if self.level is None or self.previous is None:
            return None
        return self.level - self.previous


@dataclass(frozen=True)
class HistoryEntry:
    assessment: SelfAssessment
    cells: list[Cell]
    previous_on: date | None


def _cells(
    dimensions: list[MaturityDimension],
    assessment: SelfAssessment,
    previous: SelfAssessment | None,
) -> list[Cell]:
    now = {score.dimension_id: score for score in assessment.scores.all()}
    before = (
        {score.dimension_id: score.level for score in previous.scores.all()} if previous else {}
    )
    cells = []
    for dimension in dimensions:
        score = now.get(dimension.pk)
        cells.append(
            Cell(
                dimension=dimension,
                level=score.level if score else None,
                target=score.target_level if score else None,
                previous=before.get(dimension.pk),
            )
        )
    return cells


def _check_view(actor: Actor, organisation: Organisation) -> None:
    if not can(actor, Action.VIEW, organisation):
        raise NotFound()


def assessment_history(*, actor: Actor, organisation: Organisation) -> list[HistoryEntry]:
    """The organisation's submitted assessments, newest first, each compared with the one
    before it."""
    _check_view(actor, organisation)
    dimensions = active_dimensions()
    submitted = list(_with_scores(_submitted().filter(organisation=organisation)))
    return [
        HistoryEntry(
            assessment=assessment,
            cells=_cells(dimensions, assessment, older),
            previous_on=older.assessed_on if older else None,
        )
        for assessment, older in zip(submitted, [*submitted[1:], None], strict=False)
    ]


def draft_of(*, actor: Actor, organisation: Organisation) -> SelfAssessment | None:
    _check_view(actor, organisation)
    return SelfAssessment.objects.filter(
        organisation=organisation, status=AssessmentStatus.DRAFT
    ).first()


def assessment_for(
    *, actor: Actor, organisation: Organisation, assessment_id: int
) -> SelfAssessment:
    """One assessment of the organisation; another organisation's is not found."""
    _check_view(actor, organisation)
    assessment = (
        _with_scores(SelfAssessment.objects.filter(organisation=organisation))
        .filter(pk=assessment_id)
        .first()
    )
    if assessment is None:
        raise NotFound()
    return assessment


@dataclass(frozen=True)
class DimensionAnswer:
    """One dimension as the assessment page shows it: its levels and what was answered."""

    dimension: MaturityDimension
    levels: list[MaturityLevel]
    score: DimensionScore | None
    links: list[Evidence] = field(default_factory=list)


def assessment_answers(assessment: SelfAssessment) -> list[DimensionAnswer]:
    scores = {score.dimension_id: score for score in assessment.scores.all()}
    answers = []
    for dimension in active_dimensions():
        score = scores.get(dimension.pk)
        answers.append(
            DimensionAnswer(
                dimension=dimension,
                levels=list(dimension.levels.all()),
                score=score,
                links=list(score.links.all()) if score else [],
            )
        )
    return answers


# --- The heat map -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatRow:
    organisation: Organisation
    assessed_on: date
    previous_on: date | None
    cells: list[Cell]


@dataclass(frozen=True)
class CityGroup:
    municipality: Municipality
    rows: list[HeatRow]


@dataclass(frozen=True)
class Distribution:
    """How many organisations stand at each level of one dimension (index 0 is level 1)."""

    dimension: MaturityDimension
    counts: list[int]
    median: float | None

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def by_level(self) -> list[tuple[int, int]]:
        return list(zip(LEVELS, self.counts, strict=True))


@dataclass(frozen=True)
class HeatMap:
    dimensions: list[MaturityDimension]
    groups: list[CityGroup]
    distribution: list[Distribution]
    organisations_assessed: int
    shows_network: bool  # every organisation by name (network admins)
    municipalities: list[Municipality]


def _latest_two() -> dict[int, list[SelfAssessment]]:
    latest: dict[int, list[SelfAssessment]] = defaultdict(list)
    for assessment in _with_scores(_submitted()):
        if len(latest[assessment.organisation_id]) < 2:
            latest[assessment.organisation_id].append(assessment)
    return latest


def heat_map(*, actor: Actor, municipality: str = "") -> HeatMap:
    """Organisations × dimensions of the latest submitted assessments, grouped by city; the
    network's distribution per dimension is over every organisation, whoever looks."""
    dimensions = active_dimensions()
    latest = _latest_two()
    network = is_network_admin(actor)
    visible = set(latest) if network else set(latest) & set(roles_of(actor))
    rows: list[HeatRow] = []
    for organisation_id in visible:
        newest, *older = latest[organisation_id]
        if municipality and newest.organisation.municipality.slug != municipality:
            continue
        previous = older[0] if older else None
        rows.append(
            HeatRow(
                organisation=newest.organisation,
                assessed_on=newest.assessed_on,
                previous_on=previous.assessed_on if previous else None,
                cells=_cells(dimensions, newest, previous),
            )
        )
    rows.sort(key=lambda row: (row.organisation.municipality.name, row.organisation.name))
    groups: list[CityGroup] = []
    for row in rows:
        if not groups or groups[-1].municipality.pk != row.organisation.municipality_id:
            groups.append(CityGroup(municipality=row.organisation.municipality, rows=[]))
        groups[-1].rows.append(row)
    distribution = []
    for dimension in dimensions:
        levels = [
            score.level
            for newest, *_older in latest.values()
            for score in newest.scores.all()
            if score.dimension_id == dimension.pk
        ]
        counts = [levels.count(level) for level in LEVELS]
        distribution.append(
            Distribution(
                dimension=dimension,
                counts=counts,
                median=float(median(levels)) if levels else None,
            )
        )
    municipalities = (
        list(
            Municipality.objects.filter(
                organisations__maturity_assessments__isnull=False
            ).distinct()
        )
        if network
        else []
    )
    return HeatMap(
        dimensions=dimensions,
        groups=groups,
        distribution=distribution,
        organisations_assessed=len(latest),
        shows_network=network,
        municipalities=municipalities,
    )


def organisations_to_assess(*, actor: Actor) -> list[Organisation]:
    """The organisations whose self-assessment pages the actor may open, by city and name."""
    organisations = Organisation.objects.select_related("municipality").order_by(
        "municipality__name", "name"
    )
    if not is_network_admin(actor):
        organisations = organisations.filter(pk__in=list(roles_of(actor)))
    return list(organisations)


@dataclass(frozen=True)
class MaturityFigures:
    organisations_assessed: int
    drafts_of_mine: int


def maturity_figures(*, actor: Actor) -> MaturityFigures:
    assessed = (
        SelfAssessment.objects.filter(status=AssessmentStatus.SUBMITTED)
        .values("organisation_id")
        .distinct()
        .count()
    )
    drafts = SelfAssessment.objects.filter(status=AssessmentStatus.DRAFT)
    if not is_network_admin(actor):
        drafts = drafts.filter(organisation_id__in=list(roles_of(actor)))
    return MaturityFigures(organisations_assessed=assessed, drafts_of_mine=drafts.count())
