"""The provider's message to everyone enrolled in a session, before or after it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, PermissionDenied
from lampio.digital.audience import is_provider_staff
from lampio.digital.models import AudienceMessage
from lampio.offerings.models import EnrolmentStatus, Occurrence

MAX_SUBJECT = 150
MAX_BODY = 5000


def audience_ids(occurrence: Occurrence) -> list[int]:
    """The people with a confirmed enrolment (each once), who have an account still."""
    return sorted(
        set(
            occurrence.enrolments.filter(
                status=EnrolmentStatus.CONFIRMED, person__isnull=False
            ).values_list("person_id", flat=True)
        )
    )


def send_audience_message(
    *, actor: User, occurrence: Occurrence, subject: str, body: str
) -> AudienceMessage:
    """Record the message and email it to the enrolled audience after commit (audited)."""
    from lampio.digital import tasks_live

    if not is_provider_staff(actor, occurrence):
        raise PermissionDenied()
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject:
        raise InvalidInput(_("Write a subject."), field="subject")
    if len(subject) > MAX_SUBJECT:
        raise InvalidInput(
            _("The subject can be at most %(count)d characters long.") % {"count": MAX_SUBJECT},
            field="subject",
        )
    if not body:
        raise InvalidInput(_("Write the message."), field="body")
    if len(body) > MAX_BODY:
        raise InvalidInput(
            _("The message can be at most %(count)d characters long.") % {"count": MAX_BODY},
            field="body",
        )
    people = audience_ids(occurrence)
    with transaction.atomic(), set_actor(actor):
        message = AudienceMessage.objects.create(
            occurrence=occurrence,
            sent_by=actor,
            subject=subject,
            body=body,
            recipients=len(people),
        )
        transaction.on_commit(lambda: tasks_live.send_audience_message.enqueue(message.pk, people))
    return message
