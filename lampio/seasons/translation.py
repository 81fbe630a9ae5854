from modeltranslation.translator import TranslationOptions, register

from lampio.seasons.models import ApplicationRound, PriorityClass


@register(ApplicationRound)
class ApplicationRoundTranslation(TranslationOptions):
    fields = ("name", "criteria")
    required_languages = ("fi",)


@register(PriorityClass)
class PriorityClassTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)
