"""One session's page: what, when, price, the one "Take part" action, and by phase the
countdown and sound test, the player, or the end with feedback."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lampio.digital import selectors
from lampio.digital.audience import may_watch
from lampio.digital.phase import Phase, session_phase, stream_url
from lampio.offerings.models import Occurrence
from lampio.tenancy.access import found


def countdown_words(delta: timedelta) -> str:
    """ "Starts in 2 hours 5 minutes": whole days, hours and minutes, rounded up to a minute."""
    minutes = max(int(-(-delta.total_seconds() // 60)), 0)
    if minutes == 0:
        return _("Starts now")
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("%(count)d day", "%(count)d days", days) % {"count": days})
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes and not days:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return _("Starts in %(time)s") % {"time": " ".join(parts)}


def phase_context(request: HttpRequest, occurrence: Occurrence, now: datetime) -> dict[str, Any]:
    """What the session page and the care screen both show for the session's phase."""
    phase = session_phase(occurrence, now)
    stream = stream_url(occurrence)
    return {
        "occurrence": occurrence,
        "offering": occurrence.offering,
        "now": now,
        "phase": phase,
        "minutes": selectors.duration_minutes(occurrence),
        "countdown": countdown_words(occurrence.starts_at - now),
        "may_watch": may_watch(request.user, occurrence),
        "stream": stream,
        "is_hls": stream.split("?")[0].endswith(".m3u8"),
        "before_start": phase in (Phase.UPCOMING, Phase.DOORS_OPEN),
    }


def session(request: HttpRequest, occurrence_id: int) -> HttpResponse:
    occurrence = found(selectors.public_session, occurrence_id=occurrence_id)
    return render(
        request, "digital/session.html", phase_context(request, occurrence, timezone.now())
    )
