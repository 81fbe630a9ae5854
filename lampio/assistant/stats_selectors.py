"""Pooled statistics of one municipality's assistant for its desk: how many asked, in which
language, how the assistant answered, hand-offs, and which entries people ask about or struggle
with. Never a question's text and never a person.

Small cells are suppressed: a count from 1 to `SMALL_CELL - 1` is shown as "<5", and shares built
on such a cell are not shown. (There is no secondary suppression: where a total is shown, one
small cell of its breakdown can be worked out by subtraction. The figures hold no person, so the
rule keeps rare combinations vague rather than secret.)

Questions asked without a municipality (shared by every desk, like the review queue) are counted
on their own (`municipality=None`), never added to a municipality's figures.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from lampio.assistant.handoff_selectors import waiting_conversations
from lampio.assistant.models import (
    LANGUAGES,
    Conversation,
    ConversationState,
    Exchange,
    ExchangeOutcome,
    Sender,
)
from lampio.assistant.staff_selectors import pending_count, titles_of
from lampio.tenancy.models import Municipality, Organisation

SMALL_CELL = 5  # counts 1..SMALL_CELL-1 are never shown as such
PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
TOP_ENTRIES = 10


@dataclass(frozen=True)
class Cell:
    """A count as the page may show it: from 1 to `SMALL_CELL - 1` it is hidden as "<5"."""

    count: int

    @property
    def hidden(self) -> bool:
        return 0 < self.count < SMALL_CELL

    def __str__(self) -> str:
        return f"<{SMALL_CELL}" if self.hidden else str(self.count)


def share(part: Cell, whole: Cell) -> int | None:
    """`part` as a whole percentage of `whole`; None when either is hidden or `whole` is zero."""
    if part.hidden or whole.hidden or whole.count == 0:
        return None
    return round(100 * part.count / whole.count)


@dataclass
class EntryRow:
    key: str
    title: str
    asked: Cell
    not_helpful: Cell


@dataclass
class Week:
    start: date
    questions: Cell


@dataclass
class Overview:
    since: datetime
    until: datetime
    days: int
    total: Cell
    languages: list[tuple[str, Cell]]
    answered: Cell
    intent: Cell
    fallback: Cell
    not_helpful: Cell
    live: Cell = field(default_factory=lambda: Cell(0))
    to_feedback: Cell = field(default_factory=lambda: Cell(0))
    median_wait: timedelta | None = None
    top_entries: list[EntryRow] = field(default_factory=list)
    struggles: list[EntryRow] = field(default_factory=list)
    weeks: list[Week] = field(default_factory=list)

    @property
    def answers(self) -> Cell:
        """Questions the assistant answered (from knowledge or live data)."""
        return Cell(self.answered.count + self.intent.count)

    def share_of(self, cell: Cell) -> int | None:
        return share(cell, self.total)

    @property
    def not_helpful_rate(self) -> int | None:
        answers = self.answers
        if self.answered.hidden or self.intent.hidden:
            return None
        return share(self.not_helpful, answers)


def period_days(value: str | None) -> int:
    """The period of the `days` GET parameter; anything else is the default."""
    try:
        days = int(value or "")
    except ValueError:
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def _exchanges(municipality: Municipality | None, since: datetime, until: datetime) -> QuerySet:
    rows = Exchange.objects.filter(created_at__gte=since, created_at__lt=until)
    if municipality is None:
        return rows.filter(municipality__isnull=True)
    return rows.filter(municipality=municipality)


def overview(
    *, municipality: Municipality | None, days: int = DEFAULT_PERIOD, now: datetime | None = None
) -> Overview:
    """The figures for `municipality` (None: questions asked without one) over the last `days`."""
    until = now or timezone.now()
    since = until - timedelta(days=days)
    exchanges = _exchanges(municipality, since, until)
    counts = exchanges.aggregate(
        total=Count("pk"),
        answered=Count("pk", filter=Q(outcome=ExchangeOutcome.ANSWERED)),
        intent=Count("pk", filter=Q(outcome=ExchangeOutcome.INTENT)),
        fallback=Count("pk", filter=Q(outcome=ExchangeOutcome.FALLBACK)),
        not_helpful=Count("pk", filter=Q(helpful=False) & ~Q(outcome=ExchangeOutcome.FALLBACK)),
        **{f"lang_{language}": Count("pk", filter=Q(language=language)) for language in LANGUAGES},
    )
    languages = [(language, Cell(counts[f"lang_{language}"])) for language in LANGUAGES]
    result = Overview(
        since=since,
        until=until,
        days=days,
        total=Cell(counts["total"]),
        languages=languages,
        answered=Cell(counts["answered"]),
        intent=Cell(counts["intent"]),
        fallback=Cell(counts["fallback"]),
        not_helpful=Cell(counts["not_helpful"]),
    )
    if municipality is not None:
        _add_handoffs(result, municipality)
        result.top_entries = _top_entries(exchanges)
        result.struggles = _struggles(exchanges)
        result.weeks = _weeks(exchanges, since, until)
    return result


def _add_handoffs(result: Overview, municipality: Municipality) -> None:
    conversations = Conversation.objects.filter(
        municipality=municipality, created_at__gte=result.since, created_at__lt=result.until
    )
    live = conversations.exclude(state=ConversationState.TO_FEEDBACK)
    result.live = Cell(live.count())
    result.to_feedback = Cell(conversations.filter(state=ConversationState.TO_FEEDBACK).count())
    # The wait ends with staff's first message (taking a chat leaves no timestamp of its own).
    answered = live.annotate(
        first_reply=Min("messages__created_at", filter=Q(messages__sender=Sender.STAFF))
    ).filter(first_reply__isnull=False)
    waits = [row.first_reply - row.created_at for row in answered.only("pk", "created_at")]
    # A median of a handful of chats would describe single people's waits.
    if len(waits) >= SMALL_CELL:
        result.median_wait = median(waits)


def _top_entries(exchanges: QuerySet) -> list[EntryRow]:
    rows = (
        exchanges.filter(entry__isnull=False)
        .values("entry__key")
        .annotate(asked=Count("pk"), not_helpful=Count("pk", filter=Q(helpful=False)))
        .order_by("-asked", "entry__key")[:TOP_ENTRIES]
    )
    titles = titles_of({row["entry__key"] for row in rows})
    return [
        EntryRow(
            key=row["entry__key"],
            title=titles.get(row["entry__key"], row["entry__key"]),
            asked=Cell(row["asked"]),
            not_helpful=Cell(row["not_helpful"]),
        )
        for row in rows
    ]


def _struggles(exchanges: QuerySet) -> list[EntryRow]:
    """Entries ranked first in the fallbacks: what people asked about but did not get answered."""
    tops: Counter[str] = Counter()
    for candidates in exchanges.filter(outcome=ExchangeOutcome.FALLBACK).values_list(
        "candidates", flat=True
    ):
        first = candidates[0] if isinstance(candidates, list) and candidates else None
        if isinstance(first, dict) and first.get("entry"):
            tops[str(first["entry"])] += 1
    ranked = sorted(tops.items(), key=lambda item: (-item[1], item[0]))[:TOP_ENTRIES]
    titles = titles_of({key for key, _count in ranked})
    return [
        EntryRow(key=key, title=titles.get(key, key), asked=Cell(count), not_helpful=Cell(0))
        for key, count in ranked
    ]


def _monday(moment: datetime) -> date:
    day = timezone.localtime(moment).date()
    return day - timedelta(days=day.weekday())


def _weeks(exchanges: QuerySet, since: datetime, until: datetime) -> list[Week]:
    """Questions per calendar week (Monday first) touching the period, oldest first."""
    per_week: Counter[date] = Counter(
        _monday(moment) for moment in exchanges.values_list("created_at", flat=True)
    )
    weeks = []
    start, last = _monday(since), _monday(until)
    while start <= last:
        weeks.append(Week(start=start, questions=Cell(per_week.get(start, 0))))
        start += timedelta(days=7)
    return weeks


@dataclass(frozen=True)
class DeskQueue:
    """What waits for a desk's staff: residents in the live chat and questions to review."""

    waiting_chats: int
    questions_to_review: int


def desk_queue(organisation: Organisation) -> DeskQueue:
    """The desk's queues as its own pages count them (exact numbers: staff pages, not stats)."""
    return DeskQueue(
        waiting_chats=waiting_conversations(organisation).count(),
        questions_to_review=pending_count(municipality=organisation.municipality),
    )
