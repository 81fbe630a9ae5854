"""Surveys: the shared visitor survey and the general questionnaire engine (rounds of anonymous
answers, used by the digital-capability survey)."""

from lampio.surveys.models.questionnaires import (
    Answer,
    Choice,
    MatrixRow,
    Question,
    QuestionKind,
    Questionnaire,
    QuestionnaireVersion,
    QuestionTheme,
    Round,
    RoundParticipant,
    Submission,
)
from lampio.surveys.models.visitor import (
    AgeGroup,
    Context,
    UsedInvitation,
    VisitorResponse,
)

__all__ = [
    "AgeGroup",
    "Answer",
    "Choice",
    "Context",
    "MatrixRow",
    "Question",
    "QuestionKind",
    "QuestionTheme",
    "Questionnaire",
    "QuestionnaireVersion",
    "Round",
    "RoundParticipant",
    "Submission",
    "UsedInvitation",
    "VisitorResponse",
]
