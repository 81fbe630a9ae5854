"""Texts kept in the three UI languages (modeltranslation fields `<name>_fi/_sv/_en`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.utils.translation import get_language
from modeltranslation.utils import resolution_order

LANGUAGES = ("fi", "sv", "en")

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Translated:
    """One text in the three languages; Finnish is the fallback the other two may leave out."""

    fi: str = ""
    sv: str = ""
    en: str = ""


def set_translated(obj: Any, name: str, text: Translated) -> None:
    for language in LANGUAGES:
        setattr(obj, f"{name}_{language}", getattr(text, language).strip())


def translated_of(obj: Any, name: str) -> Translated:
    return Translated(
        **{language: getattr(obj, f"{name}_{language}") or "" for language in LANGUAGES}
    )


def translated_initial(obj: Any, *names: str) -> dict[str, str]:
    """Form initial values `<name>_fi/_sv/_en` from a model's translated fields."""
    return {
        f"{name}_{language}": getattr(obj, f"{name}_{language}") or ""
        for name in names
        for language in LANGUAGES
    }


def translated_from(data: Mapping[str, Any], name: str) -> Translated:
    """One text in the three languages from form data with fields `<name>_fi/_sv/_en`."""
    return Translated(**{language: data.get(f"{name}_{language}") or "" for language in LANGUAGES})


def columns(name: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The per-language columns of a translated field (or lookup path), for `values()`; only
    those of `languages` (`languages_to_read()`) when a read needs no others."""
    return tuple(f"{name}_{language}" for language in languages)


def languages_to_read() -> tuple[str, ...]:
    """The active language, then modeltranslation's fallbacks: the order a text is read in."""
    return tuple(resolution_order(get_language() or LANGUAGES[0]))


def in_active_language(
    row: Mapping[str, Any], name: str, languages: tuple[str, ...] | None = None
) -> str:
    """A translated text from a `values()` row of its `columns(name)`, read as the model
    attribute reads it: the active language first, then modeltranslation's fallbacks.
    `languages`: `languages_to_read()`, when the caller reads many texts at once."""
    for language in languages or languages_to_read():
        if text := row.get(f"{name}_{language}"):
            return str(text)
    return ""


def without_fallbacks(queryset: QuerySet[M]) -> QuerySet[M]:
    """`queryset` whose `values()` and `values_list()` return the columns as stored.

    modeltranslation rebuilds every row of those to apply its language fallbacks, which made a
    list of a city's space ids cost more than the query. Use it last, after every filter (a
    filter on a plain translated name is no longer rewritten to its column), for reads of ids,
    numbers or explicit `columns()`.
    """
    rewrite = getattr(queryset, "rewrite", None)
    return rewrite(False) if rewrite is not None else queryset
