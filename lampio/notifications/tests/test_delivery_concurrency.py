"""Ten workers run the same delivery job at the same moment: the message is sent once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from lampio.notifications import tasks
from lampio.notifications.models import Delivery, DeliveryStatus

WORKERS = 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_jobs_send_a_message_once(make_user, monkeypatch):
    person = make_user()
    # Written directly: notify() would send it at once here (autocommit, no transaction).
    row = Delivery.objects.create(
        recipient=person, key="test.reminder", channel="email", to=person.email, body="Hei"
    )
    sends: list[int] = []
    lock = threading.Lock()

    def send(message):
        with lock:
            sends.append(message.pk)

    monkeypatch.setattr(tasks, "_send", send)
    barrier = threading.Barrier(WORKERS)

    def work(_index: int) -> None:
        try:
            barrier.wait(timeout=30)
            tasks.deliver.call(row.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(work, range(WORKERS)))
    assert sends == [row.pk]
    row.refresh_from_db()
    assert (row.status, row.attempts) == (DeliveryStatus.SENT, 1)
