"""The session page's feedback and recordings panels (feedback area). Stubs until it lands."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def feedback_panel(context: dict[str, Any], occurrence: Any) -> dict[str, Any]:
    """Smileys and one question once the session has ended."""
    return {}


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def recording_panel(context: dict[str, Any], offering: Any) -> dict[str, Any]:
    """Recordings to watch later, with captions."""
    return {}
