"""The retrieval index over the knowledge and the concept lexicon in the database, rebuilt in
each process when staff change either: publishing needs no deploy and no restart."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max

from lampio.assistant.models import LANGUAGES, Concept, ConceptKind, KnowledgeEntry, Paraphrase
from lampio.assistant.retrieval.engine import RetrievalConfig, Retriever
from lampio.assistant.retrieval.language import detect_language
from lampio.assistant.retrieval.lexicon import Lexicon
from lampio.assistant.retrieval.types import Decision, KnowledgeDoc


def retrieval_config() -> RetrievalConfig:
    return RetrievalConfig(
        threshold=settings.LAMPIO_ASSISTANT_THRESHOLD, margin=settings.LAMPIO_ASSISTANT_MARGIN
    )


def knowledge_docs(*, include_unpublished: bool = False) -> list[KnowledgeDoc]:
    entries = KnowledgeEntry.objects.prefetch_related("paraphrases")
    if not include_unpublished:
        entries = entries.filter(is_published=True)
    docs = []
    for entry in entries:
        questions: dict[str, list[str]] = {language: [] for language in LANGUAGES}
        for paraphrase in entry.paraphrases.all():
            questions[paraphrase.language].append(paraphrase.text)
        docs.append(
            KnowledgeDoc(
                key=entry.key,
                questions={language: tuple(texts) for language, texts in questions.items()},
                answers={
                    language: getattr(entry, f"answer_{language}") or "" for language in LANGUAGES
                },
            )
        )
    return docs


def lexicon_from_rows(rows: Iterable[Concept]) -> Lexicon:
    """The Lexicon of concept rows, in the shape of seed/lexicon.yaml (which
    `seed_files.lexicon` reads for the benchmarks, without a database)."""
    sections: dict[str, dict[str, dict[str, list[str]]]] = {"concepts": {}, "out_of_scope": {}}
    for row in rows:
        section = "out_of_scope" if row.kind == ConceptKind.OUT_OF_SCOPE else "concepts"
        sections[section][row.key] = {language: row.terms(language) for language in LANGUAGES}
    return Lexicon.from_mapping(sections)


def _lexicon_version() -> tuple[object, ...]:
    concepts = Concept.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    return (concepts["n"], concepts["at"])


def _version() -> tuple[object, ...]:
    """Changes whenever an entry, paraphrase or concept is added, edited or deleted."""
    entries = KnowledgeEntry.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    paraphrases = Paraphrase.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return (entries["n"], entries["at"], paraphrases["n"], paraphrases["last"], *_lexicon_version())


@dataclass
class _Cached:
    version: tuple[object, ...]
    retriever: Retriever


_lock = threading.Lock()
_cache: dict[bool, _Cached] = {}
_lexicons: dict[tuple[object, ...], Lexicon] = {}


def current_lexicon() -> Lexicon:
    """The concept lexicon as staff left it (the live one the index uses)."""
    version = _lexicon_version()
    lexicon = _lexicons.get(version)
    if lexicon is None:
        lexicon = lexicon_from_rows(Concept.objects.all())
        _lexicons.clear()  # only the newest is worth keeping
        _lexicons[version] = lexicon
    return lexicon


def current_retriever(*, include_unpublished: bool = False) -> Retriever:
    version = _version()
    cached = _cache.get(include_unpublished)
    if cached is not None and cached.version == version:
        return cached.retriever
    with _lock:
        retriever = Retriever(
            knowledge_docs(include_unpublished=include_unpublished),
            retrieval_config(),
            lexicon=current_lexicon(),
        )
        _cache[include_unpublished] = _Cached(version, retriever)
    return retriever


def decide_question(
    question: str, language_hint: str | None = None, *, include_unpublished: bool = False
) -> Decision:
    """What the assistant would do with a question from the knowledge alone (no live data);
    staff previewing drafts include the unpublished entries."""
    language = detect_language(question, language_hint)
    retriever = current_retriever(include_unpublished=include_unpublished)
    return retriever.decide(question, language)
