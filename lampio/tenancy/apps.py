from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "lampio.tenancy"
    label = "tenancy"
    verbose_name = _("Municipalities and organisations")

    def ready(self) -> None:
        from lampio.tenancy import audit, personal_data  # noqa: F401  (registrations)
