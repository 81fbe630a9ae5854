"""Contact details are personal data with a purpose that ends: once feedback has been closed for
the retention period, nobody needs to reach its writer any more. The register of all retention
rules (lampio/retention_policy.py) points here."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from lampio.core.retention import anonymise_in_batches
from lampio.feedback.models import Feedback
from lampio.feedback.personal_data import WRITER_ERASED


def contacts_closed_before(cutoff: datetime) -> QuerySet[Feedback]:
    """Feedback closed before `cutoff` that still says anything about its writer (an anonymous
    message may still carry an address given for a reply)."""
    says_who = (
        Q(author__isnull=False)
        | ~Q(pseudonym="")
        | ~Q(contact_name="")
        | ~Q(contact_email="")
        | ~Q(contact_phone="")
    )
    return Feedback.objects.filter(says_who, closed_at__lt=cutoff)


def erase_contacts_closed_before(cutoff: datetime) -> int:
    return anonymise_in_batches(contacts_closed_before(cutoff), changes=WRITER_ERASED)


def purge_old_contact_details(*, now: datetime | None = None) -> int:
    """Erase the writer's details of feedback closed before the retention period; the count."""
    cutoff = (now or timezone.now()) - timedelta(
        days=settings.LAMPIO_FEEDBACK_CONTACT_RETENTION_DAYS
    )
    return erase_contacts_closed_before(cutoff)
