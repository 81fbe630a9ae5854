"""A week of availability in one API request (the week view and the benchmark use it)."""

from __future__ import annotations

from datetime import time

import pytest

pytestmark = pytest.mark.django_db


def test_availability_for_a_week_in_one_request(client, make_space, resident):
    space = make_space(opens=time(17), closes=time(22), booking_opens_days=3650)
    response = client.get(f"/api/v1/spaces/{space.pk}/availability?date=2030-06-10&days=7")
    body = response.json()
    assert response.status_code == 200
    assert len(body["free"]) == 7
    assert body["free"][0] == {
        "start": "2030-06-10T17:00:00+03:00",
        "end": "2030-06-10T22:00:00+03:00",
    }
    assert (
        client.get(f"/api/v1/spaces/{space.pk}/availability?date=2030-06-10&days=15").status_code
        == 400
    )
