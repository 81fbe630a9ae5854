"""The controlled keyword list: read from `data/keywords.json`, upserted by key.

The file is the source of truth. Loading it twice changes nothing the second time; a keyword
that disappears from the file is left in the database (offerings may still carry it) and should
be marked deprecated in the file instead, with `replaced_by` naming its successor.

The data migration `0003_load_keywords` loads the file with the historical model, so every
database has the list; `manage.py import_keywords` loads a newer file into a running system.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lampio.core.errors import InvalidInput
from lampio.core.multilingual import LANGUAGES, Translated
from lampio.offerings.models import Keyword

KEYWORDS_FILE = Path(__file__).resolve().parent / "data" / "keywords.json"


@dataclass(frozen=True)
class KeywordEntry:
    key: str
    name: Translated
    external_id: str = ""
    deprecated: bool = False
    replaced_by: str = ""


@dataclass
class KeywordLoad:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _entry(raw: Any) -> KeywordEntry:
    if not isinstance(raw, dict):
        raise InvalidInput(_("Each keyword must be an object."))
    key = str(raw.get("key", ""))
    if not key or slugify(key) != key:
        raise InvalidInput(_("The keyword key %(key)r is not a valid identifier.") % {"key": key})
    names = raw.get("name") or {}
    if not isinstance(names, dict) or not all(
        str(names.get(language, "")).strip() for language in LANGUAGES
    ):
        raise InvalidInput(
            _("The keyword %(key)s needs a name in Finnish, Swedish and English.") % {"key": key}
        )
    return KeywordEntry(
        key=key,
        name=Translated(**{language: str(names[language]).strip() for language in LANGUAGES}),
        external_id=str(raw.get("external_id") or "").strip(),
        deprecated=bool(raw.get("deprecated", False)),
        replaced_by=str(raw.get("replaced_by") or ""),
    )


def parse_keywords(document: Any) -> list[KeywordEntry]:
    """Validate a keyword document: unique keys, and replacements that exist and are in use."""
    raw_entries = document.get("keywords") if isinstance(document, dict) else None
    if not isinstance(raw_entries, list):
        raise InvalidInput(_("The keyword file must have a list called keywords."))
    entries = [_entry(raw) for raw in raw_entries]
    by_key = {entry.key: entry for entry in entries}
    if len(by_key) != len(entries):
        raise InvalidInput(_("The keyword file lists a key twice."))
    for entry in entries:
        if not entry.replaced_by:
            continue
        replacement = by_key.get(entry.replaced_by)
        if not entry.deprecated or replacement is None or replacement.deprecated:
            raise InvalidInput(
                _("Only a deprecated keyword may be replaced, and only by one in use: %(key)s.")
                % {"key": entry.key}
            )
    return entries


def read_keywords(path: Path = KEYWORDS_FILE) -> list[KeywordEntry]:
    with path.open(encoding="utf-8") as file:
        return parse_keywords(json.load(file))


def load_keywords(
    entries: list[KeywordEntry] | None = None, *, model: Any = Keyword
) -> KeywordLoad:
    """Create or update each keyword by its key; idempotent.

    `model` is the historical model when a migration calls this; there modeltranslation is not
    active, so the plain `name` column is written too.
    """
    entries = read_keywords() if entries is None else entries
    historical = model is not Keyword
    result = KeywordLoad()
    touched: set[str] = set()
    with transaction.atomic():
        existing = {keyword.key: keyword for keyword in model.objects.all()}
        for entry in entries:
            values: dict[str, Any] = {
                "external_id": entry.external_id,
                "is_deprecated": entry.deprecated,
                **{f"name_{language}": getattr(entry.name, language) for language in LANGUAGES},
            }
            if historical:
                values["name"] = entry.name.fi
            keyword = existing.get(entry.key)
            if keyword is None:
                existing[entry.key] = model.objects.create(key=entry.key, **values)
                result.created += 1
                touched.add(entry.key)
            elif any(getattr(keyword, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(keyword, name, value)
                keyword.save()
                result.updated += 1
                touched.add(entry.key)
        # Replacements point at keys that may appear later in the file: link them second.
        for entry in entries:
            keyword = existing[entry.key]
            wanted = existing[entry.replaced_by].pk if entry.replaced_by else None
            if keyword.replaced_by_id != wanted:
                keyword.replaced_by_id = wanted
                keyword.save(update_fields=["replaced_by"])
                if entry.key not in touched:
                    result.updated += 1
                    touched.add(entry.key)
        result.unchanged = len(entries) - len(touched)
    return result


def _folded_names(keyword: Keyword) -> set[str]:
    return {(getattr(keyword, f"name_{language}") or "").casefold() for language in LANGUAGES}


def keyword_for(*, external_id: str = "", names: tuple[str, ...] = ()) -> Keyword | None:
    """The keyword in use for an outside identifier or, failing that, a name in any language.

    A deprecated keyword leads to its replacement; one without a replacement matches nothing,
    so an import never attaches a keyword that providers can no longer choose.
    """
    keyword = None
    if external_id:
        keyword = Keyword.objects.filter(external_id=external_id).order_by("pk").first()
    wanted = {name.strip().casefold() for name in names if name.strip()}
    if keyword is None and wanted:
        # Compared in Python: SQLite folds only ASCII case, and "Körsång" must match "KÖRSÅNG".
        candidates = Keyword.objects.order_by("is_deprecated", "pk")
        keyword = next((one for one in candidates if wanted & _folded_names(one)), None)
    if keyword is None:
        return None
    current = keyword.current()
    return None if current.is_deprecated else current
