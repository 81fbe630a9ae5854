from modeltranslation.translator import TranslationOptions, register

from lampio.spaces.models import Equipment, OpeningException, Space, SpacePhoto, Venue


@register(Venue)
class VenueTranslation(TranslationOptions):
    fields = ("name", "description", "directions", "accessibility")
    required_languages = ("fi",)


@register(Space)
class SpaceTranslation(TranslationOptions):
    fields = ("name", "description", "terms", "access_instructions")
    required_languages = ("fi",)


@register(Equipment)
class EquipmentTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fi",)


@register(SpacePhoto)
class SpacePhotoTranslation(TranslationOptions):
    fields = ("alt_text",)
    required_languages = ("fi",)


@register(OpeningException)
class OpeningExceptionTranslation(TranslationOptions):
    fields = ("reason",)
