"""`{% offering_card offering %}`: a search result, rendered once per content (`cards.py`)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from lampio.offerings import cards
from lampio.offerings.models import Offering

register = template.Library()


@register.simple_tag
def offering_card(offering: Offering) -> SafeString:
    return cards.offering_card(offering)
