from lampio.capability.models import (
    DimensionScore,
    Evidence,
    Indicator,
    Initiative,
    Lesson,
    MaturityDimension,
    MaturityLevel,
    Measurement,
    Pilot,
    PilotDocument,
    PilotPhase,
    SelfAssessment,
    Webinar,
)
from lampio.core.audit import register_audited

# Every staff change is audited; these rows are organisations' work, not personal data.
for model in (
    MaturityDimension,
    MaturityLevel,
    SelfAssessment,
    DimensionScore,
    Evidence,
    Indicator,
    Measurement,
    PilotPhase,
    PilotDocument,
    Lesson,
    Webinar,
):
    register_audited(model)
# Which cities, organisations and initiatives take part is a staff change too.
register_audited(Pilot, m2m_fields={"municipalities", "participants", "initiatives"})
register_audited(Initiative, m2m_fields={"municipalities"})
