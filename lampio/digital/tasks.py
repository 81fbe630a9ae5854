"""Messages of taking part: the sign-in code, and reminders that open the session page.

Sent by the job queue after the change committed; each in the person's own language.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from lampio.core.sms import send_sms
from lampio.offerings.models import Enrolment, EnrolmentStatus, Occurrence

REMINDER_KINDS = {"day", "soon"}


def session_link(occurrence: Occurrence, language: str) -> str:
    """The absolute address of the session page, in `language`, for messages sent by jobs."""
    with translation.override(language):
        path = reverse("digital:session", kwargs={"occurrence_id": occurrence.pk})
    return f"{settings.LAMPIO_SITE_URL}{path}"


@task()
def send_sign_in_code(
    address: str, code: str, link: str, language: str, occurrence_id: int | None
) -> None:
    occurrence = (
        Occurrence.objects.select_related("offering").filter(pk=occurrence_id).first()
        if occurrence_id
        else None
    )
    context = {"code": code, "link": link, "occurrence": occurrence}
    with translation.override(language):
        if address.startswith("+"):
            text = render_to_string("digital/email/signin_code_sms.txt", context).strip()
        else:
            subject = render_to_string("digital/email/signin_code_subject.txt", context).strip()
            body = render_to_string("digital/email/signin_code.txt", context)
    if address.startswith("+"):
        send_sms(address, text)
    else:
        EmailMessage(subject=subject, body=body, to=[address]).send()


def deliver_session_reminder(enrolment_id: int, kind: str) -> None:
    """Remind a confirmed person of their session: the day before ("day") or 15 minutes
    before ("soon"), with the link that opens the session page directly."""
    enrolment = (
        Enrolment.objects.select_related("occurrence__offering__organisation", "person")
        .filter(pk=enrolment_id, status=EnrolmentStatus.CONFIRMED)
        .first()
    )
    person = enrolment.person if enrolment else None
    if enrolment is None or person is None or kind not in REMINDER_KINDS:
        return
    if not person.is_active or not (person.email or person.phone):
        return
    language = person.preferred_language
    context = {
        "enrolment": enrolment,
        "occurrence": enrolment.occurrence,
        "offering": enrolment.occurrence.offering,
        "person": person,
        "kind": kind,
        "link": session_link(enrolment.occurrence, language),
    }
    with translation.override(language):
        if person.email:
            subject = render_to_string("digital/email/reminder_subject.txt", context).strip()
            body = render_to_string("digital/email/reminder.txt", context)
        else:
            text = render_to_string("digital/email/reminder_sms.txt", context).strip()
    # By email when the person has one; a person with only a mobile phone gets a text message.
    if person.email:
        EmailMessage(subject=subject, body=body, to=[person.email]).send()
    elif person.phone:
        send_sms(person.phone, text)


@task()
def send_session_reminder(enrolment_id: int, kind: str) -> None:
    deliver_session_reminder(enrolment_id, kind)
