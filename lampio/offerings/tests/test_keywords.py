"""The controlled keyword list: the data file, its loader, the migration and the matching."""

from __future__ import annotations

import json
import re
from importlib import import_module
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import override

from lampio.core.errors import InvalidInput
from lampio.core.multilingual import Translated
from lampio.offerings.keywords import (
    KEYWORDS_FILE,
    keyword_for,
    load_keywords,
    parse_keywords,
    read_keywords,
)
from lampio.offerings.models import Keyword
from lampio.offerings.selectors import keyword_choices

pytestmark = pytest.mark.django_db


def document() -> dict:
    return json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))


def test_the_data_file_has_a_full_multilingual_list() -> None:
    entries = read_keywords()
    in_use = [entry for entry in entries if not entry.deprecated]
    assert len(in_use) >= 40
    assert len({entry.key for entry in entries}) == len(entries)
    for entry in entries:
        assert entry.name.fi and entry.name.sv and entry.name.en, entry.key
    ids = [entry.external_id for entry in entries if entry.external_id]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"yso:p\d+", external_id) for external_id in ids)
    by_key = {entry.key: entry for entry in entries}
    assert by_key["choirs"].name == Translated("Kuorolaulu", "Körsång", "Choral singing")
    assert by_key["music"].external_id == "yso:p1808"
    deprecated = [entry for entry in entries if entry.deprecated]
    assert len(deprecated) >= 2
    assert all(not by_key[entry.replaced_by].deprecated for entry in deprecated)


def test_loading_creates_then_changes_nothing_the_second_time() -> None:
    Keyword.objects.all().delete()

    first = load_keywords()
    rows = list(Keyword.objects.order_by("key").values_list("key", "name_sv", "replaced_by"))
    second = load_keywords()

    assert first.created == len(read_keywords()) and first.updated == 0
    assert (second.created, second.updated, second.unchanged) == (0, 0, len(read_keywords()))
    assert list(Keyword.objects.order_by("key").values_list("key", "name_sv", "replaced_by")) == (
        rows
    )
    art = Keyword.objects.get(key="art")
    assert art.is_deprecated and art.replaced_by == Keyword.objects.get(key="visual-arts")
    assert art.current().key == "visual-arts"


def test_loading_updates_by_key_and_links_a_new_replacement() -> None:
    load_keywords()
    data = document()
    for raw in data["keywords"]:
        if raw["key"] == "poetry":
            raw["name"]["sv"] = "Lyrik"
        if raw["key"] == "storytelling":
            raw.update(deprecated=True, replaced_by="literature")
    keyword_pk = Keyword.objects.get(key="poetry").pk

    result = load_keywords(parse_keywords(data))

    assert (result.created, result.updated) == (0, 2)
    poetry = Keyword.objects.get(key="poetry")
    assert (poetry.pk, poetry.name_sv, poetry.name_fi) == (keyword_pk, "Lyrik", "Runous")
    storytelling = Keyword.objects.get(key="storytelling")
    assert storytelling.is_deprecated and storytelling.replaced_by.key == "literature"
    assert storytelling not in keyword_choices()


def test_a_keyword_left_out_of_the_file_stays_for_the_offerings_that_carry_it() -> None:
    Keyword.objects.create(key="local-special", name_fi="Paikallinen erikoisuus")

    load_keywords()

    assert Keyword.objects.filter(key="local-special").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raws: raws.append(dict(raws[0])), "twice"),
        (lambda raws: raws[0]["name"].pop("sv"), "Swedish"),
        (lambda raws: raws[0].update(key="Not a slug"), "identifier"),
        (lambda raws: raws[0].update(deprecated=True, replaced_by="no-such-key"), "deprecated"),
        (lambda raws: raws[0].update(replaced_by="concerts"), "deprecated"),
        (lambda raws: raws[1].update(deprecated=True, replaced_by="art"), "deprecated"),
    ],
)
def test_a_broken_file_is_refused_with_a_reason(change, message: str) -> None:
    data = document()
    change(data["keywords"])

    with override("en"), pytest.raises(InvalidInput, match=message):
        parse_keywords(data)


def test_the_data_migration_loads_the_list_with_the_historical_model() -> None:
    Keyword.objects.all().delete()
    state = MigrationExecutor(connection).loader.project_state(("offerings", "0003_load_keywords"))
    migration = import_module("lampio.offerings.migrations.0003_load_keywords")

    migration.load(state.apps, None)

    choirs = Keyword.objects.get(key="choirs")
    assert (choirs.name_fi, choirs.name_sv, choirs.name_en) == (
        "Kuorolaulu",
        "Körsång",
        "Choral singing",
    )
    assert Keyword.objects.count() == len(read_keywords())
    assert Keyword.objects.get(key="movies").replaced_by.key == "film"


def test_matching_follows_replacements_and_reads_any_language() -> None:
    load_keywords()
    orphan = Keyword.objects.create(key="old-thing", name_fi="Vanha juttu", is_deprecated=True)

    assert keyword_for(external_id="yso:p1808").key == "music"
    assert keyword_for(external_id="yso:p2851").key == "visual-arts"  # "art" is replaced
    assert keyword_for(names=("", "KÖRSÅNG")).key == "choirs"
    assert keyword_for(names=("Leffat",)).key == "film"
    assert keyword_for(external_id="yso:p0", names=("ceramics",)).key == "ceramics"
    assert keyword_for(names=(orphan.name_fi,)) is None
    assert keyword_for(external_id="yso:p0") is None


def test_the_command_loads_a_given_file(tmp_path: Path) -> None:
    Keyword.objects.all().delete()
    data = {"keywords": [{"key": "jazz", "name": {"fi": "Jazz", "sv": "Jazz", "en": "Jazz"}}]}
    path = tmp_path / "keywords.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = StringIO()

    call_command("import_keywords", file=path, stdout=out)
    call_command("import_keywords", file=path, stdout=out)

    assert "1 created, 0 updated, 0 unchanged" in out.getvalue()
    assert "0 created, 0 updated, 1 unchanged" in out.getvalue()
    assert list(Keyword.objects.values_list("key", flat=True)) == ["jazz"]


def test_the_command_refuses_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "keywords.json"
    path.write_text('{"keywords": [{"key": "x"}]}', encoding="utf-8")

    with override("en"), pytest.raises(CommandError, match="Finnish, Swedish and English"):
        call_command("import_keywords", file=path)
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_keywords", file=tmp_path / "missing.json")
