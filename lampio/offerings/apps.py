from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfferingsConfig(AppConfig):
    name = "lampio.offerings"
    verbose_name = _("Culture offerings")

    def ready(self) -> None:
        from lampio.offerings import audit, personal_data  # noqa: F401  (registers hooks)
