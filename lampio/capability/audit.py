from auditlog.registry import auditlog

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
    auditlog.register(model)
# Which cities, organisations and initiatives take part is a staff change too.
auditlog.register(Pilot, m2m_fields={"municipalities", "participants", "initiatives"})
auditlog.register(Initiative, m2m_fields={"municipalities"})
