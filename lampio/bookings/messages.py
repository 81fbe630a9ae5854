"""Message kinds of bookings (confirmations with access codes), and queueing them.

`booking_message(booking, event)` is called by the booking services inside the transaction of
the change; the notifications outbox sends after commit. Times are written out in the
recipient's language and in Helsinki time, so every channel (and staff's own templates) gets
them ready to print.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.bookings.access import access_for
from lampio.bookings.ical import booking_ics
from lampio.bookings.models import Booking, BookingStatus, DoorSync
from lampio.core.phones import normalise_mobile
from lampio.core.timeranges import LOCAL_ZONE
from lampio.notifications.registry import MessageKind, register
from lampio.notifications.services import notify
from lampio.tenancy.models import Membership, Role

EVENTS = ("created", "approved", "denied", "cancelled", "moved")
# Confirmations carry the booking as a calendar file.
WITH_CALENDAR = {"created", "approved", "moved"}

GREETING = _("Hello {{ name }},")
DETAILS = _(
    "Space: {{ space }}, {{ venue }}\n"
    "Time: {{ time }}\n"
    "Address: {{ address }}\n"
    "Purpose: {{ purpose }}"
)
DIRECTIONS = _("{% if directions %}How to get there: {{ directions }}{% endif %}")
ACCESS = _(
    "{% if code %}Your personal door code: {{ code }}\n"
    "It works from {{ valid_from }} to {{ valid_until }}.\n{% endif %}"
    "{% if access %}Getting in: {{ access }}{% endif %}"
    "{% if instructions %}\n{{ instructions }}{% endif %}"
)
LINK = _("See the booking in Lämpiö: {{ url }}")
SIGNATURE = _("Lämpiö – culture services of your city")
SMS_CODE = _(
    "{% if sms_code %}Lämpiö: {{ space }} {{ time }}. Your door code {{ code }} works "
    "{{ valid_from }}–{{ valid_until }}.{% endif %}"
)


def _body(opening: Any, *parts: Any) -> Any:
    """Greeting, the event's own sentence, then the common parts, a blank line between each."""
    pieces = [GREETING, opening, *parts, SIGNATURE]
    return format_lazy("\n\n".join("{}" for _piece in pieces), *pieces)


SAMPLE = {
    "name": "Maija Meikäläinen",
    "space": "Sali 1",
    "venue": "Kulttuuritalo",
    "address": "Kirkkokatu 1, 90100 Oulu",
    "time": "ti 1.12.2026 18.00–20.00",
    "starts": "ti 1.12.2026 18.00",
    "ends": "ti 1.12.2026 20.00",
    "status": "Vahvistettu",
    "purpose": "Kuoroharjoitus",
    "directions": "Sisäänkäynti pihan puolelta.",
    "requested": False,
    "code": "48151623",
    "sms_code": True,
    "valid_from": "ti 1.12. 17.45",
    "valid_until": "ti 1.12. 20.00",
    "access": "Henkilökohtainen ovikoodi",
    "instructions": "Näppäimistö on pääoven oikealla puolella.",
    "reason": "Sali on varattu konserttiin.",
    "url": "https://lampio.example.fi/fi/bookings/1/",
}

KINDS = [
    MessageKind(
        key="bookings.created",
        label=_("Booking made (confirmation or request received)"),
        essential=True,
        subject=_(
            "{% if requested %}Booking request received: {{ space }}"
            "{% else %}Booking confirmed: {{ space }}{% endif %}"
        ),
        body=_body(
            _(
                "{% if requested %}We received your booking request. The staff of the space "
                "will handle it, and you will get a message when they have decided."
                "{% else %}Your booking is confirmed.{% endif %}"
            ),
            DETAILS,
            DIRECTIONS,
            ACCESS,
            LINK,
        ),
        sms=SMS_CODE,
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.approved",
        label=_("Booking request approved"),
        essential=True,
        subject=_("Booking confirmed: {{ space }}"),
        body=_body(_("Your booking is confirmed."), DETAILS, DIRECTIONS, ACCESS, LINK),
        sms=SMS_CODE,
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.denied",
        label=_("Booking request denied"),
        essential=True,
        subject=_("Booking request denied: {{ space }}"),
        body=_body(
            _(
                "Unfortunately your booking request was denied."
                "{% if reason %}\nReason: {{ reason }}{% endif %}"
            ),
            DETAILS,
        ),
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.cancelled",
        label=_("Booking cancelled"),
        essential=True,
        subject=_("Booking cancelled: {{ space }}"),
        body=_body(
            _(
                "Your booking has been cancelled."
                "{% if code %} Its door code no longer works.{% endif %}"
            ),
            DETAILS,
        ),
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.moved",
        label=_("Booking moved to another time"),
        essential=True,
        subject=_("Booking moved: {{ space }}"),
        body=_body(
            _("Your booking has been moved. The new time is below."),
            DETAILS,
            DIRECTIONS,
            ACCESS,
            LINK,
        ),
        sms=SMS_CODE,
        sample=SAMPLE,
    ),
    MessageKind(
        key="access.door_down",
        label=_("Door system is not answering (to the organisation's admins)"),
        essential=True,
        subject=_("Door system not answering: {{ organisation }}"),
        body=_(
            "Lämpiö could not send a door code change to your lock vendor after several "
            "attempts.\n\nDoor: {{ door }}\nError: {{ error }}\n\nThe booking stays valid and "
            "its code is shown to the booker, but the door may not know it. Check the lock "
            "vendor's service, then retry or mark the alert handled:\n{{ url }}"
        ),
        sample={
            "organisation": "Oulun kulttuuritalo",
            "door": "main-door",
            "error": "timeout",
            "url": "https://lampio.example.fi/fi/staff/oulu/kulttuuritalo/access/",
        },
    ),
]
for _kind in KINDS:
    register(_kind)


