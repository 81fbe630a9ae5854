"""Staff acting on one message at the same moment, each in its own thread and connection, as
requests on several app servers would. The row lock taken by each use case serialises them."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections

from lampio.core.errors import DomainError
from lampio.feedback.models import EventKind, Feedback, StateKind
from lampio.feedback.services import handling
from lampio.tenancy.models import Role

ATTEMPTS = 8
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"
)


def at_once(work: Callable[[int], str], count: int) -> list[str]:
    barrier = threading.Barrier(count)

    def attempt(index: int) -> str:
        try:
            barrier.wait(timeout=30)
            return work(index)
        except DomainError as error:
            return type(error).__name__
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(attempt, range(count)))


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_staff_closing_at_once_make_one_state_change(
    make_feedback: Any, desk: Any, make_member: Any
) -> None:
    feedback = make_feedback()
    people = [make_member(desk, role=Role.STAFF) for _ in range(ATTEMPTS)]

    def close(index: int) -> str:
        mine = Feedback.objects.get(pk=feedback.pk)
        handling.close_feedback(actor=people[index], feedback=mine)
        return "closed"

    assert at_once(close, ATTEMPTS) == ["closed"] * ATTEMPTS
    feedback.refresh_from_db()
    assert feedback.state.kind == StateKind.CLOSED
    assert feedback.events.filter(kind=EventKind.STATE).count() == 1


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_merging_two_messages_into_each_other_at_once_makes_no_cycle(
    make_feedback: Any, desk: Any, make_member: Any
) -> None:
    first, second = make_feedback(), make_feedback()
    people = [make_member(desk, role=Role.STAFF) for _ in range(2)]
    pairs = [(first.pk, second.pk), (second.pk, first.pk)]

    def merge(index: int) -> str:
        duplicate_id, root_id = pairs[index]
        handling.merge_feedback(
            actor=people[index],
            feedback=Feedback.objects.get(pk=duplicate_id),
            into=Feedback.objects.get(pk=root_id),
        )
        return "merged"

    outcomes = at_once(merge, 2)
    # The later one finds the other already merged: refused under the lock, or before it when
    # it read the message after the first had committed.
    assert outcomes.count("merged") == 1, outcomes
    assert set(outcomes) - {"merged"} <= {"Conflict", "InvalidInput"}, outcomes
    first.refresh_from_db()
    second.refresh_from_db()
    assert [first.merged_into_id, second.merged_into_id].count(None) == 1
    assert Feedback.objects.filter(events__kind=EventKind.MERGED).count() == 1
