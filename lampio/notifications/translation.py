from modeltranslation.translator import TranslationOptions, register

from lampio.notifications.models import MessageTemplate


@register(MessageTemplate)
class MessageTemplateTranslation(TranslationOptions):
    fields = ("subject", "body", "sms")
