"""Messages of the live side: the provider's message to a session's enrolled audience, by
email, or by text message to people who signed in with a mobile number only."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from lampio.accounts.models import User
from lampio.core.sms import send_sms
from lampio.digital.models import AudienceMessage
from lampio.digital.tasks import session_link


@task()
def send_audience_message(message_id: int, person_ids: list[int]) -> None:
    """One email per person, each in the person's own language (only the frame is translated:
    the provider wrote the message in one language)."""
    message = (
        AudienceMessage.objects.select_related("occurrence__offering__organisation")
        .filter(pk=message_id)
        .first()
    )
    if message is None:
        return
    people = User.objects.filter(pk__in=person_ids, is_active=True, deleted_at__isnull=True)
    for person in people:
        if person.email:
            context = {"message": message, "occurrence": message.occurrence}
            with translation.override(person.preferred_language):
                body = render_to_string("digital/includes/_chat_audience_email.txt", context)
            EmailMessage(subject=message.subject, body=body, to=[person.email]).send()
        elif person.phone:
            link = session_link(message.occurrence, person.preferred_language)
            send_sms(person.phone, f"Lämpiö: {message.subject}\n{message.body}\n{link}")
