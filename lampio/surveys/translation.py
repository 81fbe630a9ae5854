from modeltranslation.translator import TranslationOptions, register

from lampio.surveys.models import (
    Choice,
    MatrixRow,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Round,
)


@register(Questionnaire)
class QuestionnaireTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("fi",)


@register(QuestionnaireVersion)
class QuestionnaireVersionTranslation(TranslationOptions):
    fields = ("intro",)


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help_text", "min_label", "max_label")
    required_languages = ("fi",)


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("fi",)


@register(MatrixRow)
class MatrixRowTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("fi",)


@register(Round)
class RoundTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("fi",)
