from lampio.core.audit import register_audited
from lampio.surveys.models import (
    Choice,
    MatrixRow,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Round,
    RoundParticipant,
)

# Staff changes to questionnaires and rounds are audited. Answers are not: they are anonymous,
# and an audit entry with a time would pair an answer with whoever was on duty.
for model in (Questionnaire, QuestionnaireVersion, Question, Choice, MatrixRow, Round):
    register_audited(model)
# The link token is the key to answering; it stays out of the log.
register_audited(RoundParticipant, exclude_fields=["token"])
