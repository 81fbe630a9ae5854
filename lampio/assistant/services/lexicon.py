"""Staff teach the assistant words: concepts (many wordings of one thing) and the signs of other
city services. The lexicon is shared by the city network like the knowledge: MANAGE staff of
any assistant desk may change it, every write is audited (`set_actor`), and the retrieval index
notices the change by itself (knowledge_index's version check).

A term matches a word of a question when the word starts with it; a term of five or more
letters also matches inside a word (compounds); a term ending in "$" matches only the whole
word. The checks below stop the mistakes that quietly spoil matching: a one- or two-letter
start matches far too many words, and the same term under two concepts of one kind makes them
indistinguishable. Terms a concept already had are not checked again: the seed lexicon has a
few short whole-word-less terms ("wc", "tv") and deliberate overlaps (a specific room type also
counts as a "space"), and staff must still be able to edit those concepts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.assistant.desk import desk_municipality
from lampio.assistant.models import LANGUAGES, Concept, ConceptKind
from lampio.assistant.models.lexicon import normalise_terms
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput
from lampio.tenancy.models import Organisation

KEY = re.compile(r"^[a-z0-9][-a-z0-9_]*$")
MAX_KEY = Concept._meta.get_field("key").max_length or 64
# One word start: letters and digits as the retrieval splits words, optionally "$" at the end.
TERM = re.compile(r"^[^\W_]+\$?$")
SHORT = 2  # terms this short must be whole words


def _check_key(key: str, concept: Concept | None) -> None:
    if not key or len(key) > MAX_KEY or not KEY.match(key):
        raise InvalidInput(
            _("Use lowercase letters, digits, hyphens and underscores in the identifier."),
            field="key",
        )
    others = Concept.objects.filter(key=key)
    if concept is not None:
        others = others.exclude(pk=concept.pk)
    if others.exists():
        raise InvalidInput(_("Another concept already has this identifier."), field="key")


def _taken(kind: str, concept: Concept | None) -> dict[tuple[str, str], str]:
    """(language, term) → key of the other concept of this kind that has the term."""
    others = Concept.objects.filter(kind=kind)
    if concept is not None:
        others = others.exclude(pk=concept.pk)
    taken: dict[tuple[str, str], str] = {}
    for other in others.order_by("key"):
        for language in LANGUAGES:
            for term in other.terms(language):
                taken.setdefault((language, term), other.key)
    return taken


def _check_terms(terms: Mapping[str, list[str]], *, kind: str, concept: Concept | None) -> None:
    if not any(terms.values()):
        raise InvalidInput(_("Give at least one term in some language."), field="terms_fi")
    kept_kind = concept is not None and concept.kind == kind
    taken = _taken(kind, concept)
    for language in LANGUAGES:
        had = set(concept.terms(language)) if concept is not None else set()
        field = f"terms_{language}"
        for term in terms.get(language, []):
            if not TERM.match(term):
                raise InvalidInput(
                    _(
                        "“%(term)s” is not one word: write the start of a word with letters "
                        "and digits only, and $ at the end to match only the whole word."
                    )
                    % {"term": term},
                    field=field,
                )
            if term in had and kept_kind:
                continue
            if term not in had and len(term.rstrip("$")) <= SHORT and not term.endswith("$"):
                raise InvalidInput(
                    _(
                        "“%(term)s” is too short to be the start of a word: write “%(term)s$” "
                        "so it matches only that whole word."
                    )
                    % {"term": term},
                    field=field,
                )
            if (language, term) in taken:
                raise InvalidInput(
                    _("“%(term)s” is already a term of “%(concept)s” in this language.")
                    % {"term": term, "concept": taken[(language, term)]},
                    field=field,
                )


def save_concept(
    *,
    actor: User,
    organisation: Organisation,
    concept: Concept | None,
    key: str,
    kind: str,
    terms: Mapping[str, str],
    note: str,
) -> Concept:
    """Create a concept (`concept` None) or change one. `terms` is the text typed per language:
    terms separated by commas or new lines."""
    desk_municipality(actor=actor, organisation=organisation)
    key = key.strip()
    if kind not in ConceptKind.values:
        raise InvalidInput(_("Choose a concept or another service."), field="kind")
    _check_key(key, concept)
    parsed = {language: normalise_terms(terms.get(language, "")) for language in LANGUAGES}
    _check_terms(parsed, kind=kind, concept=concept)
    concept = concept if concept is not None else Concept()
    concept.key, concept.kind, concept.note = key, kind, note.strip()
    for language in LANGUAGES:
        concept.set_terms(language, parsed[language])
    concept.updated_by = actor
    try:
        with transaction.atomic(), set_actor(actor):
            concept.save()
    except IntegrityError as error:  # a colleague saved the same identifier a moment ago
        raise Conflict(_("Another concept already has this identifier."), field="key") from error
    return concept


def delete_concept(*, actor: User, organisation: Organisation, concept: Concept) -> None:
    desk_municipality(actor=actor, organisation=organisation)
    with transaction.atomic(), set_actor(actor):
        concept.delete()
