"""The session page's "Take part" panel (sign-in area). Stub until that area lands."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("digital/includes/_empty.html", takes_context=True)
def take_part_panel(context: dict[str, Any], occurrence: Any) -> dict[str, Any]:
    """The one big "Take part" button, or "You are taking part"."""
    return {}
