"""Similar ideas and routing suggestions from an idea's words, offline and deterministic.

Both work on Snowball stems (lampio.core.terms). An idea's stems are kept in `Idea.terms` at write
time (`idea_terms`), so similar ideas read only pk and terms of the candidates.

Similar ideas: TF-IDF cosine (sublinear term frequency, smoothed inverse document frequency) of
the new text against the candidates, the document frequencies counted over the candidates.

Routing: a nearest-centroid classifier per municipality. An organisation's centroid is made of its
routing profile (responsibilities and name; stemmed with all three stemmers, since staff write it
in one language and residents in theirs) and of the ideas staff have confirmed for it; a strategy
theme's centroid of its name, description and keywords (each translation with its language's
stemmer) and of the ideas confirmed with it. The suggestion is the organisation whose centroid is
nearest the idea, with the next two as alternatives, and the themes near enough.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from lampio.core.terms import SNOWBALL, stems
from lampio.ideas.models import Idea, RoutingProfile, StrategyTheme
from lampio.tenancy.models import Municipality, Organisation

LANGUAGES = tuple(SNOWBALL)
TITLE_WEIGHT = 2  # a title says what the idea is about; its words count twice

# Routing: how much the staff-written text weighs in a centroid against one confirmed idea.
PROFILE_WEIGHT = 2.0
THEME_TEXT_WEIGHT = 2.0
# A suggestion needs at least this much cosine; below it the router says nothing.
MIN_ORGANISATION_SCORE = 0.02
MIN_THEME_SCORE = 0.03
# Further themes are suggested when near enough the best one and above an absolute floor.
THEME_SCORE = 0.08
THEME_RELATIVE = 0.6
MAX_THEMES = 3
MAX_ALTERNATIVES = 2

Vector = dict[str, float]


def _language(language: str) -> str:
    return language if language in SNOWBALL else "fi"


def idea_terms(title: str, body: str, language: str) -> str:
    """Stems of the title (counted twice) and the body, space-joined, for `Idea.terms`."""
    language = _language(language)
    title_stems = stems(title, language)
    return " ".join(title_stems * TITLE_WEIGHT + stems(body, language))


def multilingual_terms(text: str) -> list[str]:
    """Stems of a text whose language is not known: every word gives each distinct stem the three
    stemmers make of it (once, so that a word does not weigh three times)."""
    per_language = [stems(text, language) for language in LANGUAGES]
    if len({len(found) for found in per_language}) != 1:
        # Stop word lists differ: fall back to the union of the stems, counted once each.
        return sorted({stem for found in per_language for stem in found})
    terms: list[str] = []
    for variants in zip(*per_language, strict=True):
        terms.extend(dict.fromkeys(variants))
    return terms


# ---- TF-IDF ------------------------------------------------------------------------------------


def _idf(document_frequency: Mapping[str, int], documents: int) -> dict[str, float]:
    return {
        term: math.log((documents + 1) / (count + 1)) + 1.0
        for term, count in document_frequency.items()
    }


def _weigh(counts: Mapping[str, int], idf: Mapping[str, float], default_idf: float) -> Vector:
    return {term: (1.0 + math.log(tf)) * idf.get(term, default_idf) for term, tf in counts.items()}


def _normalised(vector: Vector) -> Vector:
    norm = math.sqrt(sum(weight * weight for weight in vector.values()))
    if not norm:
        return {}
    return {term: weight / norm for term, weight in vector.items()}


def _dot(query: Mapping[str, float], other: Mapping[str, float]) -> float:
    if len(query) > len(other):
        query, other = other, query
    return sum(weight * other.get(term, 0.0) for term, weight in query.items())


# ---- Similar ideas -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Similar:
    idea: Idea
    score: float  # cosine, 0..1


def similar_ideas(
    candidates: QuerySet[Idea],
    *,
    title: str,
    body: str,
    language: str,
    limit: int = 5,
    exclude_id: int | None = None,
    min_score: float = 0.15,
) -> list[Similar]:
    """The candidates most like the text, best first (ties: newest first). The caller passes only
    ideas the person may see."""
    query_counts = Counter(idea_terms(title, body, language).split())
    if not query_counts or limit <= 0:
        return []
    if exclude_id is not None:
        candidates = candidates.exclude(pk=exclude_id)
    rows = list(candidates.order_by().values_list("pk", "terms"))
    if not rows:
        return []
    documents: list[tuple[int, Counter[str]]] = []
    document_frequency: Counter[str] = Counter()
    query_terms = query_counts.keys()
    for pk, terms in rows:
        counts = Counter(terms.split())
        document_frequency.update(counts.keys())
        if not query_terms.isdisjoint(counts.keys()):
            documents.append((pk, counts))
    if not documents:
        return []
    idf = _idf(document_frequency, len(rows))
    default_idf = math.log(len(rows) + 1) + 1.0
    query = _normalised(_weigh(query_counts, idf, default_idf))
    scored: list[tuple[float, int]] = []
    for pk, counts in documents:
        vector = _weigh(counts, idf, default_idf)
        norm = math.sqrt(sum(weight * weight for weight in vector.values()))
        score = sum(weight * vector.get(term, 0.0) for term, weight in query.items()) / norm
        if score >= min_score:
            scored.append((score, pk))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    best = scored[:limit]
    ideas = Idea.objects.in_bulk([pk for _score, pk in best])
    return [Similar(idea=ideas[pk], score=min(1.0, score)) for score, pk in best if pk in ideas]


# ---- Routing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoutingSuggestion:
    organisation: Organisation | None
    score: float
    alternatives: list[tuple[Organisation, float]] = field(default_factory=list)
    themes: list[StrategyTheme] = field(default_factory=list)


@dataclass
class _Centroids:
    """Labelled documents (label → list of (term counts, weight)) turned into unit centroids."""

    documents: dict[int, list[tuple[Counter[str], float]]] = field(default_factory=dict)

    def add(self, label: int, terms: Iterable[str], weight: float = 1.0) -> None:
        counts = Counter(terms)
        if counts:
            self.documents.setdefault(label, []).append((counts, weight))

    def all_documents(self) -> list[Counter[str]]:
        return [counts for docs in self.documents.values() for counts, _weight in docs]

    def centroids(self, idf: Mapping[str, float], default_idf: float) -> dict[int, Vector]:
        made: dict[int, Vector] = {}
        for label, docs in self.documents.items():
            total: dict[str, float] = {}
            for counts, weight in docs:
                for term, value in _normalised(_weigh(counts, idf, default_idf)).items():
                    total[term] = total.get(term, 0.0) + weight * value
            made[label] = _normalised(total)
        return made


def _theme_terms(theme: StrategyTheme) -> list[str]:
    terms: list[str] = []
    for language in LANGUAGES:
        for name in ("name", "description", "keywords"):
            text = getattr(theme, f"{name}_{language}", "") or ""
            found = stems(text, language)
            terms.extend(found * (TITLE_WEIGHT if name != "description" else 1))
    return terms


def _organisation_terms(profile: RoutingProfile) -> list[str]:
    organisation = profile.organisation
    names = " ".join(
        dict.fromkeys(
            getattr(organisation, f"name_{language}", "") or organisation.name
            for language in LANGUAGES
        )
    )
    return multilingual_terms(f"{names}\n{profile.responsibilities}")


def _ranked(query: Vector, centroids: Mapping[int, Vector]) -> list[tuple[float, int]]:
    ranked = [(_dot(query, centroid), label) for label, centroid in centroids.items()]
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return ranked


def suggest_routing(
    *, municipality: Municipality, title: str, body: str, language: str
) -> RoutingSuggestion:
    """The organisation of the municipality most likely responsible for an idea, the next two,
    and up to three strategy themes it touches. Reads the profiles, the themes and the confirmed
    ideas afresh on each call (a few hundred rows), so staff's confirmations count at once."""
    query_counts = Counter(idea_terms(title, body, language).split())
    profiles = list(
        RoutingProfile.objects.filter(organisation__municipality=municipality)
        .select_related("organisation")
        .order_by("organisation_id")
    )
    themes = list(
        StrategyTheme.objects.filter(
            Q(municipality=municipality) | Q(municipality__isnull=True), is_active=True
        ).order_by("pk")
    )
    organisations = _Centroids()
    for profile in profiles:
        organisations.add(profile.organisation_id, _organisation_terms(profile), PROFILE_WEIGHT)
    confirmed = Idea.objects.filter(routed_at__isnull=False).order_by("pk")
    for organisation_id, terms in confirmed.filter(
        municipality=municipality, organisation_id__in=[p.organisation_id for p in profiles]
    ).values_list("organisation_id", "terms"):
        organisations.add(organisation_id, terms.split())
    topics = _Centroids()
    for theme in themes:
        topics.add(theme.pk, _theme_terms(theme), THEME_TEXT_WEIGHT)
    theme_ids = [theme.pk for theme in themes]
    for theme_id, terms in (
        Idea.themes.through.objects.filter(
            strategytheme_id__in=theme_ids, idea__routed_at__isnull=False
        )
        .order_by("idea_id")
        .values_list("strategytheme_id", "idea__terms")
    ):
        topics.add(theme_id, terms.split())

    if not query_counts:
        return RoutingSuggestion(organisation=None, score=0.0)
    corpus = organisations.all_documents() + topics.all_documents()
    document_frequency: Counter[str] = Counter()
    for counts in corpus:
        document_frequency.update(counts.keys())
    idf = _idf(document_frequency, len(corpus))
    default_idf = math.log(len(corpus) + 1) + 1.0
    query = _normalised(_weigh(query_counts, idf, default_idf))

    by_id = {profile.organisation_id: profile.organisation for profile in profiles}
    ranked = [
        (score, label)
        for score, label in _ranked(query, organisations.centroids(idf, default_idf))
        if score > 0
    ]
    best: Organisation | None = None
    best_score = 0.0
    if ranked and ranked[0][0] >= MIN_ORGANISATION_SCORE:
        best_score, best_id = ranked[0]
        best = by_id[best_id]
    alternatives = [
        (by_id[label], round(score, 4))
        for score, label in ranked[1 if best else 0 :][:MAX_ALTERNATIVES]
        if score >= MIN_ORGANISATION_SCORE
    ]

    theme_by_id = {theme.pk: theme for theme in themes}
    theme_ranked = _ranked(query, topics.centroids(idf, default_idf))
    chosen: list[StrategyTheme] = []
    if theme_ranked and theme_ranked[0][0] >= MIN_THEME_SCORE:
        top = theme_ranked[0][0]
        floor = max(THEME_SCORE, THEME_RELATIVE * top)
        chosen = [theme_by_id[theme_ranked[0][1]]]
        chosen.extend(
            theme_by_id[label] for score, label in theme_ranked[1:MAX_THEMES] if score >= floor
        )
    return RoutingSuggestion(
        organisation=best,
        score=round(best_score, 4),
        alternatives=alternatives,
        themes=chosen,
    )
