"""Reads of the anonymous answer page: the participant behind a link and the questions."""

from __future__ import annotations

from lampio.core.errors import NotFound
from lampio.surveys.models import Question, QuestionnaireVersion, RoundParticipant

TOKEN_MAX_LENGTH = 43


def participant_by_token(*, token: str) -> RoundParticipant:
    """The organisation's participation in a round that the link `token` opens.

    The round, its questionnaire version and the organisation come with it (the page shows
    them all); an unknown link is not found."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        raise NotFound()
    try:
        return RoundParticipant.objects.select_related(
            "round__version__questionnaire", "organisation__municipality"
        ).get(token=token)
    except RoundParticipant.DoesNotExist as error:
        raise NotFound() from error


def questions_of(*, version: QuestionnaireVersion) -> list[Question]:
    """The version's questions in order, with their options and statements prefetched."""
    return list(
        Question.objects.filter(version=version)
        .order_by("position", "pk")
        .prefetch_related("choices", "rows")
    )
