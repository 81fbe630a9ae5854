"""Settings that depend on whether the deployment has Redis (settings.py reads the environment).

With Redis, the cache, the live-chat channel layer and (optionally) the job queue are shared by
every app server, and each degrades rather than fails while Redis is down; without it, the
embedded demo keeps all three in one process or in the database.
"""

from __future__ import annotations

from typing import Any

# "figures": insights figures (tables, shapes, rendered HTML), kept as objects in each process
# in front of the shared cache (lampio/core/local_first_cache.py): a dashboard reads a dozen.
FIGURES_CACHE = {
    "BACKEND": "lampio.core.local_first_cache.LocalFirstCache",
    "LOCATION": "figures",
    "OPTIONS": {"SHARED": "default", "MAX_ENTRIES": 512, "LOCAL_SECONDS": 60},
}


def caches(redis_url: str, *, timeout: float, retry_seconds: float) -> dict[str, Any]:
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "lampio",
            },
            "figures": FIGURES_CACHE,
        }
    # Redis down degrades to a per-process cache instead of 500s (lampio/core/cache.py).
    return {
        "figures": FIGURES_CACHE,
        "default": {
            "BACKEND": "lampio.core.cache.ResilientRedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {
                "socket_connect_timeout": timeout,
                "socket_timeout": timeout,
                "RETRY_SECONDS": retry_seconds,
            },
        },
    }


def channel_layers(redis_url: str) -> dict[str, Any]:
    """Live chat fans out through Redis across app servers; the embedded demo keeps it in memory."""
    if not redis_url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    return {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # A short connect timeout: with Redis down a live event is dropped quickly (the
            # message is saved; pages catch up on reload) instead of holding the request.
            "CONFIG": {
                "hosts": [{"address": redis_url, "socket_connect_timeout": 1}],
                "capacity": 1500,
                "expiry": 30,
            },
        }
    }


RQ_BACKEND = "django_tasks_rq.RQBackend"


def tasks(backend: str) -> dict[str, Any]:
    if backend != RQ_BACKEND:
        return {"default": {"BACKEND": backend}}
    # While Redis is down, jobs are parked in the database and moved back by a sweep
    # (lampio/core/jobs.py): a request never fails, and no job is lost, for want of Redis.
    return {
        "default": {"BACKEND": "lampio.core.jobs.ResilientRQBackend"},
        "parked": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


def rq_queues(redis_url: str) -> dict[str, Any]:
    # A short connect timeout: an unreachable Redis fails the enqueue (and parks the job) fast.
    url = f"{redis_url}{'&' if '?' in redis_url else '?'}socket_connect_timeout=2"
    return {
        "default": {
            "URL": url,
            "DEFAULT_TIMEOUT": 300,
            "QUEUE_CLASS": "lampio.core.jobs.SharedConnectionQueue",
        }
    }
