"""Message kinds of recurring series: one message for the whole series, never one per date.

`series_message(series, event, ...)` is called by the series services inside the transaction of
the change; the notifications outbox sends after commit. Dates are written out in the
recipient's language, times in Helsinki wall-clock time (the same all season, DST or not).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.bookings.models import BookingSeries
from lampio.notifications.registry import MessageKind, register
from lampio.notifications.services import notify
from lampio.spaces.models import AccessMethod
from lampio.tenancy.models import Membership, Role

EVENTS = ("series_created", "series_approved", "series_denied", "series_cancelled")
# What a left-out date's reason reads as, in the recipient's language.
REASONS = {
    "closed": _("the space is closed"),
    "taken": _("the time is already booked"),
    "exception": _("left out by you"),
}
WEEKDAYS = {
    1: _("Mondays"),
    2: _("Tuesdays"),
    3: _("Wednesdays"),
    4: _("Thursdays"),
    5: _("Fridays"),
    6: _("Saturdays"),
    7: _("Sundays"),
}

PATTERN = _(
    "Space: {{ space }}, {{ venue }}\n"
    "Address: {{ address }}\n"
    "When: {{ pattern }}, {{ time }}\n"
    "Purpose: {{ purpose }}"
)
DATES = _("Booked dates ({{ count }}):\n{{ dates }}")
SKIPPED = _("{% if skipped %}Dates left out:\n{{ skipped }}{% endif %}")
CODE = _(
    "{% if code %}Your door code for every date of the series: {{ code }}\n"
    "It works shortly before and after each booked time.{% endif %}"
)
LINK = _("See the series in Lämpiö: {{ url }}")
SIGNATURE = _("Lämpiö – culture services of your city")

SAMPLE = {
    "name": "Maija Meikäläinen",
    "space": "Sali 1",
    "venue": "Kulttuuritalo",
    "address": "Kirkkokatu 1, 90100 Oulu",
    "pattern": "tiistaisin joka viikko 1.9.2026–31.5.2027",
    "time": "18.00–20.00",
    "purpose": "Kuoroharjoitus",
    "requested": False,
    "count": 3,
    "dates": "ti 1.9.2026\nti 8.9.2026\nti 15.9.2026",
    "skipped": "ti 6.12.2026 (tila on suljettu)",
    "code": "48151623",
    "reason": "Sali on varattu konserttiin.",
    "url": "https://lampio.example.fi/fi/bookings/series/1/",
}


def _body(opening: Any, *parts: Any) -> Any:
    """Greeting, the event's own sentence, then the common parts, a blank line between each."""
    pieces = [_("Hello {{ name }},"), opening, *parts, SIGNATURE]
    return format_lazy("\n\n".join("{}" for _piece in pieces), *pieces)


KINDS = [
    MessageKind(
        key="bookings.series_created",
        label=_("Recurring series booked (confirmation or request received)"),
        essential=True,
        subject=_(
            "{% if requested %}Request for a recurring time received: {{ space }}"
            "{% else %}Recurring time confirmed: {{ space }}{% endif %}"
        ),
        body=_body(
            _(
                "{% if requested %}We received your request for a recurring time. The staff of "
                "the space will handle all its dates together, and you will get a message when "
                "they have decided.{% else %}Your recurring time is confirmed.{% endif %}"
            ),
            PATTERN,
            DATES,
            SKIPPED,
            CODE,
            LINK,
        ),
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.series_approved",
        label=_("Request for a recurring time approved"),
        essential=True,
        subject=_("Recurring time confirmed: {{ space }}"),
        body=_body(_("Your recurring time is confirmed."), PATTERN, DATES, CODE, LINK),
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.series_denied",
        label=_("Request for a recurring time denied"),
        essential=True,
        subject=_("Request for a recurring time denied: {{ space }}"),
        body=_body(
            _(
                "Unfortunately your request for a recurring time was denied."
                "{% if reason %}\nReason: {{ reason }}{% endif %}"
            ),
            PATTERN,
        ),
        sample=SAMPLE,
    ),
    MessageKind(
        key="bookings.series_cancelled",
        label=_("Dates of a recurring time cancelled"),
        essential=True,
        subject=_("Recurring time cancelled: {{ space }}"),
        body=_body(
            _(
                "These dates of your recurring time have been cancelled."
                "{% if code %} The door code no longer works on them.{% endif %}"
            ),
            PATTERN,
            _("Cancelled dates ({{ count }}):\n{{ dates }}"),
            LINK,
        ),
        sample=SAMPLE,
    ),
]
for _kind in KINDS:
    register(_kind)


def _day(day: date) -> str:
    return format_date(day, "D j.n.Y")


def pattern_text(series: BookingSeries) -> str:
    """E.g. "Tuesdays, Thursdays, every 2 weeks, 1.9.2026–31.5.2027" in the active language."""
    days = ", ".join(str(WEEKDAYS[day]) for day in sorted(series.weekdays))
    if series.interval_weeks == 1:
        every = gettext("every week")
    else:
        every = gettext("every %(count)d weeks") % {"count": series.interval_weeks}
    span = f"{format_date(series.first_date, 'j.n.Y')}–{format_date(series.last_date, 'j.n.Y')}"
    return f"{days}, {every}, {span}"


def skipped_lines(series: BookingSeries) -> list[str]:
    return [
        f"{_day(date.fromisoformat(item['date']))} ({REASONS.get(item['reason'], item['reason'])})"
        for item in series.skipped_dates
    ]


def recipients(series: BookingSeries) -> list[User]:
    """The booker; a series only for an organisation goes to that organisation's admins."""
    if series.booker is not None:
        return [series.booker]
    if series.for_organisation_id is None:
        return []
    admins = Membership.objects.filter(
        organisation_id=series.for_organisation_id, role=Role.ADMIN
    ).values("user_id")
    return list(User.objects.filter(pk__in=admins))


def series_context(
    series: BookingSeries, *, recipient: User, language: str, dates: Sequence[date]
) -> dict[str, Any]:
    space, venue = series.space, series.space.venue
    with translation.override(language):
        path = reverse("series:detail", kwargs={"series_pk": series.pk})
        show_code = space.access_method == AccessMethod.CODE and bool(series.access_code)
        return {
            "name": recipient.display_name,
            "space": space.name,
            "venue": venue.name,
            "address": f"{venue.street_address}, {venue.postal_code} {venue.post_office}",
            "pattern": pattern_text(series),
            "time": f"{series.starts_time:%H.%M}–{series.ends_time:%H.%M}",
            "purpose": series.purpose,
            "count": len(dates),
            "dates": "\n".join(_day(day) for day in dates),
            "skipped": "\n".join(skipped_lines(series)),
            "code": series.access_code if show_code else "",
            "url": f"{settings.LAMPIO_SITE_URL}{path}",
        }


def series_message(
    series: BookingSeries,
    event: str,
    *,
    dates: Sequence[date],
    requested: bool = False,
    reason: str = "",
) -> None:
    """Queue one message about `event` to the series' people; call inside the transaction."""
    if event not in EVENTS:
        return
    # Cancelling may happen several times (a date, then the rest); the others once per series.
    dedupe = "" if event == "series_cancelled" else f"series:{series.pk}:{event}"
    for recipient in recipients(series):
        language = recipient.preferred_language or "fi"
        context = series_context(series, recipient=recipient, language=language, dates=dates)
        context.update(requested=requested, reason=reason)
        notify(
            recipient=recipient,
            key=f"bookings.{event}",
            context=context,
            organisation_id=series.space.venue.organisation_id,
            dedupe_key=f"{dedupe}:{recipient.pk}" if dedupe else "",
        )
