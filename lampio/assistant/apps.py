from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "lampio.assistant"
    verbose_name = _("Service assistant")

    def ready(self) -> None:
        from lampio.assistant import audit, personal_data  # noqa: F401  (registers hooks)
