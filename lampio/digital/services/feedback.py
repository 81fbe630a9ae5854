"""Anonymous feedback after a session: one of five smileys and one optional free answer.

Nothing about who answered is stored: no person, no address, no browser key. "One answer per
browser" is remembered in the browser's own session by the view, not in the database, and the
form is rate limited there too. Whether the person may give feedback at all (the session has
ended and they could have watched it) is checked here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.digital.audience import may_watch
from lampio.digital.models import SessionFeedback
from lampio.digital.phase import Phase, session_phase
from lampio.offerings.models import Occurrence

ANSWER_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Rating:
    value: int
    label: str | Promise
    smiley: str  # decoration only: the label is what is read and shown


# Best first, as the radio buttons are shown.
RATINGS = (
    Rating(5, gettext_lazy("Very good"), "😄"),
    Rating(4, gettext_lazy("Good"), "🙂"),
    Rating(3, gettext_lazy("Okay"), "😐"),
    Rating(2, gettext_lazy("Not so good"), "🙁"),
    Rating(1, gettext_lazy("Poor"), "😞"),
)


def may_give_feedback(actor: Any, occurrence: Occurrence, now: datetime | None = None) -> bool:
    return session_phase(occurrence, now or timezone.now()) == Phase.ENDED and may_watch(
        actor, occurrence
    )


def give_feedback(
    *,
    actor: Any,
    occurrence: Occurrence,
    rating: int,
    answer: str = "",
    now: datetime | None = None,
) -> SessionFeedback:
    """Record one anonymous answer. `actor` decides whether they may answer; it is not stored."""
    if not may_watch(actor, occurrence):
        raise PermissionDenied(_("Feedback is asked from the people who took part."))
    if session_phase(occurrence, now or timezone.now()) != Phase.ENDED:
        raise Conflict(_("You can give feedback once the session has ended."))
    if rating not in {choice.value for choice in RATINGS}:
        raise InvalidInput(_("Choose how the session was."), field="rating")
    answer = answer.strip()
    if len(answer) > ANSWER_MAX_LENGTH:
        raise InvalidInput(
            _("Keep your message under %(count)d characters.") % {"count": ANSWER_MAX_LENGTH},
            field="answer",
        )
    with transaction.atomic():
        return SessionFeedback.objects.create(occurrence=occurrence, rating=rating, answer=answer)
