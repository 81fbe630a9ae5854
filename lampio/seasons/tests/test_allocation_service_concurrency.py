"""Two staff members place two different wishes into the same time at the same moment: the
round's row lock makes the second see the first, so only one gets the time."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import time

import pytest
from django.db import connection, connections

from lampio.seasons.errors import AllocationsOverlap
from lampio.seasons.models import Allocation
from lampio.seasons.services.allocation import move_allocation
from lampio.seasons.tests.round_factories import NOW, apply, make_round
from lampio.tenancy.models import Role

PEOPLE = 6


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_moves_into_one_time_leave_one_allocation(
    make_organisation, make_member, make_space, make_user
):
    org = make_organisation()
    staff = [make_member(org, role=Role.STAFF) for _ in range(PEOPLE)]
    hall = make_space(org, capacity=40)
    application_round = make_round(staff[0], org, [hall])
    wishes = [
        apply(application_round, make_user(), activity=f"Ryhmä {n}").wishes.get()
        for n in range(PEOPLE)
    ]
    barrier = threading.Barrier(PEOPLE)

    def attempt(index: int) -> str:
        try:
            barrier.wait(timeout=30)
            move_allocation(
                actor=staff[index],
                wish=wishes[index],
                space=hall,
                starts_time=time(17, 15 * (index % 2)),  # 17.00 or 17.15: all overlap
                now=NOW,
            )
            return "placed"
        except AllocationsOverlap:
            return "overlap"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        outcomes = list(pool.map(attempt, range(PEOPLE)))

    assert outcomes.count("placed") == 1
    assert outcomes.count("overlap") == PEOPLE - 1
    assert Allocation.objects.filter(application_round=application_round).count() == 1
