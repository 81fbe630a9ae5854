"""Concepts shared by many wordings, and the signs of other municipal services.

"synttärit", "juhlat" and "birthday" become one concept token, so a question matches an entry
whose paraphrases used another word for the same thing. Out-of-scope areas (health care, taxes,
waste…) are what the assistant must not guess about: a question that names one needs a much
stronger match before it is answered."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lampio.core.terms import content_words

# Terms this long also match inside a word: the head of a Finnish or Swedish compound.
# A term ending in "$" matches only the whole word.
INFIX_MIN_LENGTH = 5

Terms = Sequence[tuple[str, str]]  # (term, concept or area)


def _matches(term: str, word: str) -> bool:
    if term.endswith("$"):  # a whole word only: "pass$" is a passport, not "passerkod"
        return word == term[:-1]
    return word.startswith(term) or (len(term) >= INFIX_MIN_LENGTH and term in word)


def _tags(words: Sequence[str], terms: Terms) -> list[str]:
    found: list[str] = []
    for word in words:
        for term, tag in terms:
            if _matches(term, word) and tag not in found:
                found.append(tag)
    return found


@dataclass(frozen=True)
class Lexicon:
    concepts: Mapping[str, Terms]  # language → terms
    out_of_scope: Mapping[str, Terms]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Mapping[str, Mapping[str, Sequence[str]]]]) -> Lexicon:
        def terms(section: str) -> dict[str, list[tuple[str, str]]]:
            by_language: dict[str, list[tuple[str, str]]] = {}
            for tag, languages in (data.get(section) or {}).items():
                for language, words in languages.items():
                    by_language.setdefault(language, []).extend(
                        (str(word).casefold(), str(tag)) for word in words
                    )
            return by_language

        return cls(concepts=terms("concepts"), out_of_scope=terms("out_of_scope"))

    def concept_tokens(self, text: str, language: str) -> list[str]:
        return _tags(content_words(text, language), self.concepts.get(language, ()))

    def out_of_scope_areas(self, text: str, language: str) -> list[str]:
        return _tags(content_words(text, language), self.out_of_scope.get(language, ()))


EMPTY = Lexicon(concepts={}, out_of_scope={})
