"""Message kinds of reminders and feedback requests, and the context each is written with.

Both are non-essential: they stop when the person unsubscribes. Times are written out in the
recipient's language and Helsinki time, like the booking messages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lampio.bookings.access import access_for
from lampio.bookings.models import Booking
from lampio.core.timeranges import LOCAL_ZONE
from lampio.notifications.registry import MessageKind, register

REMINDER = register(
    MessageKind(
        key="bookings.reminder",
        label=_("Reminder a day before a booking"),
        essential=False,
        subject=_("Reminder: {{ space }} {{ time }}"),
        body=_(
            "Hello {{ name }},\n\n"
            "A reminder of your booking.\n\n"
            "Space: {{ space }}, {{ venue }}\n"
            "Address: {{ address }}\n"
            "Time: {{ time }}\n"
            "{{ access }}\n\n"
            "If you cannot come, please cancel so that someone else can use the time:\n"
            "{{ url }}\n\n"
            "Lämpiö – culture services of your city"
        ),
        sms=_("Lämpiö: reminder: {{ space }} {{ time }}. {{ access }}"),
        sample={
            "name": "Maija Meikäläinen",
            "space": "Sali 1",
            "venue": "Kulttuuritalo",
            "address": "Kirkkokatu 1, Oulu",
            "time": "ti 1.12.2026 18.00–20.00",
            "access": "Ovikoodisi: 12345678 (toimii 17.45 alkaen)",
            "url": "https://lampio.example.fi/fi/bookings/1/",
        },
    )
)

FEEDBACK_REQUEST = register(
    MessageKind(
        key="bookings.feedback_request",
        label=_("Request for quick feedback after a booking"),
        essential=False,
        subject=_("How was {{ space }}?"),
        body=_(
            "Hello {{ name }},\n\n"
            "Thank you for using {{ space }}, {{ venue }} on {{ time }}.\n\n"
            "How did it go? Give a grade from 1 to 5 and, if you like, a comment. It takes a "
            "minute, and the staff of the space read every answer:\n{{ url }}\n\n"
            "Lämpiö – culture services of your city"
        ),
        sample={
            "name": "Maija Meikäläinen",
            "space": "Sali 1",
            "venue": "Kulttuuritalo",
            "time": "ti 1.12.2026 18.00–20.00",
            "url": "https://lampio.example.fi/fi/bookings/feedback/0b7e…/",
        },
    )
)


def _local(booking: Booking, pattern: str, *, end: bool = False) -> str:
    return format_date(
        (booking.ends_at if end else booking.starts_at).astimezone(LOCAL_ZONE), pattern
    )


def time_text(booking: Booking) -> str:
    """ "ti 1.12.2026 18.00–20.00", the end's date only when it is another day."""
    same_day = _local(booking, "Ymd") == _local(booking, "Ymd", end=True)
    ends = _local(booking, "H.i" if same_day else "D j.n.Y H.i", end=True)
    return f"{_local(booking, 'D j.n.Y H.i')}–{ends}"


def access_line(booking: Booking) -> str:
    """The booker's door code and from when it works; empty if the booking has none."""
    if booking.booker is None:
        return ""
    info = access_for(booking, viewer=booking.booker)
    if not info.code or info.valid_from is None:
        return ""
    opens = format_date(info.valid_from.astimezone(LOCAL_ZONE), "H.i")
    return gettext("Your door code: %(code)s (works from %(time)s)") % {
        "code": info.code,
        "time": opens,
    }


def reminder_context(booking: Booking, language: str) -> dict[str, Any]:
    venue = booking.space.venue
    with translation.override(language):
        path = reverse("bookings:detail", kwargs={"booking_id": booking.pk})
        name = booking.booker.display_name if booking.booker else ""
        return {
            "name": name,
            "space": booking.space.name,
            "venue": venue.name,
            "address": f"{venue.street_address}, {venue.post_office}",
            "time": time_text(booking),
            "access": access_line(booking),
            "url": f"{settings.LAMPIO_SITE_URL}{path}",
        }


def feedback_request_context(booking: Booking, language: str) -> dict[str, Any]:
    with translation.override(language):
        path = reverse("booking_review:give", kwargs={"booking_token": booking.feed_token})
        return {
            "name": booking.booker.display_name if booking.booker else "",
            "space": booking.space.name,
            "venue": booking.space.venue.name,
            "time": time_text(booking),
            "url": f"{settings.LAMPIO_SITE_URL}{path}",
        }
