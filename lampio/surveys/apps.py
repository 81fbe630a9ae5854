from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "lampio.surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from lampio.surveys import audit  # noqa: F401  (registers audit hooks)
        from lampio.surveys.engine import messages, sweeps  # noqa: F401  (round reminders)
