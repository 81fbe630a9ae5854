"""The session page's panels. Each area of the app fills in its own panel tag; the page
(digital/session.html) only places them, so the areas stay independent.

Stubs until their areas land: each returns an empty panel.
"""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def take_part_panel(context: dict[str, Any], occurrence: Any) -> dict[str, Any]:
    """The one big "Take part" button, or "You are taking part" (signin area)."""
    return {}


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def chat_panel(context: dict[str, Any], occurrence: Any) -> dict[str, Any]:
    """Chat, questions and applause while the session is on (chat area)."""
    return {}


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def feedback_panel(context: dict[str, Any], occurrence: Any) -> dict[str, Any]:
    """Smileys and one question once the session has ended (feedback area)."""
    return {}


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def recording_panel(context: dict[str, Any], offering: Any) -> dict[str, Any]:
    """Recordings to watch later, with captions (feedback/recordings area)."""
    return {}
