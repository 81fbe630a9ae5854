"""Every UI string has a hand-written Finnish and Swedish translation; the catalogs are current."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = ["fi", "sv"]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|<[^>]+>")


def words(text: str) -> str:
    """The text without its placeholders and tags: what a translator has to translate."""
    return PLACEHOLDER.sub("", text)


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", TRANSLATED)
def test_nothing_is_untranslated_or_fuzzy(language):
    po = catalog(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_markup(language):
    def forms(entry: polib.POEntry) -> list[tuple[str, str]]:
        if entry.msgid_plural:  # each plural form against the plural source
            return [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        return [(entry.msgid, entry.msgstr)]

    broken = [
        source
        for entry in catalog(language).translated_entries()
        for source, text in forms(entry)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert not broken, f"placeholders or tags differ in {language}: {broken}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_are_not_copies_of_the_english(language):
    copied = [
        entry.msgid
        for entry in catalog(language).translated_entries()
        if entry.msgstr == entry.msgid and len(re.findall(r"[A-Za-z]{3,}", words(entry.msgid))) > 2
    ]
    assert not copied, f"{language} entries identical to the English source: {copied}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogs_match_the_sources(language):
    po = catalog(language)
    mo = polib.mofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    source = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po.translated_entries()}
    assert compiled == source, "run `make messages` to compile the catalogs"


def test_every_string_in_the_code_is_in_the_catalogs(tmp_path):
    """Extract the strings afresh from a copy of the code and compare with the catalogs."""
    assert shutil.which("xgettext"), "`make test` installs gettext for this check"
    for name in ("lampio", "locale"):
        shutil.copytree(
            ROOT / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "vendor", "*.mo"),
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "lampio.settings",
        "DATABASE_URL": "",
    }
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *(f"--locale={lang}" for lang in TRANSLATED),
            "--no-obsolete",
            "--verbosity=0",
        ],
        cwd=tmp_path,
        env=env,
        check=True,
    )
    for language in TRANSLATED:
        fresh = polib.pofile(str(tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"))
        known = {(entry.msgctxt, entry.msgid) for entry in catalog(language).translated_entries()}
        missing = [entry.msgid for entry in fresh if (entry.msgctxt, entry.msgid) not in known]
        assert not missing, f"not yet in the {language} catalog (run `make messages`): {missing}"
