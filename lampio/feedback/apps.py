from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "lampio.feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from lampio.feedback import audit, personal_data  # noqa: F401  (registers hooks)
