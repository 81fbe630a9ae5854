"""Reads for the staff lexicon pages: the concepts with their terms, and what a question hits."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from lampio.assistant.models import LANGUAGES, Concept, ConceptKind
from lampio.assistant.retrieval.lexicon import Lexicon
from lampio.core.errors import NotFound
from lampio.core.terms import content_words


def concept_by_key(*, key: str) -> Concept:
    concept = Concept.objects.filter(key=key).first()
    if concept is None:
        raise NotFound()
    return concept


@dataclass(frozen=True)
class ConceptRow:
    concept: Concept
    terms: tuple[tuple[str, tuple[str, ...]], ...]  # (language, its terms)


def concepts(*, q: str = "") -> dict[str, list[ConceptRow]]:
    """Concepts and other services' areas (by kind), whose identifier, note or a term has `q`."""
    rows = Concept.objects.all()
    if q:
        term = q.strip().casefold()
        rows = rows.filter(
            Q(key__icontains=term)
            | Q(note__icontains=term)
            | Q(terms_fi__icontains=term)
            | Q(terms_sv__icontains=term)
            | Q(terms_en__icontains=term)
        )
    by_kind: dict[str, list[ConceptRow]] = {kind: [] for kind in ConceptKind.values}
    for concept in rows.order_by("key"):
        terms = tuple((language, tuple(concept.terms(language))) for language in LANGUAGES)
        by_kind[concept.kind].append(ConceptRow(concept=concept, terms=terms))
    return by_kind


@dataclass(frozen=True)
class WordHit:
    word: str
    concepts: tuple[str, ...]
    areas: tuple[str, ...]  # other services' areas


@dataclass(frozen=True)
class LanguageHits:
    language: str
    concepts: tuple[str, ...]
    areas: tuple[str, ...]
    words: tuple[WordHit, ...]  # each word of the question and what it hit


def question_hits(question: str, lexicon: Lexicon) -> list[LanguageHits]:
    """What the lexicon recognises in `question` read as Finnish, Swedish and English; words
    are tested one at a time too, so staff see which word hit what (stop words are skipped,
    as the retrieval skips them)."""
    hits = []
    for language in LANGUAGES:
        words = tuple(
            WordHit(
                word=word,
                concepts=tuple(lexicon.concept_tokens(word, language)),
                areas=tuple(lexicon.out_of_scope_areas(word, language)),
            )
            for word in content_words(question, language)
        )
        hits.append(
            LanguageHits(
                language=language,
                concepts=tuple(lexicon.concept_tokens(question, language)),
                areas=tuple(lexicon.out_of_scope_areas(question, language)),
                words=words,
            )
        )
    return hits
