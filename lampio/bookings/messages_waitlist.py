"""Message kinds of waitlists and watches, and the context each is written with.

`waitlist.offer` is essential (the person asked for the slot and holds it only for a while);
`watch.alert` is not, so it stops when the person unsubscribes. Times are written out in the
recipient's language and Helsinki time, like the booking messages.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.core.timeranges import LOCAL_ZONE, Interval
from lampio.notifications.registry import MessageKind, register
from lampio.spaces.models import Space

OFFER = register(
    MessageKind(
        key="waitlist.offer",
        label=_("A waitlisted time was freed and is held for the person"),
        essential=True,
        subject=_("A time you waited for is free: {{ space }}"),
        body=_(
            "Hello {{ name }},\n\n"
            "The time you were waiting for has been freed and is held for you.\n\n"
            "Space: {{ space }}, {{ venue }}\n"
            "Time: {{ time }}\n\n"
            "It is held for you until {{ held_until }}. After that it goes to the next person "
            "in line. Accept or decline it here:\n{{ url }}\n\n"
            "Lämpiö – culture services of your city"
        ),
        sms=_(
            "Lämpiö: {{ space }} {{ time }} is free for you. Held until {{ held_until }}. "
            "Accept: {{ url }}"
        ),
        sample={
            "name": "Maija Meikäläinen",
            "space": "Sali 1",
            "venue": "Kulttuuritalo",
            "time": "ti 1.12.2026 18.00–20.00",
            "held_until": "ti 1.12. 10.30",
            "url": "https://lampio.example.fi/fi/waitlist/1/",
        },
    )
)

ALERT = register(
    MessageKind(
        key="watch.alert",
        label=_("A watched time became free"),
        essential=False,
        subject=_("Free time at {{ space }}: {{ time }}"),
        body=_(
            "Hello {{ name }},\n\n"
            "A time you are watching has become free.\n\n"
            "Space: {{ space }}, {{ venue }}\n"
            "Time: {{ time }}\n\n"
            "It is not held for you: whoever books first gets it.\n{{ url }}\n\n"
            "Lämpiö – culture services of your city"
        ),
        sms=_("Lämpiö: {{ space }} free {{ time }}. {{ url }}"),
        sample={
            "name": "Maija Meikäläinen",
            "space": "Sali 1",
            "venue": "Kulttuuritalo",
            "time": "ti 1.12.2026 18.00–20.00",
            "url": "https://lampio.example.fi/fi/spaces/1/",
        },
    )
)


def local_text(moment: datetime, pattern: str) -> str:
    return format_date(moment.astimezone(LOCAL_ZONE), pattern)


def time_text(interval: Interval) -> str:
    """ "ti 1.12.2026 18.00–20.00", the end's date only when it is another day."""
    same_day = local_text(interval.start, "Ymd") == local_text(interval.end, "Ymd")
    ends = local_text(interval.end, "H.i" if same_day else "D j.n.Y H.i")
    return f"{local_text(interval.start, 'D j.n.Y H.i')}–{ends}"


def site_url(path: str) -> str:
    return f"{getattr(settings, 'LAMPIO_SITE_URL', 'http://127.0.0.1:8000').rstrip('/')}{path}"


def offer_context(
    *, recipient: User, space: Space, slot: Interval, held_until: datetime, entry_id: int
) -> dict[str, Any]:
    language = recipient.preferred_language or "fi"
    with translation.override(language):
        return {
            "name": recipient.display_name,
            "space": space.name,
            "venue": space.venue.name,
            "time": time_text(slot),
            "held_until": local_text(held_until, "D j.n. H.i"),
            "url": site_url(reverse("waitlist:offer", kwargs={"entry_id": entry_id})),
        }


def alert_context(
    *, recipient: User, space: Space, free: Interval, language: str
) -> dict[str, Any]:
    with translation.override(language):
        day = free.start.astimezone(LOCAL_ZONE).date().isoformat()
        path = reverse("spaces:space", kwargs={"space_id": space.pk})
        return {
            "name": recipient.display_name,
            "space": space.name,
            "venue": space.venue.name,
            "time": time_text(free),
            "url": site_url(f"{path}?date={day}&view=day#availability"),
        }
