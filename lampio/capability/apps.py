from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapabilityConfig(AppConfig):
    name = "lampio.capability"
    verbose_name = _("Digital capability")

    def ready(self) -> None:
        from lampio.capability import audit  # noqa: F401  (registers audit hooks)
