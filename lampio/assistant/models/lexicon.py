"""The concept lexicon staff teach the assistant: words that mean the same thing, and the signs
of other municipal services it must not guess about. The retrieval index is rebuilt from these
rows when they change, like the knowledge itself."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[,\n]")


class ConceptKind(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    OUT_OF_SCOPE = "out_of_scope", _("Another service")


def normalise_terms(raw: str | Iterable[str]) -> list[str]:
    """Terms from text separated by commas or newlines (or from a list), lowercase as the
    retrieval compares words (NFKC, casefold), each once and in the order given."""
    items = _SEPARATORS.split(raw) if isinstance(raw, str) else [str(item) for item in raw]
    terms: list[str] = []
    for item in items:
        term = unicodedata.normalize("NFKC", item).strip().casefold()
        if term and term not in terms:
            terms.append(term)
    return terms


class Concept(models.Model):
    """One concept (or another service's area) and its terms per language, one per line."""

    key = models.SlugField(_("identifier"), max_length=64, unique=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=ConceptKind.choices, default=ConceptKind.CONCEPT
    )
    terms_fi = models.TextField(_("terms in Finnish"), blank=True)
    terms_sv = models.TextField(_("terms in Swedish"), blank=True)
    terms_en = models.TextField(_("terms in English"), blank=True)
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")
        ordering = ["kind", "key"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ConceptKind.values), name="assistant_concept_kind"
            ),
        ]

    def __str__(self) -> str:
        return self.key

    def terms(self, language: str) -> list[str]:
        return [line for line in getattr(self, f"terms_{language}", "").splitlines() if line]

    def set_terms(self, language: str, terms: Iterable[str]) -> None:
        setattr(self, f"terms_{language}", "\n".join(normalise_terms(terms)))
