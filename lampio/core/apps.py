from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lampio.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core.signals import request_finished

        from lampio.core import (
            jobs,  # noqa: F401  (registers the parked-jobs sweep)
            lookups,  # noqa: F401  (registers `__any`)
        )
        from lampio.core.audit_context import connect_receiver
        from lampio.core.logging import forget_request_id

        connect_receiver()

        request_finished.connect(forget_request_id, dispatch_uid="lampio.forget_request_id")

        from lampio.core.retention import run_retention_sweep
        from lampio.core.schedule import register_sweep

        # Once a day: periods are counted in days, and a late run only delays anonymising.
        register_sweep("core.anonymise_expired", run_retention_sweep, every_seconds=86400)
