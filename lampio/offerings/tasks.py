"""Messages about enrolments, occurrences and group orders, sent after the change committed.

Each message is rendered in the recipient's own language.
"""

from __future__ import annotations

from datetime import datetime

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from lampio.accounts.models import User
from lampio.core.sms import send_sms
from lampio.offerings.models import (
    ACTIVE_ENROLMENT,
    Enrolment,
    GroupOrder,
    Occurrence,
    OrderStatus,
)

ENROLMENT_EVENTS = {"confirmed", "waitlisted", "promoted", "cancelled", "reminder"}
OCCURRENCE_EVENTS = {"cancelled", "postponed", "rescheduled", "moved_online"}
ORDER_EVENTS = {"placed", "accepted", "declined", "proposed", "cancelled", "proposal_accepted"}


def _starts_at(context: dict[str, object]) -> datetime | None:
    """When the time a message is about starts, if it is about one."""
    occurrence = context.get("occurrence")
    for holder in (context.get("enrolment"), context.get("order")):
        occurrence = occurrence or getattr(holder, "occurrence", None)
    return occurrence.starts_at if isinstance(occurrence, Occurrence) else None


def _send(person: User, template: str, context: dict[str, object], ics: bytes | None) -> None:
    """Email the person; one with only a mobile number gets the subject line as a text message
    (with the time, when the message is about one); one with neither gets nothing."""
    if not person.email and not person.phone:
        return
    with translation.override(person.preferred_language):
        subject = render_to_string(f"offerings/email/{template}_subject.txt", context).strip()
        if not person.email:
            text = render_to_string(
                "offerings/email/short_sms.txt",
                {"subject": subject, "starts_at": _starts_at(context)},
            ).strip()
        else:
            body = render_to_string(f"offerings/email/{template}.txt", context)
    if not person.email:
        send_sms(str(person.phone), text)
        return
    message = EmailMessage(subject=subject, body=body, to=[person.email])
    if ics is not None:
        message.attach("lampio.ics", ics, "text/calendar")
    message.send()


@task()
def send_enrolment_message(enrolment_id: int, event: str) -> None:
    from lampio.offerings.ical import occurrence_ics

    enrolment = (
        Enrolment.objects.select_related("occurrence__offering__venue", "person")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or enrolment.person is None or event not in ENROLMENT_EVENTS:
        return
    if event == "reminder" and enrolment.occurrence.offering.is_online:
        # An online session is reminded with the link that opens its own page.
        from lampio.digital.tasks import deliver_session_reminder

        deliver_session_reminder(enrolment.pk, "day")
        return
    attach = event in {"confirmed", "promoted"}
    ics = occurrence_ics(enrolment.occurrence, uid=str(enrolment.feed_token)) if attach else None
    _send(enrolment.person, "enrolment", {"enrolment": enrolment, "event": event}, ics)


@task()
def send_occurrence_notice(occurrence_id: int, event: str) -> None:
    """Tell everyone enrolled, and every unit with an accepted order, that the time changed."""
    occurrence = (
        Occurrence.objects.select_related("offering__venue").filter(pk=occurrence_id).first()
    )
    if occurrence is None or event not in OCCURRENCE_EVENTS:
        return
    enrolled = occurrence.enrolments.filter(status__in=ACTIVE_ENROLMENT).select_related("person")
    orders = occurrence.orders.filter(status=OrderStatus.ACCEPTED).select_related("ordered_by")
    people = [enrolment.person for enrolment in enrolled] + [order.ordered_by for order in orders]
    seen: set[int] = set()
    for person in people:
        if person is None or person.pk in seen:
            continue
        seen.add(person.pk)
        _send(person, "occurrence", {"occurrence": occurrence, "event": event}, None)


@task()
def send_order_message(order_id: int, event: str) -> None:
    """Decisions go to the person who ordered; new orders to the provider's contact address."""
    order = (
        GroupOrder.objects.select_related(
            "offering__organisation", "occurrence", "ordered_by", "unit"
        )
        .filter(pk=order_id)
        .first()
    )
    if order is None or event not in ORDER_EVENTS:
        return
    context = {"order": order, "event": event}
    if event == "placed" and order.offering.organisation.email:
        with translation.override("fi"):
            subject = render_to_string("offerings/email/order_subject.txt", context).strip()
            body = render_to_string("offerings/email/order.txt", context)
        EmailMessage(subject=subject, body=body, to=[order.offering.organisation.email]).send()
        return
    if order.ordered_by is not None:
        _send(order.ordered_by, "order", context, None)
