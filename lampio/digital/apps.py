from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigitalConfig(AppConfig):
    name = "lampio.digital"
    verbose_name = _("Digital culture sessions")

    def ready(self) -> None:
        from lampio.digital import audit, personal_data  # noqa: F401  (registers hooks)
        from lampio.digital.services import packages  # noqa: F401  (order signals)
