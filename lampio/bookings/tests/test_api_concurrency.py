"""Fifty people POST the same slot to the API at the same moment: one 201, forty-nine 409s.

Each thread is a separate client with its own login session and its own database connection,
as with requests arriving at several app servers; the exclusion constraint decides.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from lampio.bookings.models import ACTIVE_STATUSES, Booking

ATTEMPTS = 50


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_api_bookings_of_one_slot_give_one_201(make_space, make_user):
    space = make_space(booking_opens_days=3650)  # so that 2030 is inside the booking window
    clients = []
    for _ in range(ATTEMPTS):
        client = Client()
        client.force_login(make_user())
        clients.append(client)
    body = json.dumps(
        {
            "space_id": space.pk,
            "starts_at": "2030-06-12T18:00:00+03:00",
            "ends_at": "2030-06-12T19:00:00+03:00",
            "purpose": "Sulkapallo",
            "attendees": 4,
        }
    )
    barrier = threading.Barrier(ATTEMPTS)

    def attempt(client: Client) -> tuple[int, str]:
        try:
            barrier.wait(timeout=30)
            response = client.post("/api/v1/bookings", data=body, content_type="application/json")
            return response.status_code, response.json().get("code", "")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        outcomes = list(pool.map(attempt, clients))

    assert outcomes.count((201, "")) == 1, outcomes
    assert outcomes.count((409, "slot_taken")) == ATTEMPTS - 1, outcomes
    assert Booking.objects.filter(space=space, status__in=ACTIVE_STATUSES).count() == 1
