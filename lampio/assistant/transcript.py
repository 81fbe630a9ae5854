"""The resident's current conversation with the assistant, kept in their session.

The page shows it, and a hand-off carries it to the person who answers. Only the last turns are
kept: enough context for a person, little personal data lying in the session table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core import signing
from django.utils import translation
from django.utils.translation import gettext as _

from lampio.assistant.replies import Reply

SESSION_KEY = "assistant_transcript"
CONVERSATION_KEY = "assistant_conversation"  # token of the resident's latest live conversation
MAX_TURNS = 10
EXCHANGE_SALT = "lampio.assistant.exchange"
EXCHANGE_MAX_AGE = 7 * 24 * 3600


def sign_exchange(exchange_id: int) -> str:
    """Whoever asked may mark their answer as not helpful, nobody else's."""
    return signing.dumps(exchange_id, salt=EXCHANGE_SALT) if exchange_id else ""


def exchange_from(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=EXCHANGE_SALT, max_age=EXCHANGE_MAX_AGE)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) and value > 0 else None


@dataclass
class Turn:
    """One question and what the assistant said back, as plain JSON-friendly values."""

    question: str
    language: str
    answer: str = ""
    fallback: bool = False
    entry: str = ""
    link: str = ""
    link_label: str = ""
    intent: str = ""
    items: list[list[str]] = field(default_factory=list)  # [title, detail, url]
    suggestions: list[list[str]] = field(default_factory=list)  # [entry key, title]
    exchange: str = ""  # signed exchange id; "" when nothing can be marked
    rated: bool = False
    number: int = 0
    # Set on the second fallback in a row: the page then puts a person first.
    offer_person: bool = False

    @classmethod
    def from_reply(cls, question: str, reply: Reply) -> Turn:
        return cls(
            question=question,
            language=reply.language,
            answer=reply.answer,
            fallback=reply.fallback,
            entry=reply.entry_key or "",
            link=reply.link,
            link_label=reply.link_label,
            intent=reply.intent,
            items=[[item.title, item.detail, item.url] for item in reply.items],
            suggestions=[[s.key, s.title] for s in reply.suggestions],
            exchange=sign_exchange(reply.exchange_id),
        )

    def assistant_text(self) -> str:
        """What the assistant said, as one line of text for the person who takes over."""
        if self.fallback:
            with translation.override(self.language):
                return _("I'm not sure I understood.")
        lines = [self.answer, *(f"{title} {detail}".strip() for title, detail, _url in self.items)]
        return "\n".join(line for line in lines if line)


class Transcript:
    """The turns in `session`, oldest first."""

    def __init__(self, session: SessionBase) -> None:
        self.session = session

    def turns(self) -> list[Turn]:
        raw: Iterable[dict[str, Any]] = self.session.get(SESSION_KEY, [])
        turns: list[Turn] = []
        for data in raw:
            try:
                turns.append(Turn(**data))
            except TypeError:
                continue  # a turn stored by an older version: drop it rather than fail
        return turns

    def _save(self, turns: list[Turn]) -> None:
        self.session[SESSION_KEY] = [asdict(turn) for turn in turns[-MAX_TURNS:]]

    def add(self, turn: Turn) -> Turn:
        turns = self.turns()
        turn.number = (turns[-1].number if turns else 0) + 1
        turn.offer_person = turn.fallback and bool(turns) and turns[-1].fallback
        turns.append(turn)
        self._save(turns)
        return turn

    def mark_rated(self, exchange_id: int) -> None:
        # By the exchange, not its token: a token signed again in another second differs.
        turns = self.turns()
        for turn in turns:
            if exchange_from(turn.exchange) == exchange_id:
                turn.rated = True
        self._save(turns)

    def clear(self) -> None:
        self.session.pop(SESSION_KEY, None)

    def as_handoff(self) -> tuple[tuple[str, str], ...]:
        """(sender, text) pairs for HandoffRequest.transcript."""
        pairs: list[tuple[str, str]] = []
        for turn in self.turns():
            pairs.append(("resident", turn.question))
            pairs.append(("assistant", turn.assistant_text()))
        return tuple(pairs)
