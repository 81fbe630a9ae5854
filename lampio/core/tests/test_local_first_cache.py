"""The figures cache: each process's copies in front of the shared cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache, caches


def test_a_value_is_kept_in_the_process_and_in_the_shared_cache(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    figures = caches["figures"]
    value = {"rows": [1, 2, 3]}
    figures.set("figure:a", value, 60)

    assert cache.get("figure:a") == value  # the same key in the shared cache
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: pytest.fail("shared cache read"))
    assert figures.get("figure:a") is value  # the process's own object, not a copy
    monkeypatch.undo()
    assert figures.get("figure:missing", "default") == "default"


def test_another_process_reads_the_shared_entry_then_keeps_it() -> None:
    figures = caches["figures"]
    cache.set("figure:b", "<svg/>", 60)  # written by another process

    assert figures.get("figure:b") == "<svg/>"
    cache.delete("figure:b")
    assert figures.get("figure:b") == "<svg/>"  # kept, for at most LOCAL_SECONDS
    figures.clear()  # the process's copies only
    assert figures.get("figure:b") is None


def test_delete_and_add_reach_both() -> None:
    figures = caches["figures"]
    figures.set("figure:c", 1, 60)
    assert figures.delete("figure:c")
    assert figures.get("figure:c") is None and cache.get("figure:c") is None
    assert figures.add("figure:c", 2, 60)
    assert not figures.add("figure:c", 3, 60)
    assert figures.get("figure:c") == 2
