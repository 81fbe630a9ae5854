"""`{{ order.attention|translated_lines }}`: notes stored in English (one per line, each a
gettext_noop message of the payments services) in the reader's language."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext

register = template.Library()


@register.filter
def translated_lines(text: str) -> str:
    return "\n".join(gettext(line) for line in text.splitlines())
