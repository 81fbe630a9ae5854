"""Jobs that are never lost when Redis (the RQ job queue) is down.

Services queue jobs after their transaction commits. With the RQ backend a Redis outage would
make that `enqueue` raise: the change is saved but the request answers 500 and the job (an email,
a door-code push) is gone. `ResilientRQBackend` instead parks such a job in the database (the
`parked` backend, django-tasks' database backend), and the `core.requeue_parked_jobs` sweep
moves parked jobs to Redis once it answers again. Notifications have their own outbox as well
(a QUEUED delivery row is retried by its sweep), so a message survives either way.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django_rq.queues import DjangoRQ
from django_tasks import TaskResult, task_backends
from django_tasks.base import Task
from django_tasks_rq.backend import RQBackend
from redis import Redis

from lampio.core.cache import REDIS_DOWN
from lampio.core.schedule import register_sweep

logger = logging.getLogger(__name__)

PARKED_BACKEND = "parked"
BATCH = 200


# One Redis client per process and server, whose pool keeps its connections open.
_clients: dict[str, Redis] = {}


class SharedConnectionQueue(DjangoRQ):
    """A queue on the process's client for its Redis server.

    django-rq makes a new client for every queue it hands out (rq/django-rq#210), so every job
    queued opened and closed a TCP connection: a twentieth of a booking request's time. The
    new client is only used to recognise the server (its plain connection settings: the rest
    are objects made anew with each client).
    """

    def __init__(self, *args: Any, connection: Redis | None = None, **kwargs: Any) -> None:
        if connection is not None:
            settings_ = connection.connection_pool.connection_kwargs
            server = repr(
                sorted(
                    (name, value)
                    for name, value in settings_.items()
                    if isinstance(value, str | int | float | bool | None)
                )
            )
            connection = _clients.setdefault(server, connection)
        super().__init__(*args, connection=connection, **kwargs)


class ResilientRQBackend(RQBackend):
    """RQ backend that parks a job in the database when Redis cannot take it."""

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        try:
            return self.enqueue_or_raise(task, args, kwargs)
        except REDIS_DOWN as error:
            logger.error(
                "Job queue unreachable (%s): %s parked in the database until Redis is back",
                type(error).__name__,
                task.module_path,
            )
            if PARKED_BACKEND not in settings.TASKS:
                raise
            return task.using(backend=PARKED_BACKEND).enqueue(*args, **kwargs)

    def enqueue_or_raise(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        return super().enqueue(task, args, kwargs)


def requeue_parked_jobs(now: datetime) -> int:
    """Move parked jobs to the job queue, oldest first; stop at the first failure (still down)."""
    if PARKED_BACKEND not in settings.TASKS:
        return 0
    from django_tasks_db.models import DBTaskResult

    backend = task_backends["default"]
    moved = 0
    parked = DBTaskResult.objects.filter(backend_name=PARKED_BACKEND, status="READY")
    for row in parked.order_by("enqueued_at")[:BATCH]:
        task = row.task.using(backend="default")
        args, kwargs = row.args_kwargs["args"], row.args_kwargs["kwargs"]
        with transaction.atomic():
            # Deleted first and restored by the rollback if Redis refuses: two sweeps never
            # both queue one job.
            if not DBTaskResult.objects.filter(pk=row.pk, status="READY").delete()[0]:
                continue
            try:
                if isinstance(backend, ResilientRQBackend):
                    backend.enqueue_or_raise(task, args, kwargs)
                else:
                    backend.enqueue(task, args, kwargs)
            except REDIS_DOWN:
                transaction.set_rollback(True)
                still_down = True
            else:
                still_down = False
        if still_down:
            logger.warning("Job queue still unreachable: %s jobs stay parked", parked.count())
            break
        moved += 1
    if moved:
        logger.warning("Moved %s parked jobs to the job queue", moved)
    return moved


register_sweep("core.requeue_parked_jobs", requeue_parked_jobs, every_seconds=60)
