"""Reading the fields of a Linked Events event: references, translations, times, prices."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import unquote

from django.utils import timezone

from lampio.core.multilingual import LANGUAGES, Translated
from lampio.core.timeranges import LOCAL_ZONE
from lampio.offerings.importers.text import html_to_text, shorten
from lampio.offerings.models import Audience, OccurrenceStatus

STATUSES = {
    "EventScheduled": OccurrenceStatus.SCHEDULED,
    "EventRescheduled": OccurrenceStatus.RESCHEDULED,
    "EventPostponed": OccurrenceStatus.POSTPONED,
    "EventCancelled": OccurrenceStatus.CANCELLED,
    "EventMovedOnline": OccurrenceStatus.MOVED_ONLINE,
}
# YSO audience keywords Linked Events uses, onto the audiences offerings are searched by.
AUDIENCES = {
    "yso:p4354": Audience.CHILDREN,  # lapset
    "yso:p13050": Audience.CHILDREN,  # lapsiperheet
    "yso:p11617": Audience.YOUTH,  # nuoret
    "yso:p5590": Audience.ADULTS,  # aikuiset
    "yso:p2433": Audience.OLDER_PEOPLE,  # ikääntyneet
    "yso:p16485": Audience.SCHOOLS,  # koululaiset
}
PRICE = re.compile(r"\d+(?:[.,]\d{1,2})?")
MAX_PRICE = Decimal("1000000")  # the price column holds 8 digits, 2 of them decimals


def ref_id(ref: Any) -> str:
    """'https://api.hel.fi/linkedevents/v1/keyword/yso:p1235/' or {'@id': …} → 'yso:p1235'."""
    if isinstance(ref, dict):
        ref = ref.get("@id") or ref.get("id") or ""
    if not isinstance(ref, str):
        return ""
    return unquote(ref.rstrip("/").rsplit("/", 1)[-1])


def translated(value: Any, *, html: bool = False) -> Translated:
    """A multilingual field ({'fi': …, 'sv': …}) as plain text; a bare string is Finnish."""
    if isinstance(value, str):
        value = {"fi": value}
    if not isinstance(value, dict):
        return Translated()
    texts = {}
    for language in LANGUAGES:
        text = value.get(language)
        text = text if isinstance(text, str) else ""
        texts[language] = html_to_text(text) if html else " ".join(text.split())
    return Translated(**texts)


def with_finnish(text: Translated) -> Translated:
    """Finnish is required; a Swedish- or English-only text stands in for it."""
    return text if text.fi else Translated(text.sv or text.en, text.sv, text.en)


def parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment.replace(tzinfo=LOCAL_ZONE) if timezone.is_naive(moment) else moment


def age(value: Any) -> int | None:
    return value if isinstance(value, int) and 0 <= value <= 120 else None


def price_of(texts: Iterable[str]) -> Decimal | None:
    """The first amount written in the price texts ("12 € / 8 € eläkeläiset" → 12)."""
    for text in texts:
        if found := PRICE.search(text):
            try:
                amount = Decimal(found.group().replace(",", "."))
            except InvalidOperation:
                continue
            if amount < MAX_PRICE:
                return amount
    return None


def columns(name: str, text: Translated) -> dict[str, str]:
    return {f"{name}_{language}": getattr(text, language) for language in LANGUAGES}


def shortened(text: Translated, limit: int) -> Translated:
    return Translated(
        **{language: shorten(getattr(text, language), limit) for language in LANGUAGES}
    )


def joined(texts: list[Translated], limit: int) -> Translated:
    return Translated(
        **{
            language: "; ".join(filter(None, (getattr(text, language) for text in texts)))[:limit]
            for language in LANGUAGES
        }
    )


def same(current: Any, wanted: Any) -> bool:
    """Equal, counting an empty translation (None or "") as the same as another empty one."""
    if current in (None, "") and wanted in (None, ""):
        return True
    return bool(current == wanted)
