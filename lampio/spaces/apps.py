from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "lampio.spaces"
    label = "spaces"
    verbose_name = _("Venues and spaces")

    def ready(self) -> None:
        from lampio.spaces import audit  # noqa: F401  (registers models with auditlog)
