"""The session page's feedback and recordings panels (feedback area)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from lampio.digital import recording_selectors
from lampio.digital.audience import may_watch
from lampio.digital.phase import Phase, session_phase
from lampio.digital.services.feedback import ANSWER_MAX_LENGTH, RATINGS
from lampio.digital.staff_recording_forms import until_date

register = template.Library()

# The sessions this browser has given feedback on, kept in its own session only (not the DB).
ANSWERED_KEY = "digital_feedback_given"


def has_answered(request: Any, occurrence_id: int) -> bool:
    session = getattr(request, "session", None)
    return session is not None and occurrence_id in session.get(ANSWERED_KEY, [])


def selected_rating(form: Any) -> int | None:
    """The smiley the person chose, kept when the form comes back with an error."""
    value = form["rating"].value() if form is not None and form.is_bound else None
    return int(value) if isinstance(value, str) and value.isdigit() else None


def feedback_context(
    *, occurrence: Any, form: Any = None, answered: bool, show: bool, csrf_token: Any = None
) -> dict[str, Any]:
    """What `_feedback.html` needs, on the session page and on the feedback page alike."""
    result = {
        "occurrence": occurrence,
        "show": show,
        "answered": answered,
        "form": form,
        "selected": selected_rating(form),
        "ratings": RATINGS,
        "answer_max_length": ANSWER_MAX_LENGTH,
    }
    if csrf_token is not None:  # on a page, the context processor's token must not be hidden
        result["csrf_token"] = csrf_token
    return result


@register.inclusion_tag("digital/includes/_feedback.html", takes_context=True)
def feedback_panel(context: Any, occurrence: Any) -> dict[str, Any]:
    """Smileys and one question once the session has ended, for those who could watch it."""
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    phase = context.get("phase") or session_phase(occurrence, context.get("now") or timezone.now())
    show = phase == Phase.ENDED and may_watch(user, occurrence)
    answered = bool(request is not None and show and has_answered(request, occurrence.pk))
    return feedback_context(
        occurrence=occurrence,
        form=context.get("feedback_form"),
        answered=answered,
        show=show,
        csrf_token=context.get("csrf_token"),
    )


@register.inclusion_tag("digital/includes/_recordings.html", takes_context=True)
def recording_panel(context: Any, offering: Any) -> dict[str, Any]:
    """Recordings of this offering that can be watched later, with captions."""
    recordings = list(recording_selectors.recordings_of_offering(offering))
    for recording in recordings:
        recording.last_day = until_date(recording.available_until)  # type: ignore[attr-defined]
    return {"offering": offering, "recordings": recordings}
