"""`{% offering_card offering %}`: a search result, rendered once per content (`cards.py`)."""

from __future__ import annotations

from django import template

from lampio.offerings.cards import offering_card

register = template.Library()
register.simple_tag(offering_card)
