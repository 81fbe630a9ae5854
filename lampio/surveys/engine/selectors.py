"""What staff see of questionnaires and rounds.

Network questionnaires are visible to all staff (every organisation may run them); an
organisation's own to its members. A round is seen fully by the organiser's staff and network
admins; the staff of a participating organisation see the round with their own link only.
Everything else is not found, so addresses do not reveal other organisations' surveys.

Answer progress is a count per organisation, shown as "fewer than N" below the insights
threshold: a count of 1 or 2 with the answering day known could point to a person.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from lampio.accounts.models import User
from lampio.core.errors import NotFound
from lampio.surveys.engine.checks import CHOICE_KINDS
from lampio.surveys.models import (
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Round,
    RoundParticipant,
    Submission,
)
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action, actions_in, can, is_network_admin, roles_of


def _organisations_with(actor: User, action: Action) -> list[int]:
    return [org_id for org_id in roles_of(actor) if action in actions_in(actor, org_id)]


# --- Questionnaires ------------------------------------------------------------------------------


def questionnaires_for(*, actor: User) -> QuerySet[Questionnaire]:
    found = Questionnaire.objects.select_related("owner").order_by("title", "pk")
    if is_network_admin(actor):
        return found
    return found.filter(Q(owner__isnull=True) | Q(owner_id__in=list(roles_of(actor))))


def questionnaire_for(*, actor: User, questionnaire_id: int) -> Questionnaire:
    questionnaire = questionnaires_for(actor=actor).filter(pk=questionnaire_id).first()
    if questionnaire is None:
        raise NotFound()
    return questionnaire


def version_for(*, actor: User, version_id: int) -> QuestionnaireVersion:
    version = (
        QuestionnaireVersion.objects.filter(
            pk=version_id, questionnaire__in=questionnaires_for(actor=actor)
        )
        .select_related("questionnaire__owner")
        .first()
    )
    if version is None:
        raise NotFound()
    return version


def question_for(*, actor: User, question_id: int) -> Question:
    question = (
        Question.objects.filter(
            pk=question_id, version__questionnaire__in=questionnaires_for(actor=actor)
        )
        .select_related("version__questionnaire__owner")
        .first()
    )
    if question is None:
        raise NotFound()
    return question


def versions_of(questionnaire: Questionnaire) -> QuerySet[QuestionnaireVersion]:
    return questionnaire.versions.annotate(
        question_count=Count("questions", distinct=True),
        round_count=Count("rounds", distinct=True),
    ).order_by("-number")


def questions_of(version: QuestionnaireVersion) -> list[Question]:
    return list(
        version.questions.select_related("show_if_question")
        .prefetch_related("choices", "rows")
        .order_by("position", "pk")
    )


def condition_targets(question: Question | None, version: QuestionnaireVersion) -> list[Question]:
    """Earlier choice questions a question may depend on (all of them for a new question)."""
    found = version.questions.filter(kind__in=list(CHOICE_KINDS)).order_by("position")
    if question is not None:
        found = found.filter(position__lt=question.position)
    return list(found)


def usable_versions(*, actor: User) -> QuerySet[QuestionnaireVersion]:
    """Published versions a round can run: network questionnaires and the actor's own."""
    return (
        QuestionnaireVersion.objects.filter(
            published_at__isnull=False, questionnaire__in=questionnaires_for(actor=actor)
        )
        .select_related("questionnaire")
        .order_by("questionnaire__title", "-number")
    )


def owner_choices(*, actor: User) -> list[Organisation]:
    """Organisations the actor may create questionnaires and rounds for."""
    return list(
        Organisation.objects.filter(
            pk__in=_organisations_with(actor, Action.MANAGE), is_active=True
        ).order_by("name")
    )


# --- Rounds -------------------------------------------------------------------------------------


def rounds_for(*, actor: User) -> QuerySet[Round]:
    found = (
        Round.objects.select_related("organiser", "version__questionnaire")
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-opens_on", "-pk")
    )
    if is_network_admin(actor):
        return found
    mine = list(roles_of(actor))
    return found.filter(
        Q(organiser_id__in=mine) | Q(participants__organisation_id__in=mine)
    ).distinct()


@dataclass
class Progress:
    """Answers of one organisation: the count, or only "fewer than" a threshold."""

    count: int
    threshold: int

    @property
    def suppressed(self) -> bool:
        return 0 < self.count < self.threshold


@dataclass
class RoundView:
    round: Round
    full: bool  # the organiser's staff or a network admin
    may_manage: bool
    participants: list[RoundParticipant] = field(default_factory=list)
    progress: dict[int, Progress] = field(default_factory=dict)


def threshold() -> int:
    return int(settings.LAMPIO_INSIGHTS_THRESHOLD)


def answer_progress(round: Round, participants: list[RoundParticipant]) -> dict[int, Progress]:
    """Participant id → progress; no other figures leave here (results are in insights)."""
    counts = dict(
        Submission.objects.filter(
            round=round, organisation_id__in=[p.organisation_id for p in participants]
        )
        .values_list("organisation_id")
        .annotate(n=Count("pk"))
        .values_list("organisation_id", "n")
    )
    limit = threshold()
    return {p.pk: Progress(counts.get(p.organisation_id, 0), limit) for p in participants}


def round_for(*, actor: User, round_id: int) -> RoundView:
    round = (
        Round.objects.select_related("organiser", "version__questionnaire")
        .filter(pk=round_id)
        .first()
    )
    if round is None:
        raise NotFound()
    participants = round.participants.select_related("organisation__municipality").order_by(
        "organisation__name", "pk"
    )
    full = can(actor, Action.VIEW, round)
    if not full:
        participants = participants.filter(organisation_id__in=list(roles_of(actor)))
    shown = list(participants)
    if not full and not shown:
        raise NotFound()
    return RoundView(
        round=round,
        full=full,
        may_manage=can(actor, Action.MANAGE, round),
        participants=shown,
        progress=answer_progress(round, shown),
    )


def participant_for(*, actor: User, participant_id: int) -> RoundParticipant:
    """A participant of a round the actor organises (the only ones they may act on)."""
    participant = (
        RoundParticipant.objects.select_related("round__organiser", "organisation")
        .filter(pk=participant_id)
        .first()
    )
    if participant is None or not can(actor, Action.VIEW, participant.round):
        raise NotFound()
    return participant


def eligible_organisations(*, actor: User, organiser: Organisation | None) -> list[Organisation]:
    """Organisations a round of `organiser` may include, by municipality and name."""
    found = Organisation.objects.filter(is_active=True).select_related("municipality")
    if organiser is not None or not is_network_admin(actor):
        found = found.filter(pk__in=_organisations_with(actor, Action.MANAGE))
    return list(found.order_by("municipality__name", "name"))


def grouped_by_municipality(
    organisations: list[Organisation],
) -> list[tuple[Municipality, list[Organisation]]]:
    groups: dict[int, list[Organisation]] = defaultdict(list)
    municipalities: dict[int, Municipality] = {}
    for organisation in organisations:
        groups[organisation.municipality_id].append(organisation)
        municipalities[organisation.municipality_id] = organisation.municipality
    return [(municipalities[key], groups[key]) for key in groups]
