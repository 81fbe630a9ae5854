from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnowledgeDoc:
    """One entry as the index sees it: its paraphrases per language (and its answers, whose
    words also say what the entry is about)."""

    key: str
    questions: dict[str, tuple[str, ...]]
    answers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Candidate:
    key: str
    score: float


@dataclass(frozen=True)
class Decision:
    """What the retrieval concluded: an entry to answer with, or a fallback with suggestions."""

    language: str
    candidates: tuple[Candidate, ...]
    entry_key: str | None
    confidence: float
    elsewhere: bool = False  # the question names a service outside the assistant's scope

    @property
    def fallback(self) -> bool:
        return self.entry_key is None

    def suggestions(self, limit: int = 3) -> tuple[Candidate, ...]:
        return self.candidates[:limit]
