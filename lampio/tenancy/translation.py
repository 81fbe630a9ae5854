from modeltranslation.translator import TranslationOptions, register

from lampio.tenancy.models import Municipality, Organisation


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name", "coat_of_arms_alt")
    required_languages = ("fi",)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("fi",)
