"""Full-text search in Finnish, Swedish and English, the same way for every app.

PostgreSQL stems the texts with its `finnish`, `swedish` and `english` configurations, so
"kuntosalit" finds "kuntosali". SQLite has no such search; there the query words are stemmed
with the same Snowball stemmers (PyStemmer) and matched as substrings of every language's text.
Substring matching of stems runs on PostgreSQL too, so a word typed half-way still finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from typing import TypeVar, cast

import Stemmer
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection, models
from django.db.models import Q, QuerySet
from django.db.models.expressions import Combinable, CombinedExpression
from django.utils import translation

CONFIGS = {"fi": "finnish", "sv": "swedish", "en": "english"}
MAX_WORDS = 8

ModelT = TypeVar("ModelT", bound=models.Model)


@dataclass(frozen=True)
class SearchFields:
    """Which fields are searched: `stemmed` are translated fields (`<name>_fi/_sv/_en`) stemmed
    per language; `plain` are matched as they are (addresses, place names); `substring` adds
    more translated or plain fields for the substring match only."""

    stemmed: Sequence[str]
    plain: Sequence[str] = ()
    translated_substring: Sequence[str] = ()
    # A column where PostgreSQL keeps `vector()` already computed (by a trigger), if any.
    stored_vector: str = ""

    def substring_columns(self) -> list[str]:
        translated = [*self.stemmed, *self.translated_substring]
        return [f"{name}_{language}" for name in translated for language in CONFIGS] + list(
            self.plain
        )

    def vector(self) -> CombinedExpression:
        vectors: list[Combinable] = (
            [SearchVector(*self.plain, config="simple")] if self.plain else []
        )
        vectors += [
            SearchVector(f"{name}_{language}", config=config)
            for language, config in CONFIGS.items()
            for name in self.stemmed
        ]
        return cast(CombinedExpression, reduce(lambda left, right: left + right, vectors))


def _substring_match(columns: list[str], words: list[str]) -> Q:
    return reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{column}__icontains": word}) for column in columns))
            for word in words
        ),
    )


def matching_text(rows: QuerySet[ModelT], text: str, fields: SearchFields) -> QuerySet[ModelT]:
    language = translation.get_language() or "fi"
    language = language if language in CONFIGS else "fi"
    # PostgreSQL refuses a NUL in any text it compares: a typed or pasted one is dropped.
    text = text.replace("\x00", "")
    words = [word for word in text.lower().split() if word][:MAX_WORDS]
    if not words:
        return rows
    stems = Stemmer.Stemmer(CONFIGS[language]).stemWords(words)
    substring = _substring_match(fields.substring_columns(), stems)
    if connection.vendor == "postgresql":
        query = SearchQuery(text, config=CONFIGS[language], search_type="websearch")
        if fields.stored_vector:
            return rows.filter(Q(**{fields.stored_vector: query}) | substring)
        # alias(), not annotate(): the vector is only filtered on; selecting it too made the
        # database build every result row's vector a second time.
        return rows.alias(search=fields.vector()).filter(Q(search=query) | substring)
    return rows.filter(substring)
