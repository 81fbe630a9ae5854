"""Contact details are personal data with a purpose that ends: once feedback has been closed for
the retention period, nobody needs to reach its writer any more."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from lampio.feedback.models import Feedback, Identity
from lampio.feedback.personal_data import WRITER_ERASED


def purge_old_contact_details(*, now: datetime | None = None) -> int:
    """Erase the writer's details of feedback closed before the retention period; the count."""
    cutoff = (now or timezone.now()) - timedelta(
        days=settings.LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS
    )
    return (
        Feedback.objects.filter(closed_at__lt=cutoff)
        .exclude(identity=Identity.ANONYMOUS)
        .update(**WRITER_ERASED)
    )
