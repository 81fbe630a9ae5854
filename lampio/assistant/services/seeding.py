"""Seed the knowledge base from the starting knowledge in the repository.

`seed/knowledge.yaml` holds the entries (id, topic, link, example questions and an answer in
fi/sv/en); `seed/paraphrases.yaml` more example questions by entry; `seed/lexicon.yaml` the
concepts and other services' areas. Seeding only adds what is missing: an entry or concept that
exists keeps what staff made of it (answers, title, publication, terms), and a question already
stored for an entry is not added twice, so running it again changes nothing.
Rows are inserted in bulk: seeding is set-up, not a staff change to audit one row at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.utils.translation import gettext as _

from lampio.assistant.models import (
    LANGUAGES,
    Concept,
    ConceptKind,
    KnowledgeEntry,
    LinkTarget,
    Paraphrase,
    ParaphraseSource,
)
from lampio.core.errors import InvalidInput
from lampio.core.multilingual import Translated, set_translated

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"
KNOWLEDGE_FILE = SEED_DIR / "knowledge.yaml"
PARAPHRASES_FILE = SEED_DIR / "paraphrases.yaml"
LEXICON_FILE = SEED_DIR / "lexicon.yaml"
LEXICON_SECTIONS = {"concepts": ConceptKind.CONCEPT, "out_of_scope": ConceptKind.OUT_OF_SCOPE}
TITLE_LENGTH = KnowledgeEntry._meta.get_field("title").max_length or 120
TEXT_LENGTH = Paraphrase._meta.get_field("text").max_length or 300


@dataclass
class SeedResult:
    entries_created: int = 0
    entries_kept: int = 0
    paraphrases_created: int = 0
    concepts_created: int = 0


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        message = _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error}
        raise InvalidInput(message) from error
    if not isinstance(data, dict):
        raise InvalidInput(_("%(path)s has no entries.") % {"path": path})
    return data


def _by_language(value: Any, *, where: str) -> dict[str, list[str]]:
    """{language: [texts]} of a YAML mapping whose values are a string or a list of them."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInput(_("%(where)s must be given per language.") % {"where": where})
    texts: dict[str, list[str]] = {}
    for language, items in value.items():
        if language not in LANGUAGES:
            continue
        listed = items if isinstance(items, list) else [items]
        texts[language] = [" ".join(str(item).split()) for item in listed if str(item).strip()]
    return texts


def _new_entry(
    raw: dict[str, Any], *, publish: bool
) -> tuple[KnowledgeEntry, dict[str, list[str]]]:
    key = str(raw.get("id", "")).strip()
    questions = _by_language(raw.get("questions"), where=f"{key}: questions")
    answers = _by_language(raw.get("answer"), where=f"{key}: answer")
    if not key or not answers.get("fi") or not questions.get("fi"):
        raise InvalidInput(
            _('Entry "%(key)s" needs an id and a Finnish question and answer.') % {"key": key}
        )
    link = str(raw.get("link") or "")
    entry = KnowledgeEntry(
        key=key,
        topic=str(raw.get("topic") or "general"),
        link=link if link in LinkTarget.values else "",
        is_published=publish,
    )
    first = {language: (texts or [""])[0] for language, texts in questions.items()}
    set_translated(
        entry, "title", Translated(**{lang: text[:TITLE_LENGTH] for lang, text in first.items()})
    )
    set_translated(
        entry, "answer", Translated(**{lang: texts[0] for lang, texts in answers.items() if texts})
    )
    return entry, questions


@transaction.atomic
def seed_knowledge(
    *,
    path: Path | str | None = None,
    extra: Path | str | None = None,
    publish: bool = True,
    lexicon: Path | str | None = None,
) -> SeedResult:
    """Add the entries, example questions and concepts that are missing. `extra` defaults to
    the team's paraphrases file when it exists; questions for keys that are not entries are
    skipped. `lexicon` defaults to the repository's lexicon."""
    result = SeedResult(concepts_created=seed_lexicon(lexicon))
    raw_entries = _read(Path(path) if path else KNOWLEDGE_FILE).get("entries") or []
    existing = {entry.key: entry for entry in KnowledgeEntry.objects.all()}
    questions: dict[str, dict[str, list[str]]] = {}
    new: list[KnowledgeEntry] = []
    for raw in raw_entries:
        if not isinstance(raw, dict):
            raise InvalidInput(_("Each entry must be a mapping."))
        entry, asked = _new_entry(raw, publish=publish)
        questions.setdefault(entry.key, {})
        for language, texts in asked.items():
            questions[entry.key].setdefault(language, []).extend(texts)
        if entry.key in existing:
            result.entries_kept += 1
        elif entry.key not in {e.key for e in new}:
            new.append(entry)
    KnowledgeEntry.objects.bulk_create(new)
    result.entries_created = len(new)
    extra_path = Path(extra) if extra else PARAPHRASES_FILE
    if extra or extra_path.exists():
        for key, by_language in (_read(extra_path).get("entries") or {}).items():
            for language, texts in _by_language(by_language, where=str(key)).items():
                questions.setdefault(str(key), {}).setdefault(language, []).extend(texts)
    result.paraphrases_created = _add_paraphrases(questions)
    return result


def _add_paraphrases(questions: dict[str, dict[str, list[str]]]) -> int:
    entries = dict(KnowledgeEntry.objects.filter(key__in=questions).values_list("key", "pk"))
    stored = set(
        Paraphrase.objects.filter(entry_id__in=entries.values()).values_list(
            "entry_id", "language", "text"
        )
    )
    rows: list[Paraphrase] = []
    for key, by_language in questions.items():
        if key not in entries:
            continue
        for language, texts in by_language.items():
            for text in texts:
                row = (entries[key], language, text[:TEXT_LENGTH])
                if row not in stored:
                    stored.add(row)
                    rows.append(
                        Paraphrase(
                            entry_id=row[0],
                            language=language,
                            text=row[2],
                            source=ParaphraseSource.SEED,
                        )
                    )
    Paraphrase.objects.bulk_create(rows)
    return len(rows)


def seed_lexicon(path: Path | str | None = None) -> int:
    """Add the concepts of the lexicon file that are missing (by key); returns how many."""
    data = _read(Path(path) if path else LEXICON_FILE)
    known = set(Concept.objects.values_list("key", flat=True))
    rows: list[Concept] = []
    for section, kind in LEXICON_SECTIONS.items():
        for key, by_language in (data.get(section) or {}).items():
            key = str(key)
            if key in known:
                continue
            known.add(key)
            concept = Concept(key=key, kind=kind)
            for language, terms in _by_language(by_language, where=key).items():
                concept.set_terms(language, terms)
            rows.append(concept)
    Concept.objects.bulk_create(rows)
    return len(rows)
