from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeasonsConfig(AppConfig):
    name = "lampio.seasons"
    label = "seasons"
    verbose_name = _("Seasonal application rounds")

    def ready(self) -> None:
        from lampio.seasons import audit, messages, personal_data  # noqa: F401  (registrations)
