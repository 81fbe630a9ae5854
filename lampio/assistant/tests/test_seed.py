"""Seeding the knowledge: every entry and question of the seed files, once, and the links."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from lampio.assistant.links import ROUTES, link_for
from lampio.assistant.models import KnowledgeEntry, LinkTarget, Paraphrase, ParaphraseSource
from lampio.assistant.services.seeding import KNOWLEDGE_FILE, PARAPHRASES_FILE, seed_knowledge
from lampio.core.errors import InvalidInput

pytestmark = pytest.mark.django_db

SMALL = """
entries:
- id: access-code
  topic: spaces
  link: my-bookings
  questions:
    fi: ["Mistä saan ovikoodin?", "Milloin koodi toimii?"]
    sv: ["Var får jag dörrkoden?"]
    en: ["Where do I get the door code?"]
  answer:
    fi: "Koodi on vahvistuksessa."
    sv: "Koden finns i bekräftelsen."
    en: "The code is in the confirmation."
- id: no-link
  topic: general
  link: nowhere
  questions:
    fi: ["Kysymys?"]
  answer:
    fi: "Vastaus."
"""


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "knowledge.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    path = tmp_path / "paraphrases.yaml"
    path.write_text(
        "entries:\n  access-code:\n    fi: ['Mistä saan ovikoodin?', 'ovikoodi hukassa']\n"
        "  unknown-entry:\n    en: ['skipped']\n",
        encoding="utf-8",
    )
    return path


def test_seeding_makes_entries_with_titles_answers_and_paraphrases(
    small: Path, extra: Path
) -> None:
    result = seed_knowledge(path=small, extra=extra)
    assert (result.entries_created, result.paraphrases_created) == (2, 6)
    entry = KnowledgeEntry.objects.get(key="access-code")
    assert (entry.topic, entry.link, entry.is_published) == ("spaces", "my-bookings", True)
    assert entry.title_fi == "Mistä saan ovikoodin?"  # type: ignore[attr-defined]
    assert entry.title_sv == "Var får jag dörrkoden?"  # type: ignore[attr-defined]
    assert entry.answer_en == "The code is in the confirmation."  # type: ignore[attr-defined]
    with translation.override("en"):
        assert entry.answer == "The code is in the confirmation."
    texts = set(entry.paraphrases.values_list("language", "text"))
    assert ("fi", "ovikoodi hukassa") in texts and ("en", "Where do I get the door code?") in texts
    assert set(Paraphrase.objects.values_list("source", flat=True)) == {ParaphraseSource.SEED}
    assert KnowledgeEntry.objects.get(key="no-link").link == ""  # unknown link targets dropped


def test_seeding_again_adds_nothing_and_keeps_staff_edits(small: Path, extra: Path) -> None:
    seed_knowledge(path=small, extra=extra)
    entry = KnowledgeEntry.objects.get(key="access-code")
    entry.answer_fi = "Henkilökunnan muokkaama vastaus."  # type: ignore[attr-defined]
    entry.is_published = False
    entry.save()
    again = seed_knowledge(path=small, extra=extra)
    assert (again.entries_created, again.entries_kept, again.paraphrases_created) == (0, 2, 0)
    entry.refresh_from_db()
    assert entry.answer_fi == "Henkilökunnan muokkaama vastaus."  # type: ignore[attr-defined]
    assert not entry.is_published
    assert Paraphrase.objects.count() == 6


def test_drafts_are_left_unpublished(small: Path, extra: Path) -> None:
    seed_knowledge(path=small, extra=extra, publish=False)
    assert not KnowledgeEntry.objects.filter(is_published=True).exists()


@pytest.mark.parametrize(
    "text",
    ["- not a mapping", "entries:\n- id: x\n  answer: {fi: 'A'}\n", "entries: [1]\n", "{{{"],
)
def test_a_broken_file_is_refused_and_nothing_stored(tmp_path: Path, text: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput):
        seed_knowledge(path=path, extra=path)
    assert not KnowledgeEntry.objects.exists()


def test_the_repositorys_seed_loads_every_entry_and_question() -> None:
    result = seed_knowledge()
    seed = yaml.safe_load(KNOWLEDGE_FILE.read_text(encoding="utf-8"))["entries"]
    assert result.entries_created == len(seed) == KnowledgeEntry.objects.count()
    for raw in seed:
        entry = KnowledgeEntry.objects.get(key=raw["id"])
        assert entry.link == raw.get("link", "")
        for language, questions in raw["questions"].items():
            stored = set(entry.paraphrases.filter(language=language).values_list("text", flat=True))
            assert set(questions) <= stored
    if PARAPHRASES_FILE.exists():
        assert Paraphrase.objects.count() > sum(
            len(questions) for raw in seed for questions in raw["questions"].values()
        )
    assert seed_knowledge().paraphrases_created == 0


def test_the_command_loads_and_reports(small: Path) -> None:
    out = StringIO()
    call_command("load_assistant_knowledge", path=str(small), stdout=out)
    assert "2 added" in out.getvalue()
    call_command("load_assistant_knowledge", path=str(small), stdout=out)
    assert KnowledgeEntry.objects.count() == 2


def test_every_link_target_is_a_page_that_opens(client: Client) -> None:
    assert set(ROUTES) == set(LinkTarget.values)
    for target in LinkTarget.values:
        for language in ("fi", "sv", "en"):
            path, label = link_for(target, language)
            assert path.startswith(f"/{language}/") and label
            assert client.get(path).status_code in (200, 302), (target, path)
    with translation.override("en"):
        assert link_for("my-bookings", "en") == ("/en/bookings/", "Go to My bookings")
    assert link_for("", "fi") == ("", "")
