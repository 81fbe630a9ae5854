"""The offering search's result cards, each rendered once per content and language.

The template engine took about 0.35 ms for a card, so 20 cards were most of the search page's
server time. A card shows only the facts in `CardFacts`, and its template sees nothing else, so
equal facts in the same language and time zone give the same markup. Each process keeps the
cards it rendered last, keyed by the facts themselves: an edited offering, provider or venue
makes a new key instead of a stale card, so nothing has to be invalidated.

The next time depends on the searched dates, not on the offering, so it is left out of the facts:
the card is kept with a hole where the time goes, and each search writes its own time there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from cachetools import LRUCache, cached
from django.template.loader import render_to_string
from django.utils import dateformat, formats, timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from lampio.offerings.models import Offering

TEMPLATE = "offerings/_card.html"
# The cards kept are bounded by their characters (a card is about 1,200, its key a few hundred
# bytes more): 16 million keep some 10,000 cards, a city network's whole catalogue in one
# language, in a few tens of megabytes per process.
CARD_CHARACTERS_KEPT = 16_000_000
KEY_CHARACTERS = 600
# Formatted times: a few weeks of a catalogue's distinct times.
TIMES_KEPT = 2_000
# Where the next time goes. Text fields cannot hold a NUL character (Django's forms refuse it
# and PostgreSQL cannot store it), so no content can contain this.
NEXT_TIME_HOLE = mark_safe("\x00next-time\x00")


@dataclass(frozen=True)
class VenueFacts:
    name: str
    is_published: bool
    street_address: str
    postal_code: str
    post_office: str


@dataclass(frozen=True)
class CardFacts:
    """What one result card shows, read from an offering of `search_offerings`."""

    pk: int
    title: str
    short_description: str
    has_next_start: bool
    on_request: bool
    provider_name: str
    city_name: str
    format_label: str
    venue_id: int | None
    venue: VenueFacts | None
    location: str
    is_online: bool
    is_free: bool
    price: Decimal | None
    price_basis: str
    price_info: str

    @classmethod
    def of(cls, offering: Offering) -> CardFacts:
        venue = offering.venue
        organisation = offering.organisation
        return cls(
            pk=offering.pk,
            title=offering.title,
            short_description=offering.short_description,
            has_next_start=getattr(offering, "next_start", None) is not None,
            on_request=offering.on_request,
            provider_name=organisation.name,
            city_name=organisation.municipality.name,
            format_label=offering.get_format_display(),
            venue_id=offering.venue_id,
            venue=None
            if venue is None
            else VenueFacts(
                name=venue.name,
                is_published=venue.is_published,
                street_address=venue.street_address,
                postal_code=venue.postal_code,
                post_office=venue.post_office,
            ),
            location=offering.location,
            is_online=offering.is_online,
            is_free=offering.is_free,
            price=offering.price,
            price_basis=offering.price_basis,
            price_info=offering.price_info,
        )


Parts = tuple[SafeString, SafeString]
_cards: LRUCache[tuple[CardFacts, str | None, str], Parts] = LRUCache(
    maxsize=CARD_CHARACTERS_KEPT,
    getsizeof=lambda parts: len(parts[0]) + len(parts[1]) + KEY_CHARACTERS,
)


@cached(_cards, lock=threading.Lock(), key=lambda facts, language, zone: (facts, language, zone))
def _rendered(facts: CardFacts, language: str | None, zone: str) -> Parts:
    """The card before and after the next time. No request: the card is the same for all."""
    html = render_to_string(TEMPLATE, {"offering": facts, "next_time": NEXT_TIME_HOLE})
    before, _hole, after = html.partition(NEXT_TIME_HOLE)
    return mark_safe(before), mark_safe(after)  # noqa: S308 (a template's output, split)


def next_time(moment: datetime) -> str:
    """The weekday, short date and time of `moment` in the active language, in local time."""
    return _formatted(moment, translation.get_language(), timezone.get_current_timezone_name())


@lru_cache(maxsize=TIMES_KEPT)
def _formatted(moment: datetime, language: str | None, zone: str) -> str:
    # Times repeat from search to search; formatting one took longer than finding its card.
    # `language` and `zone` key the cache: the format reads both from what is active.
    short_date = formats.get_format("SHORT_DATE_FORMAT")
    return dateformat.format(timezone.localtime(moment), f"D {short_date} H:i")


def offering_card(offering: Offering) -> SafeString:
    """The card of `offering` in the active language and time zone."""
    facts = CardFacts.of(offering)
    before, after = _rendered(
        facts, translation.get_language(), timezone.get_current_timezone_name()
    )
    if not facts.has_next_start:
        return before
    when = conditional_escape(next_time(offering.next_start))  # type: ignore[attr-defined]
    return mark_safe(before + when + after)  # noqa: S308 (the time is escaped)
