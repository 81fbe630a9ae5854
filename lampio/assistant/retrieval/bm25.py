"""Okapi BM25 over pre-tokenised documents, with a score normalised to 0…1.

The normalised score divides by what a perfect match of the whole query would score, so a
question whose telling words the knowledge base has never seen stays low however well its
remaining words match. That is what lets the assistant say "I'm not sure" instead of guessing."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


class BM25:
    def __init__(
        self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75
    ) -> None:
        self.k1 = k1
        self.b = b
        self.size = len(documents)
        self.lengths = [len(doc) for doc in documents]
        self.average_length = (sum(self.lengths) / self.size) if self.size else 0.0
        # term → [(document, frequency)]: scoring touches only documents that share a term.
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for index, doc in enumerate(documents):
            for term, count in Counter(doc).items():
                self.postings.setdefault(term, []).append((index, count))
        self.idf = {
            term: math.log(1 + (self.size - len(docs) + 0.5) / (len(docs) + 0.5))
            for term, docs in self.postings.items()
        }
        # An unseen term weighs as much as the rarest possible one.
        self.unseen_idf = math.log(1 + (self.size + 0.5) / 0.5)

    def scores(self, query: Sequence[str]) -> dict[int, float]:
        totals: dict[int, float] = {}
        for term, query_count in Counter(query).items():
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf[term]
            for index, frequency in postings:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[index] / self.average_length)
                gain = idf * frequency * (self.k1 + 1) / (frequency + norm)
                totals[index] = totals.get(index, 0.0) + gain * query_count
        return totals

    def ceiling(self, query: Sequence[str]) -> float:
        """The score of a document of average length holding each query term once."""
        return sum(
            self.idf.get(term, self.unseen_idf) * count for term, count in Counter(query).items()
        )

    def normalised_scores(self, query: Sequence[str]) -> dict[int, float]:
        ceiling = self.ceiling(query)
        if ceiling <= 0:
            return {}
        return {index: score / ceiling for index, score in self.scores(query).items()}
