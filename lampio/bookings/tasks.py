"""Messages about bookings, sent after the transaction that changed the booking has committed."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from lampio.bookings.ical import booking_ics
from lampio.bookings.models import Booking

SUBJECT_TEMPLATES = {
    "created": "bookings/email/created_subject.txt",
    "approved": "bookings/email/approved_subject.txt",
    "denied": "bookings/email/denied_subject.txt",
    "cancelled": "bookings/email/cancelled_subject.txt",
}


@task()
def send_booking_message(booking_id: int, event: str) -> None:
    """Email the booker in their own language; confirmations carry the .ics file."""
    booking = Booking.objects.select_related("space__venue", "booker").filter(pk=booking_id).first()
    if booking is None or booking.booker is None or event not in SUBJECT_TEMPLATES:
        return
    if not booking.booker.email:
        return  # a person known only by a mobile number: bookings are not told by text message
    with translation.override(booking.booker.preferred_language):
        context = {"booking": booking, "event": event}
        subject = render_to_string(SUBJECT_TEMPLATES[event], context).strip()
        body = render_to_string("bookings/email/message.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[booking.booker.email])
    if event in {"created", "approved"}:
        message.attach("booking.ics", booking_ics(booking), "text/calendar")
    message.send()
