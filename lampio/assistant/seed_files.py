"""The knowledge and lexicon that ship with the code, read from lampio/assistant/seed/.

knowledge.yaml is the cities' starting knowledge base; paraphrases.yaml adds the team's extra
example questions; lexicon.yaml holds concepts and out-of-scope service areas."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from lampio.assistant.retrieval.lexicon import Lexicon
from lampio.assistant.retrieval.types import KnowledgeDoc

SEED_DIR = Path(__file__).resolve().parent / "seed"
LANGUAGES = ("fi", "sv", "en")


def _read(name: str) -> dict[str, Any]:
    path = SEED_DIR / name
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def knowledge_entries() -> list[dict[str, Any]]:
    return list(_read("knowledge.yaml").get("entries") or [])


def extra_paraphrases() -> dict[str, dict[str, list[str]]]:
    return dict(_read("paraphrases.yaml").get("entries") or {})


def seed_docs(*, with_extra: bool = True) -> list[KnowledgeDoc]:
    """The seed knowledge as the index sees it, without a database (evaluation, benchmarks)."""
    extra = extra_paraphrases() if with_extra else {}
    docs = []
    for entry in knowledge_entries():
        more = extra.get(entry["id"]) or {}
        docs.append(
            KnowledgeDoc(
                key=entry["id"],
                questions={
                    language: (*entry["questions"][language], *(more.get(language) or ()))
                    for language in LANGUAGES
                },
                answers={language: entry["answer"][language] for language in LANGUAGES},
            )
        )
    return docs


@cache
def lexicon() -> Lexicon:
    return Lexicon.from_mapping(_read("lexicon.yaml"))
