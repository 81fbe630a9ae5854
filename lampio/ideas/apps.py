from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "lampio.ideas"
    verbose_name = _("Ideas")

    def ready(self) -> None:
        from lampio.ideas import audit, messages, personal_data  # noqa: F401  (registers hooks)