def _local(moment: datetime, pattern: str) -> str:
    return format_date(moment.astimezone(LOCAL_ZONE), pattern)


def finnish_mobile(person: User) -> str | None:
    """The person's number if it can receive a text message in Finland, else None."""
    number = normalise_mobile(person.phone or "")
    return number if number and number.startswith("+358") else None


def booking_context(booking: Booking, *, recipient: User, language: str) -> dict[str, Any]:
    """What the booking's messages may say, written out in `language` and Helsinki time."""
    space, venue = booking.space, booking.space.venue
    with translation.override(language):
        access = access_for(booking, viewer=recipient)
        same_day = _local(booking.starts_at, "Ymd") == _local(booking.ends_at, "Ymd")
        ends = _local(booking.ends_at, "H.i" if same_day else "D j.n.Y H.i")
        path = reverse("bookings:detail", kwargs={"booking_id": booking.pk})
        return {
            "name": recipient.display_name,
            "space": space.name,
            "venue": venue.name,
            "address": f"{venue.street_address}, {venue.postal_code} {venue.post_office}",
            "directions": venue.directions or "",
            "starts": _local(booking.starts_at, "D j.n.Y H.i"),
            "ends": _local(booking.ends_at, "D j.n.Y H.i"),
            "time": f"{_local(booking.starts_at, 'D j.n.Y H.i')}–{ends}",
            "status": str(BookingStatus(booking.status).label),
            "requested": booking.status == BookingStatus.REQUESTED,
            "purpose": booking.purpose,
            "reason": booking.decision_reason,
            "code": access.code or "",
            "sms_code": bool(access.code) and finnish_mobile(recipient) is not None,
            "valid_from": _local(access.valid_from, "D j.n. H.i") if access.valid_from else "",
            "valid_until": _local(access.valid_until, "D j.n. H.i") if access.valid_until else "",
            "access": access.method_label if booking.status != BookingStatus.DENIED else "",
            "instructions": access.instructions,
            "url": f"{settings.LAMPIO_SITE_URL}{path}",
        }


def booking_message(booking: Booking, event: str, *, new: bool = False) -> None:
    """Queue the booker's message about `event`; call inside the change's transaction.

    `new`: the booking was inserted in this transaction, so no message of it can exist yet.
    """
    recipient = booking.booker
    if recipient is None or event not in EVENTS:
        return
    language = recipient.preferred_language or "fi"
    attachments = None
    if event in WITH_CALENDAR:
        attachments = [
            {
                "name": "booking.ics",
                "content_type": "text/calendar",
                "content": booking_ics(booking).decode(),
            }
        ]
    # A move may happen many times; the other events once per booking. A new booking needs no
    # key: the check would cost a savepoint around the insert, for a message that cannot exist.
    dedupe = "" if event == "moved" or new else f"booking:{booking.pk}:{event}"
    notify(
        recipient=recipient,
        key=f"bookings.{event}",
        context=booking_context(booking, recipient=recipient, language=language),
        organisation_id=booking.space.venue.organisation_id,
        dedupe_key=dedupe,
        attachments=attachments,
    )


def door_down(sync: DoorSync, *, reason: str, now: datetime) -> None:
    """Tell the organisation's admins, once a day each, that the vendor is not answering."""
    organisation = sync.organisation
    admins = User.objects.filter(
        pk__in=Membership.objects.filter(organisation=organisation, role=Role.ADMIN).values(
            "user_id"
        )
    )
    kwargs = {"municipality": organisation.municipality.slug, "organisation": organisation.slug}
    for admin in admins:
        with translation.override(admin.preferred_language or "fi"):
            path = reverse("access_staff:page", kwargs=kwargs)
        notify(
            recipient=admin,
            key="access.door_down",
            context={
                "organisation": organisation.name,
                "door": sync.payload.get("door", ""),
                "error": reason,
                "url": f"{settings.LAMPIO_SITE_URL}{path}",
            },
            organisation_id=organisation.pk,
            dedupe_key=f"door-down:{organisation.pk}:{now:%Y-%m-%d}:{admin.pk}",
        )


# The series' own kinds live beside these; importing registers them with the app.
from lampio.bookings import messages_series  # noqa: E402,F401
