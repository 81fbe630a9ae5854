from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "lampio.insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from lampio.insights import audit, sweeps  # noqa: F401  (registration)
