"""An organisation's maturity self-assessment: start (or continue) the draft, score each
dimension with its evidence, and submit it once every dimension in use has a level.

Only staff who may MANAGE the organisation change its assessment; a submitted one is frozen
(the next round starts a new draft), so the heat map's history stays as it was told."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.capability.models import (
    AssessmentStatus,
    DimensionScore,
    Evidence,
    MaturityDimension,
    SelfAssessment,
)
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotAuthenticated, NotFound, PermissionDenied
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

MAX_EVIDENCE = 3000
MAX_SUMMARY = 3000
MAX_LINK_TITLE = 200
MAX_URL = 500


class IncompleteAssessment(InvalidInput):
    """Submitting before every dimension in use has a level; `missing` names them."""

    def __init__(self, missing: Sequence[MaturityDimension]) -> None:
        self.missing = list(missing)
        # Lazy, so the names come in the language the page is shown in.
        super().__init__(_missing_message(self.missing))


def _missing(missing: list[MaturityDimension]) -> str:
    names = ", ".join(str(dimension.name) for dimension in missing)
    return gettext(
        "Choose the level now for every dimension before submitting. Missing: %(names)s"
    ) % {"names": names}


_missing_message = lazy(_missing, str)


@dataclass(frozen=True)
class ScoreData:
    """One dimension's answer; `level` None leaves the dimension unscored for now."""

    dimension: MaturityDimension
    level: int | None
    target_level: int | None = None
    evidence: str = ""


def _check_manage(actor: User, organisation: Organisation) -> None:
    if not actor.is_authenticated:
        raise NotAuthenticated()
    if not can(actor, Action.VIEW, organisation):
        raise NotFound()
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied(_("Only the organisation's staff may change its self-assessment."))


def _check_draft(assessment: SelfAssessment) -> None:
    if assessment.status != AssessmentStatus.DRAFT:
        raise Conflict(_("The self-assessment has been submitted and can no longer be changed."))


def start_assessment(
    *, actor: User, organisation: Organisation, today: date | None = None
) -> SelfAssessment:
    """The organisation's draft: the one in progress, or a new one that starts from the levels
    and targets of its latest submitted assessment (staff revise rather than retype them)."""
    _check_manage(actor, organisation)
    draft = SelfAssessment.objects.filter(
        organisation=organisation, status=AssessmentStatus.DRAFT
    ).first()
    if draft is not None:
        return draft
    previous = (
        SelfAssessment.objects.filter(organisation=organisation, status=AssessmentStatus.SUBMITTED)
        .order_by("-assessed_on", "-pk")
        .first()
    )
    try:
        with transaction.atomic(), set_actor(actor):
            draft = SelfAssessment.objects.create(
                organisation=organisation,
                assessed_on=today or timezone.localdate(),
                created_by=actor,
            )
            if previous is not None:
                for score in previous.scores.filter(dimension__is_active=True):
                    DimensionScore.objects.create(
                        assessment=draft,
                        dimension_id=score.dimension_id,
                        level=score.level,
                        target_level=score.target_level,
                    )
    except IntegrityError:
        # A colleague started the draft at the same moment: continue theirs.
        return SelfAssessment.objects.get(organisation=organisation, status=AssessmentStatus.DRAFT)
    return draft


def _check_score(data: ScoreData) -> None:
    key = data.dimension.key
    for value, field in ((data.level, f"level_{key}"), (data.target_level, f"target_{key}")):
        if value is not None and not 1 <= value <= 5:
            raise InvalidInput(_("Choose a level from 1 to 5."), field=field)
    if len(data.evidence) > MAX_EVIDENCE:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_EVIDENCE},
            field=f"evidence_{key}",
        )
    if data.level is None and (data.target_level is not None or data.evidence.strip()):
        raise InvalidInput(
            _("Choose the level now before giving a target or evidence."), field=f"level_{key}"
        )
    if data.level is not None and data.target_level is not None and data.target_level < data.level:
        raise InvalidInput(
            _("The target level cannot be lower than the level now."), field=f"target_{key}"
        )


def save_scores(
    *,
    actor: User,
    assessment: SelfAssessment,
    scores: Sequence[ScoreData],
    summary: str | None = None,
) -> SelfAssessment:
    """Save the draft's answers; a dimension left without a level loses its earlier answer
    (and its links), as the person chose to clear it."""
    _check_manage(actor, assessment.organisation)
    _check_draft(assessment)
    for data in scores:
        _check_score(data)
    if summary is not None and len(summary) > MAX_SUMMARY:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_SUMMARY},
            field="summary",
        )
    with transaction.atomic(), set_actor(actor):
        existing = {score.dimension_id: score for score in assessment.scores.all()}
        for data in scores:
            score = existing.get(data.dimension.pk)
            if data.level is None:
                if score is not None:
                    score.delete()
                continue
            if score is None:
                score = DimensionScore(assessment=assessment, dimension=data.dimension)
            changed = (score.level, score.target_level, score.evidence) != (
                data.level,
                data.target_level,
                data.evidence.strip(),
            )
            if score.pk is None or changed:
                score.level = data.level
                score.target_level = data.target_level
                score.evidence = data.evidence.strip()
                score.save()
        if summary is not None and summary.strip() != assessment.summary:
            assessment.summary = summary.strip()
            assessment.save(update_fields=["summary"])
    return assessment


def _check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(
            _("Give a web address that starts with http:// or https://."), field="url"
        )
    if len(url) > MAX_URL:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_URL},
            field="url",
        )
    return url


def add_evidence_link(
    *,
    actor: User,
    assessment: SelfAssessment,
    dimension: MaturityDimension,
    title: str,
    url: str,
) -> Evidence:
    _check_manage(actor, assessment.organisation)
    _check_draft(assessment)
    title = title.strip()
    if not title:
        raise InvalidInput(_("Give the link a title."), field="title")
    if len(title) > MAX_LINK_TITLE:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_LINK_TITLE},
            field="title",
        )
    url = _check_url(url)
    score = assessment.scores.filter(dimension=dimension).first()
    if score is None:
        raise InvalidInput(
            _("Choose and save the level now for this dimension before adding links."),
            field="dimension",
        )
    with transaction.atomic(), set_actor(actor):
        return Evidence.objects.create(score=score, title=title, url=url)


def remove_evidence_link(*, actor: User, assessment: SelfAssessment, link_id: int) -> None:
    _check_manage(actor, assessment.organisation)
    _check_draft(assessment)
    link = Evidence.objects.filter(pk=link_id, score__assessment=assessment).first()
    if link is None:
        raise NotFound()
    with transaction.atomic(), set_actor(actor):
        link.delete()


def submit_assessment(
    *, actor: User, assessment: SelfAssessment, now: datetime | None = None
) -> SelfAssessment:
    """Submit the draft: every dimension in use must have a level now."""
    _check_manage(actor, assessment.organisation)
    _check_draft(assessment)
    scored = set(assessment.scores.values_list("dimension_id", flat=True))
    missing = [
        dimension
        for dimension in MaturityDimension.objects.filter(is_active=True)
        if dimension.pk not in scored
    ]
    if missing:
        raise IncompleteAssessment(missing)
    now = now or timezone.now()
    with transaction.atomic(), set_actor(actor):
        assessment.status = AssessmentStatus.SUBMITTED
        assessment.submitted_at = now
        assessment.assessed_on = timezone.localdate(now)
        assessment.save(update_fields=["status", "submitted_at", "assessed_on"])
    return assessment
