"""Turning a text into terms: words, Snowball stems and character n-grams, per language.

Shared by the assistant's retrieval and the ideas app's similar ideas and routing.

Stop words are dropped so that the words which carry the question decide the match; the lists
are short on purpose (function words and question words only), since a content word dropped by
mistake costs more than a function word kept."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import Stemmer

SNOWBALL = {"fi": "finnish", "sv": "swedish", "en": "english"}

STOP_WORD_DIR = Path(__file__).resolve().parent / "stopwords"


@cache
def stop_words(language: str) -> frozenset[str]:
    path = STOP_WORD_DIR / f"{language}.txt"
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def content_words(text: str, language: str) -> list[str]:
    stop = stop_words(language)
    return [word for word in words(text) if word not in stop]


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(SNOWBALL[language])


def stems(text: str, language: str) -> list[str]:
    return list(_stemmer(language).stemWords(content_words(text, language)))


def char_ngrams(text: str, language: str, sizes: tuple[int, ...] = (3, 4, 5)) -> list[str]:
    """N-grams inside each content word, with word boundaries marked, so a compound
    ("kerhohuone") shares grams with its parts ("huone") and a typo loses only a few grams."""
    grams: list[str] = []
    for word in content_words(text, language):
        padded = f"<{word}>"
        for size in sizes:
            grams.extend(padded[i : i + size] for i in range(len(padded) - size + 1))
    return grams
