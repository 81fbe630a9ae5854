"""Full-text search of spaces: names and descriptions stemmed, addresses matched as typed."""

from __future__ import annotations

from django.db.models import QuerySet

from lampio.core.textsearch import SearchFields
from lampio.core.textsearch import matching_text as _matching_text
from lampio.spaces.models import Space

SPACE_FIELDS = SearchFields(
    stemmed=("name", "description", "venue__name"),
    plain=("venue__post_office", "venue__street_address"),
    translated_substring=("venue__organisation__municipality__name",),
    stored_vector="search_vector",  # migration 0004 keeps `vector()` of the fields above there
)


def matching_text(spaces: QuerySet[Space], text: str) -> QuerySet[Space]:
    return _matching_text(spaces, text, SPACE_FIELDS)
