"""Ranking knowledge entries for a question and deciding whether to answer.

Each language has its own signals over the entries' texts: BM25 over Snowball stems and BM25
over character n-grams (plain words for comparison). The documents are each paraphrase on its
own plus one "profile" per entry — all its paraphrases and its answer together — so a question
can match words spread over several paraphrases. An entry's score in a signal is its best
document's normalised score; signals are fused by a weighted sum. The assistant answers only
when the best entry scores above a threshold and clearly ahead of the runner-up."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lampio.assistant.retrieval.bm25 import BM25
from lampio.assistant.retrieval.lexicon import EMPTY, Lexicon
from lampio.assistant.retrieval.types import Candidate, Decision, KnowledgeDoc
from lampio.core.terms import char_ngrams, stems, words

Tokeniser = Callable[[str, str], list[str]]


def _plain_words(text: str, language: str) -> list[str]:
    return words(text)


TOKENISERS: dict[str, Tokeniser] = {
    "words": _plain_words,
    "stems": stems,
    "ngrams": char_ngrams,
}


class Signal(Protocol):
    def scores(self, question: str) -> dict[str, float]:
        """Entry key → score in 0…1 (roughly) for the question."""


# Chosen on the development set (benchmarks/bench_assistant.py prints the ablation).
PRODUCTION_WEIGHTS: Mapping[str, float] = {"stems": 0.35, "ngrams": 0.35, "concepts": 0.3}


@dataclass(frozen=True)
class RetrievalConfig:
    """Signals and their weights, and when the assistant dares to answer."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(PRODUCTION_WEIGHTS))
    threshold: float = 0.15
    margin: float = 0.02
    # Added to the threshold when the question names another municipal service (health care,
    # taxes, waste…). 1.0 is out of reach: such a question always goes to a person.
    out_of_scope_penalty: float = 1.0
    profiles: bool = True


def documents(doc: KnowledgeDoc, language: str, *, profiles: bool) -> list[str]:
    questions = list(doc.questions.get(language, ()))
    if profiles:
        answer = doc.answers.get(language, "")
        questions.append(" ".join([*questions, answer]))
    return [text for text in questions if text.strip()]


class LexicalSignal:
    def __init__(self, pairs: Sequence[tuple[str, str]], language: str, tokeniser: Tokeniser):
        self.language = language
        self.tokeniser = tokeniser
        self.keys = [key for key, _ in pairs]
        self.index = BM25([tokeniser(text, language) for _, text in pairs])

    def scores(self, question: str) -> dict[str, float]:
        best: dict[str, float] = {}
        query = self.tokeniser(question, self.language)
        for doc, score in self.index.normalised_scores(query).items():
            key = self.keys[doc]
            if score > best.get(key, 0.0):
                best[key] = score
        return best


SignalFactory = Callable[[Sequence[tuple[str, str]], str], Signal]


def lexical(name: str) -> SignalFactory:
    def build(pairs: Sequence[tuple[str, str]], language: str) -> Signal:
        return LexicalSignal(pairs, language, TOKENISERS[name])

    return build


FACTORIES: dict[str, SignalFactory] = {name: lexical(name) for name in TOKENISERS}


class Retriever:
    def __init__(
        self,
        docs: Iterable[KnowledgeDoc],
        config: RetrievalConfig | None = None,
        factories: Mapping[str, SignalFactory] | None = None,
        lexicon: Lexicon = EMPTY,
    ) -> None:
        self.config = config or RetrievalConfig()
        self.lexicon = lexicon

        def concepts(pairs: Sequence[tuple[str, str]], language: str) -> Signal:
            return LexicalSignal(pairs, language, lexicon.concept_tokens)

        available = {**FACTORIES, "concepts": concepts, **(factories or {})}
        texts: dict[str, list[tuple[str, str]]] = {}
        for doc in docs:
            for language in doc.questions:
                texts.setdefault(language, []).extend(
                    (doc.key, text)
                    for text in documents(doc, language, profiles=self.config.profiles)
                )
        self._signals: dict[str, dict[str, Signal]] = {
            language: {name: available[name](pairs, language) for name in self.config.weights}
            for language, pairs in texts.items()
            if pairs
        }

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self._signals)

    def rank(self, question: str, language: str) -> list[Candidate]:
        signals = self._signals.get(language)
        if signals is None:
            return []
        fused: dict[str, float] = {}
        for name, weight in self.config.weights.items():
            for key, score in signals[name].scores(question).items():
                fused[key] = fused.get(key, 0.0) + weight * score
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))
        return [Candidate(key, round(score, 4)) for key, score in ranked]

    def decide(self, question: str, language: str) -> Decision:
        elsewhere = bool(self.lexicon.out_of_scope_areas(question, language))
        return decision_from(
            tuple(self.rank(question, language)), language, self.config, elsewhere=elsewhere
        )


def decision_from(
    candidates: Sequence[Candidate],
    language: str,
    config: RetrievalConfig,
    *,
    elsewhere: bool = False,
) -> Decision:
    top = candidates[0].score if candidates else 0.0
    runner_up = candidates[1].score if len(candidates) > 1 else 0.0
    threshold = config.threshold + (config.out_of_scope_penalty if elsewhere else 0.0)
    confident = bool(candidates) and top >= threshold and top - runner_up >= config.margin
    return Decision(
        language=language,
        candidates=tuple(candidates),
        entry_key=candidates[0].key if confident else None,
        confidence=top,
        elsewhere=elsewhere,
    )
