from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lampio.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core.signals import request_finished

        from lampio.core.logging import forget_request_id

        request_finished.connect(forget_request_id, dispatch_uid="lampio.forget_request_id")
