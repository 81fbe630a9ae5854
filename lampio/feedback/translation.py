from modeltranslation.translator import TranslationOptions, register

from lampio.feedback.models import FeedbackCategory, FeedbackState, ReplyTemplate


@register(FeedbackState)
class FeedbackStateTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(FeedbackCategory)
class FeedbackCategoryTranslation(TranslationOptions):
    fields = ("name", "description", "group")
    required_languages = ("fi",)


@register(ReplyTemplate)
class ReplyTemplateTranslation(TranslationOptions):
    fields = ("name", "body")
    required_languages = ("fi",)
