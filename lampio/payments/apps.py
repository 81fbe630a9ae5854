from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "lampio.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self) -> None:
        from lampio.payments import (  # noqa: F401  (registrations)
            audit,
            booking_hooks,
            messages,
            offering_hooks,
            personal_data,
            sweeps,
        )
