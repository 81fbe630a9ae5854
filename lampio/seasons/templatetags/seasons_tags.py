"""Small display helpers of the seasons pages."""

from __future__ import annotations

from django import template
from django.utils.dates import WEEKDAYS

register = template.Library()


@register.filter
def iso_weekday(value: int | None) -> str:
    """An ISO weekday (Monday = 1) by its name in the active language."""
    if value is None or not 1 <= int(value) <= 7:
        return ""
    return str(WEEKDAYS[int(value) - 1])
