"""The offering search's result cards, each rendered once per content and language.

The template engine took about 0.35 ms for a card, so 20 cards were most of the search page's
server time. A card shows only the facts in `CardFacts`, and its template sees nothing else, so
equal facts in the same language and time zone give the same markup. Each process keeps the
cards it rendered last, keyed by the facts themselves: an edited offering, provider or venue
makes a new key instead of a stale card, so nothing has to be invalidated.

The next time depends on the searched dates, not on the offering, so it is left out of the facts:
the card is kept with a hole where the time goes, and each search writes its own time there.

A card this process has not kept is looked for in the shared cache (Redis in production), all of
a page's in one round trip, and one rendered here is stored there: a new worker (gunicorn
replaces each after some thousands of requests, and all of them on a deployment) finds the
cards the others rendered. Shared keys name the card's templates and translations by a digest,
so a deployment that changes either never gets an old card.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import django
from cachetools import LRUCache
from django.conf import settings
from django.core.cache import cache
from django.template.loader import get_template, render_to_string
from django.utils import dateformat, formats, timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from lampio.core.multilingual import in_active_language, languages_to_read
from lampio.offerings.models import ONLINE_FORMATS, Format

TEMPLATE = "offerings/_card.html"
# The card's template and every template it includes: their sources are part of the shared key.
CARD_TEMPLATES = (TEMPLATE, "offerings/_place.html", "offerings/_price.html")
# How long a card stays in the shared cache; a card not shown for a day is rendered again.
SHARED_SECONDS = 24 * 3600
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
FORMAT_LABELS = dict(Format.choices)


@dataclass(frozen=True)
class VenueFacts:
    name: str
    is_published: bool
    street_address: str
    postal_code: str
    post_office: str


@dataclass(frozen=True)
class CardFacts:
    """What one result card shows."""

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
    def of(cls, row: Mapping[str, Any], languages: tuple[str, ...]) -> CardFacts:
        """The facts of a row of `selectors.search_offering_cards`, its texts read in
        `languages` (`languages_to_read()`)."""

        def text(name: str) -> str:
            return in_active_language(row, name, languages)

        venue_id = row["venue_id"]
        chosen_format = row["format"]
        return cls(
            pk=row["pk"],
            title=text("title"),
            short_description=text("short_description"),
            has_next_start=row["next_start"] is not None,
            on_request=row["on_request"],
            provider_name=text("organisation__name"),
            city_name=text("organisation__municipality__name"),
            format_label=str(FORMAT_LABELS.get(chosen_format, chosen_format)),
            venue_id=venue_id,
            venue=None
            if venue_id is None
            else VenueFacts(
                name=text("venue__name"),
                is_published=row["venue__is_published"],
                street_address=row["venue__street_address"],
                postal_code=row["venue__postal_code"],
                post_office=row["venue__post_office"],
            ),
            location=row["location"],
            is_online=chosen_format in ONLINE_FORMATS,
            is_free=row["is_free"],
            price=row["price"],
            price_basis=row["price_basis"],
            price_info=text("price_info"),
        )


Parts = tuple[SafeString, SafeString]
Key = tuple[CardFacts, str | None, str]
_cards: LRUCache[Key, Parts] = LRUCache(
    maxsize=CARD_CHARACTERS_KEPT,
    getsizeof=lambda parts: len(parts[0]) + len(parts[1]) + KEY_CHARACTERS,
)
_cards_lock = threading.Lock()


def _render(facts: CardFacts) -> Parts:
    """The card before and after the next time. No request: the card is the same for all."""
    html = render_to_string(TEMPLATE, {"offering": facts, "next_time": NEXT_TIME_HOLE})
    before, _hole, after = html.partition(NEXT_TIME_HOLE)
    return SafeString(before), SafeString(after)  # a template's output, split


@lru_cache(maxsize=1)
def render_version() -> str:
    """A digest of what a card's markup depends on besides its facts: the card's templates, the
    site's translations and Django's version."""
    digest = hashlib.sha256(django.get_version().encode())
    for name in CARD_TEMPLATES:
        digest.update(get_template(name).template.source.encode())  # type: ignore[attr-defined]
    for locale in sorted(settings.LOCALE_PATHS):
        for catalogue in sorted(Path(locale).glob("*/LC_MESSAGES/django.mo")):
            digest.update(catalogue.read_bytes())
    return digest.hexdigest()[:16]


def _shared_key(key: Key) -> str:
    facts, language, zone = key
    content = hashlib.sha256(repr(facts).encode()).hexdigest()[:32]
    return f"offering-card:{render_version()}:{language}:{zone}:{content}"


def _kept_parts(keys: list[Key]) -> list[Parts]:
    """The rendered parts for `keys`: kept in the process, else shared, else rendered now."""
    with _cards_lock:
        found = {key: parts for key in keys if (parts := _cards.get(key)) is not None}
    missing = {key: _shared_key(key) for key in keys if key not in found}
    if missing:
        shared = cache.get_many(list(missing.values()))
        rendered = {name: _render(key[0]) for key, name in missing.items() if name not in shared}
        if rendered:
            cache.set_many(rendered, timeout=SHARED_SECONDS)
        new = {key: shared.get(name) or rendered[name] for key, name in missing.items()}
        with _cards_lock:
            _cards.update(new)
        found.update(new)
    return [found[key] for key in keys]


def next_time(moment: datetime) -> str:
    """The weekday, short date and time of `moment` in the active language, in local time."""
    return _formatted(moment, translation.get_language(), timezone.get_current_timezone_name())


@lru_cache(maxsize=TIMES_KEPT)
def _formatted(moment: datetime, language: str | None, zone: str) -> str:
    # Times repeat from search to search; formatting one took longer than finding its card.
    # `language` and `zone` key the cache: the format reads both from what is active.
    short_date = formats.get_format("SHORT_DATE_FORMAT")
    return dateformat.format(timezone.localtime(moment), f"D {short_date} H:i")


def offering_cards(page: Iterable[Mapping[str, Any]]) -> list[SafeString]:
    """The cards of offerings, rows of `selectors.search_offering_cards`, in the active
    language and time zone."""
    rows = list(page)
    language, zone = translation.get_language(), timezone.get_current_timezone_name()
    languages = languages_to_read()  # once a page, not once a card
    facts = [CardFacts.of(row, languages) for row in rows]
    parts = _kept_parts([(one, language, zone) for one in facts])
    return [
        _with_next_time(before, after, row) if one.has_next_start else before
        for one, (before, after), row in zip(facts, parts, rows, strict=True)
    ]


def _with_next_time(before: SafeString, after: SafeString, row: Mapping[str, Any]) -> SafeString:
    when = conditional_escape(next_time(row["next_start"]))
    return SafeString(before + when + after)  # the time is escaped
