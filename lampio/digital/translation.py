from modeltranslation.translator import TranslationOptions, register

from lampio.digital.models import PackagePlan


@register(PackagePlan)
class PackagePlanTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)
