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
    Initiative,
    Indicator,
    Measurement,
    Pilot,
    PilotPhase,
    PilotDocument,
    Lesson,
    Webinar,
):
    auditlog.register(model)
