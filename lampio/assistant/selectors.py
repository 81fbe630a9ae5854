"""Reads for residents' side of the assistant: an entry's answer as a municipality gives it."""

from __future__ import annotations

from dataclasses import dataclass

from lampio.assistant.links import link_for
from lampio.assistant.models import AnswerOverride, KnowledgeEntry
from lampio.tenancy.models import Municipality


@dataclass(frozen=True)
class EntryAnswer:
    key: str
    title: str
    answer: str
    link: str
    link_label: str


def _in_language(obj: object, field: str, language: str) -> str:
    # Content falls back to Finnish, the language every entry must have.
    return str(getattr(obj, f"{field}_{language}", "") or getattr(obj, f"{field}_fi", "") or "")


def published_entry(
    key: str, language: str, municipality: Municipality | None = None
) -> EntryAnswer | None:
    entry = KnowledgeEntry.objects.filter(key=key, is_published=True).first()
    if entry is None:
        return None
    return entry_answer(entry, language, municipality)


def entry_answer(
    entry: KnowledgeEntry, language: str, municipality: Municipality | None = None
) -> EntryAnswer:
    answer = _in_language(entry, "answer", language)
    if municipality is not None:
        override = AnswerOverride.objects.filter(entry=entry, municipality=municipality).first()
        # A local answer written only in Finnish must not replace the shared Swedish one.
        local = getattr(override, f"answer_{language}", "") if override else ""
        answer = local or answer
    link, label = link_for(entry.link, language) if entry.link else ("", "")
    return EntryAnswer(
        key=entry.key,
        title=_in_language(entry, "title", language),
        answer=answer,
        link=link,
        link_label=label,
    )


def entry_titles(keys: list[str], language: str) -> dict[str, str]:
    entries = KnowledgeEntry.objects.filter(key__in=keys, is_published=True)
    return {entry.key: _in_language(entry, "title", language) for entry in entries}
