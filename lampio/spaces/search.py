"""Full-text search of spaces in Finnish, Swedish and English.

PostgreSQL stems the texts with its `finnish`, `swedish` and `english` configurations, so
"kuntosalit" finds "kuntosali". SQLite has no such search; there the query words are stemmed
with the same Snowball stemmers (PyStemmer) and matched as substrings of every language's text.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_
from typing import cast

import Stemmer
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import Combinable, CombinedExpression
from django.utils import translation

from lampio.spaces.models import Space

CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
TEXT_FIELDS = [
    "name",
    "description",
    "venue__name",
    "venue__street_address",
    "venue__post_office",
    "venue__organisation__municipality__name",
]
TRANSLATED = {"name", "description", "venue__name", "venue__organisation__municipality__name"}


def _columns(field: str) -> list[str]:
    if field in TRANSLATED:
        return [f"{field}_{language}" for language in CONFIGS]
    return [field]


def search_vector() -> CombinedExpression:
    vectors = [
        SearchVector(f"{field}_{language}", config=config)
        for language, config in CONFIGS.items()
        for field in ("name", "description", "venue__name")
    ]
    combined: Combinable = SearchVector(
        "venue__post_office", "venue__street_address", config="simple"
    )
    for vector in vectors:
        combined = combined + vector
    return cast(CombinedExpression, combined)


def _substring_match(words: list[str]) -> Q:
    return reduce(
        and_,
        (
            reduce(
                or_,
                (
                    Q(**{f"{column}__icontains": word})
                    for field in TEXT_FIELDS
                    for column in _columns(field)
                ),
            )
            for word in words
        ),
    )


def matching_text(spaces: QuerySet[Space], text: str) -> QuerySet[Space]:
    language = translation.get_language() or "fi"
    language = language if language in CONFIGS else "fi"
    words = [word for word in text.lower().split() if word][:8]
    if not words:
        return spaces
    stems = Stemmer.Stemmer(CONFIGS[language]).stemWords(words)
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=CONFIGS[language], search_type="websearch")
        return spaces.annotate(search=search_vector()).filter(
            Q(search=query) | _substring_match(stems)
        )
    return spaces.filter(_substring_match(stems))
