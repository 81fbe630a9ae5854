"""Messages to the writer: the receipt with the tracking link, and the staff's answer.

Sent by the job queue after the change committed, in the language the feedback was written in.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from lampio.feedback.models import Feedback, FeedbackEvent


def tracking_link(feedback: Feedback) -> str:
    """The absolute tracking address, in the writer's language, for messages sent by jobs."""
    with translation.override(feedback.language):
        path = reverse("feedback:track", kwargs={"feedback_token": feedback.tracking_token})
    return f"{settings.LAMPIO_SITE_URL}{path}"


def _send(feedback: Feedback, template: str, context: dict[str, object]) -> None:
    context = {**context, "feedback": feedback, "link": tracking_link(feedback)}
    with translation.override(feedback.language):
        subject = render_to_string(f"feedback/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"feedback/email/{template}.txt", context)
    EmailMessage(subject=subject, body=body, to=[feedback.contact_email]).send()


@task()
def send_receipt(feedback_id: int) -> None:
    feedback = Feedback.objects.select_related("category").filter(pk=feedback_id).first()
    if feedback is None or not feedback.contact_email:
        return
    _send(feedback, "receipt", {})


@task()
def send_reply(event_id: int) -> None:
    event = (
        FeedbackEvent.objects.select_related("feedback__category", "feedback__organisation")
        .filter(pk=event_id)
        .first()
    )
    if event is None or not event.feedback.contact_email:
        return
    _send(event.feedback, "reply", {"reply": event})
