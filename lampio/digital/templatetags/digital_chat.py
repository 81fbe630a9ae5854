"""The session page's chat panel: messages, writing, a question, applause."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from lampio.digital.audience import may_watch, may_write
from lampio.digital.consumers import SHOW_NAME
from lampio.digital.models import ReactionKind
from lampio.digital.phase import Phase, session_phase
from lampio.digital.selectors_chat import visible_messages
from lampio.digital.services import broadcast as broadcast_services
from lampio.digital.services import chat as chat_services
from lampio.digital.views_chat import ChatForm

register = template.Library()


@register.inclusion_tag("digital/includes/_chat.html", takes_context=True)
def chat_panel(context: dict[str, Any], occurrence: Any, form: Any = None) -> dict[str, Any]:
    """Chat, questions and applause while the session is on; nothing before or after it.

    Rendering the panel also counts the viewer as present (a keyed hash of the browser
    session; see `broadcast.viewer_key`), so people without JavaScript are counted too.
    """
    request = context.get("request")
    user = context.get("user") or getattr(request, "user", None)
    now = context.get("now") or timezone.now()
    phase = context.get("phase") or session_phase(occurrence, now)
    if phase == Phase.ENDED or request is None or not may_watch(user, occurrence):
        return {"show": False}
    if phase == Phase.UPCOMING:
        return {"show": False, "opens_later": True}
    show_name = bool(request.session.get(SHOW_NAME))
    session_key = getattr(request.session, "session_key", None)
    if session_key:
        broadcast_services.touch_viewer(
            occurrence=occurrence,
            key=broadcast_services.viewer_key(session_key),
            now=now,
            show_name=show_name,
            display_name=chat_services.public_name(user) if user and user.is_authenticated else "",
        )
    counts = chat_services.reaction_counts(occurrence)
    return {
        "show": True,
        "request": request,
        "occurrence": occurrence,
        "chat_messages": visible_messages(occurrence=occurrence),
        "chat_open": chat_services.chat_is_open(occurrence, now),
        "can_write": may_write(user, occurrence),
        "form": form or ChatForm(initial={"show_name": show_name}),
        "reactions": [(kind, label, counts[kind]) for kind, label in ReactionKind.choices],
        "next": request.get_full_path(),
        "is_chat_page": bool(form is not None or context.get("chat_page")),
    }
