from modeltranslation.translator import TranslationOptions, register

from lampio.offerings.models import Keyword, Occurrence, Offering, OfferingImage


@register(Keyword)
class KeywordTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(Offering)
class OfferingTranslation(TranslationOptions):
    fields = ("title", "short_description", "description", "accessibility", "price_info")
    required_languages = ("fi",)


@register(OfferingImage)
class OfferingImageTranslation(TranslationOptions):
    fields = ("alt_text",)
    required_languages = ("fi",)


@register(Occurrence)
class OccurrenceTranslation(TranslationOptions):
    fields = ("notice",)
