from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "lampio.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from lampio.bookings import (  # noqa: F401  (registrations)
            audit,
            messages,
            messages_reminders,
            messages_waitlist,
            personal_data,
            sweeps,
        )
