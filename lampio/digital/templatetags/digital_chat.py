"""The session page's chat panel (chat area). Stub until that area lands."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def chat_panel(context: dict[str, Any], occurrence: Any) -> dict[str, Any]:
    """Chat, questions and applause while the session is on."""
    return {}
