"""Fault tests: Redis down. The site keeps working, rate limits keep counting, jobs are kept.

Redis "down" is a closed port (127.0.0.1:1); "back" is the real Redis on a spare database.
The real Redis is never stopped (other test runs share it).
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from typing import Any

import pytest
from django.core.cache import caches
from django.urls import reverse
from django_tasks import task_backends
from django_tasks_db.models import DBTaskResult

from lampio.core import cache as resilient
from lampio.core.jobs import PARKED_BACKEND, ResilientRQBackend, requeue_parked_jobs
from lampio.notifications import tasks as notification_tasks
from lampio.notifications.models import Delivery, DeliveryStatus
from lampio.notifications.services import notify
from lampio.notifications.sweeps import retry_due_deliveries

DEAD_REDIS = "redis://127.0.0.1:1/0"
LIVE_REDIS = os.environ.get("LAMPIO_TEST_REDIS_URL_FAULTS", "redis://127.0.0.1:6379/7")


def resilient_cache(location: str, retry_seconds: float = 30) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "lampio.core.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {
                "socket_connect_timeout": 0.2,
                "socket_timeout": 0.2,
                "RETRY_SECONDS": retry_seconds,
            },
        }
    }


@pytest.fixture(autouse=True)
def _fresh_circuits() -> Any:
    # Circuits are per process (shared across tests): each test starts with Redis trusted.
    resilient._circuits.clear()
    yield
    resilient._circuits.clear()


@pytest.fixture
def redis_down(settings: Any) -> None:
    settings.CACHES = resilient_cache(DEAD_REDIS)
    caches["default"].fallback.clear()


@pytest.mark.django_db
def test_pages_render_with_redis_down(
    redis_down: None, client: Any, make_organisation: Any, caplog: Any
) -> None:
    from lampio.feedback.models import Jurisdiction

    organisation = make_organisation()
    Jurisdiction.objects.create(
        municipality=organisation.municipality,
        open311_id="faults.example.fi",
        fallback_organisation=organisation,
    )
    with caplog.at_level(logging.WARNING, logger="lampio.core.cache"):
        assert client.get(reverse("home")).status_code == 200
        # This list is cached: with Redis down it is built each time, not a 500.
        for _ in range(2):
            response = client.get(
                "/open311/v2/requests.json", {"jurisdiction_id": "faults.example.fi"}
            )
            assert response.status_code == 200
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1, "one warning per outage, not one per request"


@pytest.mark.django_db
def test_a_rate_limited_form_still_says_429_with_redis_down(redis_down: None, client: Any) -> None:
    url = reverse("tenancy:choose_city")
    statuses = [
        client.post(url, {"municipality": "nowhere"}, REMOTE_ADDR="10.7.7.7").status_code
        for _ in range(61)
    ]
    assert statuses[:60] == [200] * 60  # the form comes back with its error
    assert statuses[60] == 429, "the limit must not fail open while Redis is down"


def test_the_circuit_spares_later_calls_the_wait(settings: Any, monkeypatch: Any) -> None:
    settings.CACHES = resilient_cache(DEAD_REDIS)
    cache = caches["default"]
    calls = []
    original = type(cache).__mro__[1].get  # RedisCache.get

    def counting_get(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(resilient.RedisCache, "get", counting_get)
    assert cache.get("anything") is None
    started = time.monotonic()
    for _ in range(50):
        assert cache.get("anything") is None
    assert calls == [1], "Redis is not asked again while the circuit is open"
    assert time.monotonic() - started < 0.05


def test_values_written_while_down_are_served_from_the_process(settings: Any) -> None:
    settings.CACHES = resilient_cache(DEAD_REDIS)
    cache = caches["default"]
    cache.set("fault-key", "kept", 30)
    assert cache.get("fault-key") == "kept"
    assert cache.add("fault-counter", 1, 30) is True
    assert cache.incr("fault-counter") == 2
    assert cache.get_many(["fault-key"]) == {"fault-key": "kept"}


def test_redis_is_used_again_once_it_is_back(settings: Any) -> None:
    # One location whose Redis "comes back": the circuit of the dead address is reused.
    settings.CACHES = resilient_cache(LIVE_REDIS, retry_seconds=0.2)
    cache = caches["default"]
    circuit = cache.circuit
    circuit.trip(cache.location, ConnectionError("down"), 0.2)
    key = f"fault-{uuid.uuid4()}"
    cache.set(key, "local", 30)  # while open: in the process only
    time.sleep(0.25)
    assert cache.get(key) is None, "after the circuit's time, Redis answers (it has no value)"
    assert circuit.down is False and not circuit.is_open()
    cache.set(key, "shared", 30)
    other_server = resilient.RedisCache(LIVE_REDIS, {})
    assert other_server.get(key) == "shared", f"Redis must run at {LIVE_REDIS}"
    other_server.delete(key)


# --- Jobs ----------------------------------------------------------------------------------------

RQ_DOWN_TASKS = {
    "default": {"BACKEND": "lampio.core.jobs.ResilientRQBackend"},
    PARKED_BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


@pytest.fixture
def rq_down(settings: Any) -> None:
    settings.RQ_QUEUES = {"default": {"URL": f"{DEAD_REDIS}?socket_connect_timeout=0.2"}}
    settings.TASKS = RQ_DOWN_TASKS


@pytest.mark.django_db
def test_a_message_queued_while_rq_is_down_is_kept_and_sent_later(
    rq_down: None,
    make_user: Any,
    mailoutbox: Any,
    settings: Any,
    caplog: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    assert isinstance(task_backends["default"], ResilientRQBackend)
    person = make_user()
    with (
        caplog.at_level(logging.ERROR, logger="lampio.core.jobs"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        (delivery, *_rest) = notify(
            recipient=person, key="bookings.created", context={"space": "Sali"}
        )
    # Committed, the job parked in the database instead of a 500 or a lost message.
    assert any("parked" in record.getMessage() for record in caplog.records)
    parked = DBTaskResult.objects.filter(backend_name=PARKED_BACKEND)
    assert parked.count() == 1
    assert parked.get().task_path.endswith("tasks.deliver")
    assert Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.QUEUED

    # Still down: the sweep leaves the job parked.
    from django.utils import timezone

    assert requeue_parked_jobs(timezone.now()) == 0
    assert parked.count() == 1

    # The job queue works again (here: runs at once); the sweep moves the job, it is sent.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        PARKED_BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    assert requeue_parked_jobs(timezone.now()) == 1
    assert parked.count() == 0
    assert Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_outbox_sweep_sends_a_message_whose_job_never_ran(
    make_user: Any, mailoutbox: Any, settings: Any
) -> None:
    # Even without the parked job (a job lost with a Redis that died after taking it), the
    # outbox row waits as QUEUED and the retry sweep sends it after its grace time.
    from django.utils import timezone

    immediate = settings.TASKS
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    person = make_user()
    (delivery, *_rest) = notify(recipient=person, key="bookings.created", context={"space": "Sali"})
    settings.TASKS = immediate
    assert Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.QUEUED
    later = timezone.now() + notification_tasks.LEASE
    assert retry_due_deliveries(later) == 1
    assert Delivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT
    assert len(mailoutbox) == 1
