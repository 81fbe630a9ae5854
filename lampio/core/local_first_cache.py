"""A cache that keeps each process's last-used entries as objects in front of a shared cache.

For values many requests read and nobody changes in place: the insights figures, whose keys
name the data's version. A hit in the process costs neither a round trip to Redis nor
unpickling (a dashboard reads a dozen entries); a miss reads the shared cache, so a new worker
still finds what another one computed. Entries stay in the process for `LOCAL_SECONDS` at most,
whatever their timeout in the shared cache: keep it short where a value can go stale.

    "figures": {
        "BACKEND": "lampio.core.local_first_cache.LocalFirstCache",
        "LOCATION": "figures",
        "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 512, "LOCAL_SECONDS": 60},
    }

`clear()` empties this process's copies only (the shared cache holds other things too).
Values are shared by the requests of a process, not copied: never change one in place.
"""

from __future__ import annotations

import threading
from typing import Any

from cachetools import TTLCache
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

# Django makes a cache object per thread; the copies are per process, one store per LOCATION.
_stores: dict[str, tuple[TTLCache[str, Any], threading.Lock]] = {}
_stores_lock = threading.Lock()


class LocalFirstCache(BaseCache):
    def __init__(self, location: str, params: dict[str, Any]) -> None:
        options = params.get("OPTIONS", {})
        super().__init__({**params, "OPTIONS": {}})
        self.shared_alias = options.get("SHARED", "default")
        with _stores_lock:
            if location not in _stores:
                store: TTLCache[str, Any] = TTLCache(
                    maxsize=int(options.get("MAX_ENTRIES", 512)),
                    ttl=float(options.get("LOCAL_SECONDS", 60)),
                )
                _stores[location] = (store, threading.Lock())
            self._store, self._lock = _stores[location]

    @property
    def shared(self) -> BaseCache:
        return caches[self.shared_alias]

    def _keep(self, key: str, value: Any) -> None:
        with self._lock:
            self._store[key] = value

    # The process's copies are keyed as this cache makes keys; the shared cache gets the key
    # as given, so an entry written there directly is the same entry.

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        local = self.make_and_validate_key(key, version=version)
        with self._lock:
            found = self._store.get(local, self)
        if found is not self:
            return found
        found = self.shared.get(key, self, version=version)
        if found is self:
            return default
        self._keep(local, found)
        return found

    def set(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self.shared.set(key, value, timeout, version=version)
        self._keep(self.make_and_validate_key(key, version=version), value)

    def add(
        self, key: str, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        added = bool(self.shared.add(key, value, timeout, version=version))
        if added:
            self._keep(self.make_and_validate_key(key, version=version), value)
        return added

    def touch(self, key: str, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return bool(self.shared.touch(key, timeout, version=version))

    def delete(self, key: str, version: int | None = None) -> bool:
        with self._lock:
            self._store.pop(self.make_and_validate_key(key, version=version), None)
        return bool(self.shared.delete(key, version=version))

    def clear(self) -> None:
        with self._lock:
            self._store.clear()
