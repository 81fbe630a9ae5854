"""Short lists of reference data (cities, categories) kept in each process per language.

Every search page builds its filter form from such lists, and reading them cost two queries: a
tenth of the offering search page's server time. The rows change a few times a year, through
staff forms and the keyword import, which save models one by one.

A saved or deleted row empties this process's lists at once; other processes read theirs again
within `KEPT_SECONDS`. So a city added by staff may be missing from another worker's filter for
half a minute, never longer (decision 0025).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from cachetools import TTLCache
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

KEPT_SECONDS = 30

T = TypeVar("T")
_lists: list[TTLCache[str | None, Any]] = []
_lock = threading.Lock()


def _now() -> float:
    return time.monotonic()


def kept_per_language(*models: type[Model]) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Keep what the decorated function returns, per active language, until one of `models`
    is saved or deleted in this process or `KEPT_SECONDS` pass. The value is shared by every
    request of the process: return something immutable (a tuple)."""

    def decorate(read: Callable[[], T]) -> Callable[[], T]:
        # The clock is looked up on each call, so a test can move it.
        kept: TTLCache[str | None, T] = TTLCache(maxsize=8, ttl=KEPT_SECONDS, timer=lambda: _now())
        _lists.append(kept)

        def forget(**_signal: Any) -> None:
            with _lock:
                kept.clear()

        for model in models:
            uid = f"reference_lists:{read.__module__}.{read.__qualname__}:{model._meta.label}"
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=uid)
            post_delete.connect(forget, sender=model, weak=False, dispatch_uid=uid)

        @wraps(read)
        def kept_read() -> T:
            language = get_language()
            with _lock:
                if language in kept:
                    return kept[language]
            value = read()
            with _lock:
                kept[language] = value
            return value

        return kept_read

    return decorate


def forget_all() -> None:
    """Empty every kept list of this process (tests whose rows a rollback took away)."""
    with _lock:
        for kept in _lists:
            kept.clear()
