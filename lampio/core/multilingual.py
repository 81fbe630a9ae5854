"""Texts kept in the three UI languages (modeltranslation fields `<name>_fi/_sv/_en`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANGUAGES = ("fi", "sv", "en")


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
