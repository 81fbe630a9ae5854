"""Questions the assistant answers from live data instead of the knowledge base: free spaces of
a type in a municipality on a day, upcoming offerings of a kind, and the person's next booking.
Owned by helper C; the asking service calls `recognise` before retrieval and `answer` on a match.

Recognition is conservative on purpose: a wrong live-data answer hides the knowledge entry that
would have helped, so only questions that clearly ask for free spaces on a day, a listing of
events of a kind, or "my next booking" match. How-to questions ("how do I book…", "where do I
find…") never do; nor do freed slots of the coming days, which the last-minute entry answers.
The answers read the owning apps' selectors and link to the page where the person acts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from lampio.accounts.models import User
from lampio.assistant import intent_answers
from lampio.assistant.intent_words import (
    ANY_SPACE,
    AUDIENCES,
    BOOKING_WORDS,
    FREE_OF_CHARGE,
    FREE_SLOT,
    FREED,
    HOW_TO_ANYWHERE,
    HOW_TO_OPENERS,
    LISTING,
    MY,
    NEXT,
    OFFERING_ACTIONS,
    OFFERING_KINDS,
    OFFERING_LANGUAGES,
    OPENING_HOURS,
    PLACE_FORMS,
    SPACE_TYPES,
    THIS_WEEK,
    VAGUE_PERIOD,
    WEEKEND,
    Words,
    named_place,
    parse_day,
    parse_period,
    parse_time_range,
    place_forms,
)
from lampio.assistant.replies import LiveItem
from lampio.core.multilingual import translated_of
from lampio.tenancy.models import Municipality

FREE_SPACES = "free_spaces"
OFFERINGS = "offerings"
NEXT_BOOKING = "next_booking"
# The knowledge entry each intent stands in for: the asking service reports it as the answer's
# entry, so statistics and the evaluation see the need the question was about.
RELATED_ENTRY: dict[str, str] = {FREE_SPACES: "last-minute", OFFERINGS: "find-offerings"}
# "Anything for children this weekend?" names no kind of event, only people and "something".
SOMETHING_TO_DO = (
    "tapahtum", "tekemis", "ohjelma", "menoa", "evenemang", "något", "aktivitet", "event",
    "activit", "things to do", "anything", "something",
)  # fmt: skip
CHANGING_A_BOOKING = ("peru", "muuta", "siirr", "avboka", "ändra", "cancel", "change", "move")


@dataclass(frozen=True)
class Intent:
    name: str  # "free_spaces" | "offerings" | "next_booking"
    municipality: Municipality | None = None
    day: datetime.date | None = None
    kind: str = ""  # space type or offering category, as the owning app names it
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IntentAnswer:
    text: str  # in the question's language
    items: tuple[LiveItem, ...]
    link: str  # page where the person completes the action (filtered list, my bookings…)
    link_label: str


def related_entry(intent_name: str) -> str | None:
    return RELATED_ENTRY.get(intent_name)


def _is_how_to(words: Words) -> bool:
    return words.has(HOW_TO_ANYWHERE) or words.starts_with(HOW_TO_OPENERS)


def _place(words: Words, fallback: Municipality | None) -> tuple[Municipality | None, str, bool]:
    """(municipality, name of a city outside the network, whether the question named a city)."""
    cities = list(Municipality.objects.only("pk", "slug", "name_fi", "name_sv", "name_en"))
    names = {str(city.pk): translated_of(city, "name") for city in cities}
    known = {key: place_forms(name.fi or "?", name.sv, name.en) for key, name in names.items()}
    network = {name.fi.lower() for name in names.values()}
    outside = {f"outside:{name}": place_forms(name) for name in PLACE_FORMS if name not in network}
    key = named_place(words, {**known, **outside})
    if key is None:
        return fallback, "", False
    if key.startswith("outside:"):
        return None, key.removeprefix("outside:").title(), True
    return next(city for city in cities if str(city.pk) == key), "", True


def _next_booking(words: Words) -> Intent | None:
    if words.has(CHANGING_A_BOOKING):
        return None
    finnish = any(
        token.startswith(("varau", "vuoro")) and token.endswith("ni") for token in words.tokens
    )
    other = words.has(MY) and words.has(BOOKING_WORDS)
    if (finnish or other) and words.has(NEXT):
        return Intent(NEXT_BOOKING)
    return None


def _free_spaces(
    words: Words, language: str, municipality: Municipality | None, today: datetime.date
) -> Intent | None:
    cues: tuple[str, ...] = FREE_SLOT
    if words.has(FREE_OF_CHARGE):  # "free of charge" is a price, not a free time
        cues = tuple(cue for cue in FREE_SLOT if cue != "free=")
    if not words.has(cues) or words.has(FREED):
        return None
    kind = words.first(SPACE_TYPES)
    if kind is None and not words.has(ANY_SPACE):
        return None
    day = parse_day(words, language, today)
    times = parse_time_range(words)
    if day is None and words.has(VAGUE_PERIOD + THIS_WEEK + WEEKEND):
        return None
    city, outside, named = _place(words, municipality)
    if day is None and times is None and not named:
        return None
    params: dict[str, str] = {}
    if outside:
        params["place"] = outside
    if times is not None:
        params["from"], params["to"] = (moment.strftime("%H:%M") for moment in times)
    return Intent(FREE_SPACES, municipality=city, day=day or today, kind=kind or "", params=params)


def _offerings(
    words: Words, language: str, municipality: Municipality | None, today: datetime.date
) -> Intent | None:
    if words.has(OFFERING_ACTIONS) or words.has(OPENING_HOURS) or words.first(SPACE_TYPES):
        return None
    kind = words.first(OFFERING_KINDS)
    audience = words.first(AUDIENCES)
    if kind is None and not (audience and words.has(SOMETHING_TO_DO)):
        return None
    if not words.has(LISTING):
        return None
    period = parse_period(words, language, today)
    city, outside, _named = _place(words, municipality)
    params: dict[str, str] = {}
    if outside:
        params["place"] = outside
    if audience:
        params["audience"] = audience
    if (spoken := words.first(OFFERING_LANGUAGES)) is not None:
        params["language"] = spoken
    if words.has(FREE_OF_CHARGE) or words.match("free="):
        params["free"] = "1"
    day = None
    if period is not None:
        day, last = period
        params["until"] = last.isoformat()
    return Intent(OFFERINGS, municipality=city, day=day, kind=kind or "", params=params)


def recognise(
    question: str, language: str, *, municipality: Municipality | None, today: datetime.date
) -> Intent | None:
    words = Words(question)
    if not words.tokens or _is_how_to(words):
        return None
    return (
        _next_booking(words)
        or _free_spaces(words, language, municipality, today)
        or _offerings(words, language, municipality, today)
    )


def answer(intent: Intent, *, actor: User | None, language: str) -> IntentAnswer:
    if intent.name == FREE_SPACES:
        return intent_answers.free_spaces(intent, actor=actor, language=language)
    if intent.name == OFFERINGS:
        return intent_answers.offerings(intent, language=language)
    if intent.name == NEXT_BOOKING:
        return intent_answers.next_booking(actor=actor, language=language)
    raise ValueError(f"Unknown intent {intent.name!r}")
