from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "lampio.surveys"
    verbose_name = _("Visitor survey")
