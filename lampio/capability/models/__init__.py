"""Digital capability of the city network: the maturity self-assessment, the roadmap tied to
the digital compass, and the library of pilots and what they taught."""

from lampio.capability.models.maturity import (
    LEVELS,
    AssessmentStatus,
    DimensionScore,
    Evidence,
    MaturityDimension,
    MaturityLevel,
    SelfAssessment,
)
from lampio.capability.models.pilots import (
    Lesson,
    PhaseKind,
    Pilot,
    PilotDocument,
    PilotPhase,
    PilotStatus,
    Webinar,
)
from lampio.capability.models.roadmap import (
    CompassPoint,
    Indicator,
    Initiative,
    InitiativeStatus,
    Measurement,
)

__all__ = [
    "LEVELS",
    "AssessmentStatus",
    "CompassPoint",
    "DimensionScore",
    "Evidence",
    "Indicator",
    "Initiative",
    "InitiativeStatus",
    "Lesson",
    "MaturityDimension",
    "MaturityLevel",
    "Measurement",
    "PhaseKind",
    "Pilot",
    "PilotDocument",
    "PilotPhase",
    "PilotStatus",
    "SelfAssessment",
    "Webinar",
]
