"""What the assistant says back: shared by the asking service, the intents and the views."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Suggestion:
    key: str
    title: str
    score: float


@dataclass(frozen=True)
class LiveItem:
    """One line of a live-data answer (a free space, an offering, a booking) with its page."""

    title: str
    detail: str
    url: str


@dataclass(frozen=True)
class Reply:
    exchange_id: int
    language: str
    answer: str  # plain text in `language`; empty on fallback
    entry_key: str | None
    confidence: float
    fallback: bool
    link: str  # absolute path of the page offered with the answer, or ""
    link_label: str
    suggestions: tuple[Suggestion, ...] = ()
    intent: str = ""  # "free_spaces" | "offerings" | "next_booking" when answered from live data
    items: tuple[LiveItem, ...] = field(default_factory=tuple)
