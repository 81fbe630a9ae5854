"""Reads of the assistant's staff pages: the knowledge list, one entry, the review queue.

Entries are shared by the network; overrides and the review queue are read for the desk's own
municipality only. Callers have passed `desk_municipality` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import translation

from lampio.assistant.models import (
    LANGUAGES,
    AnswerOverride,
    Conversation,
    Exchange,
    KnowledgeEntry,
    Paraphrase,
    ReviewState,
)
from lampio.core.errors import NotFound
from lampio.tenancy.models import Municipality, Organisation

REVIEW_PER_PAGE = 25
SHOWN_CANDIDATES = 3


@dataclass(frozen=True)
class EntryFilters:
    q: str = ""
    topic: str = ""
    published: str = ""  # "" | "yes" | "no"


def entries(*, municipality: Municipality, filters: EntryFilters) -> QuerySet[KnowledgeEntry]:
    """Entries with `count_fi/_sv/_en` (paraphrases per language) and `overridden` (this
    municipality has its own answer). The search matches titles, answers, keys and paraphrases."""
    counts = {
        f"count_{language}": Count("paraphrases", filter=Q(paraphrases__language=language))
        for language in LANGUAGES
    }
    rows = KnowledgeEntry.objects.annotate(
        **counts,
        overridden=Exists(
            AnswerOverride.objects.filter(entry=OuterRef("pk"), municipality=municipality)
        ),
    )
    if filters.q:
        words = Q(key__icontains=filters.q)
        for language in LANGUAGES:
            words |= Q(**{f"title_{language}__icontains": filters.q})
            words |= Q(**{f"answer_{language}__icontains": filters.q})
        # A subquery, not a join, so the counts above are not multiplied by the matches.
        words |= Q(pk__in=Paraphrase.objects.filter(text__icontains=filters.q).values("entry"))
        rows = rows.filter(words)
    if filters.topic:
        rows = rows.filter(topic=filters.topic)
    if filters.published in ("yes", "no"):
        rows = rows.filter(is_published=filters.published == "yes")
    return rows.order_by("topic", "key")


def topics() -> list[str]:
    return list(KnowledgeEntry.objects.order_by("topic").values_list("topic", flat=True).distinct())


def entry_by_key(*, key: str) -> KnowledgeEntry:
    entry = KnowledgeEntry.objects.filter(key=key).first()
    if entry is None:
        raise NotFound()
    return entry


def entry_choices() -> list[tuple[str, str]]:
    """(key, title) of every entry, for the selects of the review queue."""
    return [(entry.key, f"{entry.title} ({entry.key})") for entry in KnowledgeEntry.objects.all()]


def paraphrases_by_language(entry: KnowledgeEntry) -> dict[str, list[Paraphrase]]:
    grouped: dict[str, list[Paraphrase]] = {language: [] for language in LANGUAGES}
    for paraphrase in entry.paraphrases.order_by("language", "text"):
        grouped.setdefault(paraphrase.language, []).append(paraphrase)
    return grouped


def paraphrase_by_id(*, paraphrase_id: int) -> Paraphrase:
    paraphrase = Paraphrase.objects.select_related("entry").filter(pk=paraphrase_id).first()
    if paraphrase is None:
        raise NotFound()
    return paraphrase


def override_of(*, entry: KnowledgeEntry, municipality: Municipality) -> AnswerOverride | None:
    return AnswerOverride.objects.filter(entry=entry, municipality=municipality).first()


@dataclass(frozen=True)
class ResidentAnswer:
    language: str
    title: str
    answer: str
    overridden: bool


def answers_as_residents_see(
    *, entry: KnowledgeEntry, municipality: Municipality
) -> list[ResidentAnswer]:
    """The entry in each language as the assistant shows it in `municipality`: its own answer
    when it has one; a missing language falls back to Finnish (modeltranslation's fallback)."""
    override = override_of(entry=entry, municipality=municipality)
    shown = []
    for language in LANGUAGES:
        with translation.override(language):
            answer = override.answer if override is not None else entry.answer
            shown.append(
                ResidentAnswer(language, str(entry.title), str(answer), override is not None)
            )
    return shown


@dataclass(frozen=True)
class RankedCandidate:
    key: str
    title: str
    score: float


def titles_of(keys: set[str]) -> dict[str, str]:
    return {entry.key: str(entry.title) for entry in KnowledgeEntry.objects.filter(key__in=keys)}


def resolve(candidates: list[Any], titles: dict[str, str]) -> list[RankedCandidate]:
    """Candidates as stored (`{"entry": key, "score": f}`) or as ranked (`.key`, `.score`)."""
    resolved = []
    for candidate in candidates:
        if isinstance(candidate, dict):
            key, score = str(candidate.get("entry", "")), float(candidate.get("score", 0.0))
        else:
            key, score = candidate.key, float(candidate.score)
        resolved.append(RankedCandidate(key, titles.get(key, key), score))
    return resolved


@dataclass(frozen=True)
class ReviewRow:
    exchange: Exchange
    candidates: list[RankedCandidate]
    best_key: str


def _pending_of(municipality: Municipality) -> QuerySet[Exchange]:
    # Questions asked without a municipality are shared by every desk, like the knowledge.
    return Exchange.objects.filter(review=ReviewState.PENDING).filter(
        Q(municipality=municipality) | Q(municipality__isnull=True)
    )


def review_queue(*, municipality: Municipality, page: str | int | None) -> Page[ReviewRow]:
    """Pending questions, newest first; each with its top candidates named by entry title."""
    exchanges = _pending_of(municipality).select_related("entry").order_by("-created_at", "-pk")
    paginated = Paginator(exchanges, REVIEW_PER_PAGE).get_page(page)
    shown = list(paginated.object_list)
    keys = {
        str(candidate.get("entry"))
        for exchange in shown
        for candidate in (exchange.candidates or [])[:SHOWN_CANDIDATES]
        if isinstance(candidate, dict)
    }
    titles = titles_of(keys)
    rows = []
    for exchange in shown:
        candidates = resolve((exchange.candidates or [])[:SHOWN_CANDIDATES], titles)
        known = [candidate.key for candidate in candidates if candidate.key in titles]
        rows.append(ReviewRow(exchange, candidates, known[0] if known else ""))
    paginated.object_list = rows  # type: ignore[assignment]
    return paginated  # type: ignore[return-value]


def pending_count(*, municipality: Municipality) -> int:
    return _pending_of(municipality).count()


def exchange_for_review(*, municipality: Municipality, exchange_id: int) -> Exchange:
    """A question in this desk's queue (pending or already handled); others are not found."""
    exchange = (
        Exchange.objects.filter(pk=exchange_id)
        .filter(Q(municipality=municipality) | Q(municipality__isnull=True))
        .first()
    )
    if exchange is None:
        raise NotFound()
    return exchange


def conversation_of_desk(*, organisation: Organisation, conversation_id: int) -> Conversation:
    """A conversation the desk answers, without logging an access (for polling its messages)."""
    conversation = Conversation.objects.filter(
        organisation=organisation, pk=conversation_id
    ).first()
    if conversation is None:
        raise NotFound()
    return conversation
