from modeltranslation.translator import TranslationOptions, register

from lampio.ideas.models import Board, Campaign, IdeaCategory, IdeaState, StrategyTheme


@register(Board)
class BoardTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("fi",)


@register(Campaign)
class CampaignTranslation(TranslationOptions):
    fields = ("title", "theme", "description")
    required_languages = ("fi",)


@register(IdeaCategory)
class IdeaCategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(IdeaState)
class IdeaStateTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(StrategyTheme)
class StrategyThemeTranslation(TranslationOptions):
    fields = ("name", "description", "keywords")
    required_languages = ("fi",)
