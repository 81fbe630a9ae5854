"""The provider records how many people came to an occurrence once it has started.

Only the sum leaves the offerings app (lampio.insights); the change is written inside
`set_actor`, so the audit log records who recorded it."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput
from lampio.offerings.models import Occurrence, OccurrenceStatus
from lampio.offerings.services.catalogue import require_publisher

MAX_ATTENDANCE = 100_000


def record_attendance(
    *, actor: User, occurrence: Occurrence, attendance: int | None, now: datetime | None = None
) -> Occurrence:
    """Set (or, with None, clear) the head count of an occurrence that has started."""
    now = now or timezone.now()
    require_publisher(actor, occurrence)
    if attendance is not None and not 0 <= attendance <= MAX_ATTENDANCE:
        raise InvalidInput(_("Give the number of people as a whole number."), field="attendance")
    with transaction.atomic(), set_actor(actor):
        locked = Occurrence.objects.select_for_update().get(pk=occurrence.pk)
        if locked.status == OccurrenceStatus.CANCELLED:
            raise InvalidInput(_("This time was cancelled."), field="attendance")
        if locked.starts_at > now:
            raise InvalidInput(
                _("The number of people can be recorded once the time has started."),
                field="attendance",
            )
        locked.attendance = attendance
        locked.save(update_fields=["attendance"])
    occurrence.attendance = attendance
    return occurrence
