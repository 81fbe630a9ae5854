from modeltranslation.translator import TranslationOptions, register

from lampio.capability.models import (
    Indicator,
    Initiative,
    MaturityDimension,
    MaturityLevel,
    Pilot,
    PilotPhase,
)


@register(MaturityDimension)
class MaturityDimensionTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)


@register(MaturityLevel)
class MaturityLevelTranslation(TranslationOptions):
    fields = ("description",)
    required_languages = ("fi",)


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("fi",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(Pilot)
class PilotTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("fi",)


@register(PilotPhase)
class PilotPhaseTranslation(TranslationOptions):
    fields = ("notes",)
