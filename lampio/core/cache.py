"""A Redis cache that keeps the site up when Redis is down.

Django's RedisCache raises on every call while Redis is unreachable, so each page that reads the
cache and each rate-limited form would answer 500. This backend instead:

- gives up on Redis quickly (short connect and read timeouts, set in settings);
- on a Redis error, logs a warning (at most once per outage), opens a circuit for
  `RETRY_SECONDS` so the following calls do not each wait for a timeout, and serves them from
  a per-process in-memory cache;
- tries Redis again once the circuit's time is up, and closes it on the first success.

Rate limits therefore keep counting while degraded: per process instead of across app servers,
so an attacker gets at most (limit x processes), never an open door. Other cached values simply
miss and are recomputed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

T = TypeVar("T")

RETRY_SECONDS = 30.0
# Redis being unreachable shows as one of these (refused, timed out, reset, garbage answer).
REDIS_DOWN = (RedisError, OSError)


class _Circuit:
    """Shared by every thread's cache object for one Redis location (one per process)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.open_until = 0.0
        self.down = False

    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, location: str, error: Exception, retry_seconds: float) -> None:
        with self.lock:
            self.open_until = time.monotonic() + retry_seconds
            first = not self.down
            self.down = True
        if first:  # once per outage, not once per request
            logger.warning(
                "Redis cache at %s is unreachable (%s): using the in-process cache; "
                "rate limits count per process until it is back",
                location,
                type(error).__name__,
            )

    def close(self, location: str) -> None:
        if not self.down:
            return
        with self.lock:
            was_down, self.down, self.open_until = self.down, False, 0.0
        if was_down:
            logger.warning("Redis cache at %s is reachable again", location)


_circuits: dict[str, _Circuit] = {}
_circuits_lock = threading.Lock()


def circuit_for(location: str) -> _Circuit:
    with _circuits_lock:
        return _circuits.setdefault(location, _Circuit())


def _without_password(url: str) -> str:
    """The address for the logs, without credentials."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{host}:{parts.port}{parts.path}" if host else parts.scheme


class ResilientRedisCache(RedisCache):
    """RedisCache with a circuit breaker and an in-process fallback (see the module doc)."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_seconds = float(options.pop("RETRY_SECONDS", RETRY_SECONDS))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        servers: list[str] = getattr(self, "_servers", None) or [str(server)]
        self.location = _without_password(servers[0])
        self.circuit = circuit_for(self.location)
        # LocMemCache objects of one name share their storage: one fallback per process.
        self.fallback = LocMemCache(
            f"lampio-redis-fallback:{self.location}",
            {"TIMEOUT": params.get("TIMEOUT", 300), "OPTIONS": {"MAX_ENTRIES": 10000}},
        )

    def _guarded(self, name: str, redis_call: Callable[[], T], local_call: Callable[[], T]) -> T:
        if self.circuit.is_open():
            return local_call()
        try:
            result = redis_call()
        except REDIS_DOWN as error:
            self.circuit.trip(self.location, error, self.retry_seconds)
            logger.debug("Redis cache %s failed", name, exc_info=True)
            return local_call()
        self.circuit.close(self.location)
        return result

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        return self._guarded(
            "add",
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda: self.fallback.add(key, value, timeout, version),
        )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._guarded(
            "get",
            lambda: super(ResilientRedisCache, self).get(key, default, version),
            lambda: self.fallback.get(key, default, version),
        )

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        self._guarded(
            "set",
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version),
            lambda: self.fallback.set(key, value, timeout, version),
        )

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> bool:
        return self._guarded(
            "touch",
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version),
            lambda: self.fallback.touch(key, timeout, version),
        )

    def delete(self, key: Any, version: Any = None) -> bool:
        return self._guarded(
            "delete",
            lambda: super(ResilientRedisCache, self).delete(key, version),
            lambda: self.fallback.delete(key, version),
        )

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        return self._guarded(
            "get_many",
            lambda: super(ResilientRedisCache, self).get_many(keys, version),
            lambda: self.fallback.get_many(keys, version),
        )

    def has_key(self, key: Any, version: Any = None) -> bool:
        return self._guarded(
            "has_key",
            lambda: super(ResilientRedisCache, self).has_key(key, version),
            lambda: self.fallback.has_key(key, version),
        )

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> int:
        return self._guarded(
            "incr",
            lambda: super(ResilientRedisCache, self).incr(key, delta, version),
            lambda: self.fallback.incr(key, delta, version),
        )

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> list[Any]:
        return self._guarded(
            "set_many",
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            lambda: self.fallback.set_many(data, timeout, version),
        )

    def delete_many(self, keys: Any, version: Any = None) -> None:
        self._guarded(
            "delete_many",
            lambda: super(ResilientRedisCache, self).delete_many(keys, version),
            lambda: self.fallback.delete_many(keys, version),
        )

    def clear(self) -> None:
        # Both: values written while degraded must not outlive a clear.
        self.fallback.clear()
        self._guarded("clear", lambda: super(ResilientRedisCache, self).clear(), lambda: None)
