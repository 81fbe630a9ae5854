"""Measuring the assistant on a set of questions with known answers.

A question expects an entry key, or nothing (out of scope: the assistant should fall back).
Top-1 counts only answers given, so a fallback on an in-scope question is wrong; recall@3 asks
whether the right entry is among the three best candidates at all."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lampio.assistant.retrieval.types import Decision

Decide = Callable[[str, str | None], Decision]


@dataclass(frozen=True)
class EvalQuestion:
    text: str
    language: str
    expect: str | None


@dataclass(frozen=True)
class Outcome:
    question: EvalQuestion
    decision: Decision
    milliseconds: float

    @property
    def correct(self) -> bool:
        return self.decision.entry_key == self.question.expect

    @property
    def in_top3(self) -> bool:
        return self.question.expect in [c.key for c in self.decision.candidates[:3]]


def load_questions(path: Path) -> list[EvalQuestion]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows = data["questions"] if isinstance(data, dict) else data
    return [
        EvalQuestion(text=str(row["q"]), language=str(row["lang"]), expect=row.get("expect"))
        for row in rows
    ]


def run(questions: Iterable[EvalQuestion], decide: Decide) -> list[Outcome]:
    outcomes = []
    for question in questions:
        started = time.perf_counter()
        decision = decide(question.text, question.language)
        elapsed = (time.perf_counter() - started) * 1000
        outcomes.append(Outcome(question, decision, elapsed))
    return outcomes


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def scores(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    in_scope = [o for o in outcomes if o.question.expect is not None]
    out_of_scope = [o for o in outcomes if o.question.expect is None]
    fell_back = [o for o in outcomes if o.decision.fallback]
    right_fallbacks = sum(1 for o in fell_back if o.question.expect is None)
    return {
        "n": len(outcomes),
        "top1": _ratio(sum(o.correct for o in in_scope), len(in_scope)),
        "recall_at_3": _ratio(sum(o.in_top3 for o in in_scope), len(in_scope)),
        "fallback_precision": _ratio(right_fallbacks, len(fell_back)),
        "fallback_recall": _ratio(right_fallbacks, len(out_of_scope)),
        "p95_ms": round(_percentile([o.milliseconds for o in outcomes], 0.95), 2),
    }


def report(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    overall = scores(outcomes)
    languages = sorted({o.question.language for o in outcomes})
    overall["by_language"] = {
        language: scores([o for o in outcomes if o.question.language == language])
        for language in languages
    }
    return overall


def misses(outcomes: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if not o.correct]
