"""Rate limits hold across app servers when they share Redis (production configuration)."""

from __future__ import annotations

import os
import uuid

from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import RequestFactory
from django_ratelimit.core import is_ratelimited

from lampio.core.ratelimit import user_or_ip

REDIS_URL = os.environ.get("LAMPIO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def test_two_app_servers_count_one_limit_through_redis(settings, db):
    # Two cache clients stand for two app servers; the counter lives in Redis, not in either.
    first = RedisCache(REDIS_URL, {})
    second = RedisCache(REDIS_URL, {})
    first.set("lampio-probe", "ok")
    assert second.get("lampio-probe") == "ok", f"Redis must run at {REDIS_URL} (.ci/run starts it)"

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    assert isinstance(caches["default"], RedisCache)
    request = RequestFactory().post("/fi/display/", REMOTE_ADDR=f"10.9.{uuid.uuid4().int % 250}.1")
    request.user = AnonymousUser()
    group = f"probe-{uuid.uuid4()}"
    results = [
        is_ratelimited(request, group=group, key=user_or_ip, rate="3/m", increment=True)
        for _ in range(4)
    ]
    assert results == [False, False, False, True]
