"""The RQ queues of one process share a Redis client per server (django-rq makes one per queue)."""

from __future__ import annotations

from redis import Redis

from lampio.core.jobs import SharedConnectionQueue
from lampio.core.redis_settings import rq_queues

URL = rq_queues("redis://127.0.0.1:6379/11")["default"]["URL"]
OTHER_URL = rq_queues("redis://127.0.0.1:6379/12")["default"]["URL"]


def test_queues_of_one_server_share_a_client_and_other_servers_get_their_own() -> None:
    # As django-rq hands them out: each queue with a new client of its own.
    first = SharedConnectionQueue("default", connection=Redis.from_url(URL))
    second = SharedConnectionQueue("default", connection=Redis.from_url(URL))
    elsewhere = SharedConnectionQueue("default", connection=Redis.from_url(OTHER_URL))

    assert second.connection is first.connection
    assert elsewhere.connection is not first.connection
    assert elsewhere.connection.connection_pool.connection_kwargs["db"] == 12


def test_production_queues_use_it() -> None:
    assert rq_queues("redis://redis:6379/0")["default"]["QUEUE_CLASS"] == (
        "lampio.core.jobs.SharedConnectionQueue"
    )
