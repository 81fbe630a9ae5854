from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "lampio.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from lampio.notifications import audit, personal_data, sweeps  # noqa: F401  (registers hooks)
