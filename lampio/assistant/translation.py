from modeltranslation.translator import TranslationOptions, register

from lampio.assistant.models import AnswerOverride, KnowledgeEntry


@register(KnowledgeEntry)
class KnowledgeEntryTranslation(TranslationOptions):
    fields = ("title", "answer")
    required_languages = ("fi",)


@register(AnswerOverride)
class AnswerOverrideTranslation(TranslationOptions):
    fields = ("answer",)
    required_languages = ("fi",)
