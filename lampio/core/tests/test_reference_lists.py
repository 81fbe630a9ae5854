"""Reference lists kept per language: no query while kept, fresh after an edit or the time."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from lampio.core import reference_lists
from lampio.offerings.models import Keyword
from lampio.offerings.selectors import keyword_filter_choices
from lampio.tenancy.models import Municipality
from lampio.tenancy.selectors import municipality_choices

pytestmark = pytest.mark.django_db


def test_a_kept_list_is_read_once_per_language() -> None:
    Municipality.objects.create(slug="vaasa", name_fi="Vaasa", name_sv="Vasa")

    with CaptureQueriesContext(connection) as queries:
        with translation.override("fi"):
            first = municipality_choices()
            again = municipality_choices()
        with translation.override("sv"):
            swedish = municipality_choices()

    assert first == again == (("vaasa", "Vaasa"),)
    assert swedish == (("vaasa", "Vasa"),)
    assert len(queries) == 2  # once in Finnish, once in Swedish


def test_saving_or_deleting_a_row_is_seen_at_once() -> None:
    vaasa = Municipality.objects.create(slug="vaasa", name_fi="Vaasa")
    assert municipality_choices() == (("vaasa", "Vaasa"),)

    Municipality.objects.create(slug="oulu", name_fi="Oulu")
    assert municipality_choices() == (("oulu", "Oulu"), ("vaasa", "Vaasa"))

    vaasa.name_fi = "Vasa stad"
    vaasa.save()
    assert dict(municipality_choices())["vaasa"] == "Vasa stad"

    vaasa.delete()
    assert municipality_choices() == (("oulu", "Oulu"),)


def test_a_deprecated_keyword_leaves_the_search_filter_at_once() -> None:
    rap = Keyword.objects.create(key="rap-lyrics", name_fi="Räppilyriikka")
    Keyword.objects.create(key="polka", name_fi="Polkka")
    assert {"rap-lyrics", "polka"} <= dict(keyword_filter_choices()).keys()

    rap.is_deprecated = True
    rap.save()

    keys = dict(keyword_filter_choices()).keys()
    assert "rap-lyrics" not in keys
    assert "polka" in keys


def test_a_change_another_process_made_is_read_again_after_the_kept_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    Municipality.objects.create(slug="vaasa", name_fi="Vaasa")
    assert municipality_choices() == (("vaasa", "Vaasa"),)
    # Another worker's edit sends no signal here; `update()` stands in for it.
    Municipality.objects.filter(slug="vaasa").update(name_fi="Vasa")
    assert municipality_choices() == (("vaasa", "Vaasa"),)

    later = time.monotonic() + reference_lists.KEPT_SECONDS + 1
    monkeypatch.setattr(reference_lists, "_now", lambda: later)

    assert municipality_choices() == (("vaasa", "Vasa"),)
