"""People supporting one idea at the same moment, each in its own thread and connection, as
requests on several app servers would: one row per person, the count exact, the threshold once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, connections

from lampio.core.errors import DomainError
from lampio.ideas import services
from lampio.ideas.models import EventKind, Idea, Support

ATTEMPTS = 8
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"
)
# The flush after each test drops the states the migration seeded; the fixtures put them back
# through ensure_states_and_categories (a serialized rollback collides with the content types).
transactional = pytest.mark.django_db(transaction=True)


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
@transactional
def test_people_supporting_at_once_count_exactly_and_review_starts_once(
    make_idea: Any, board: Any, make_user: Any
) -> None:
    board.support_threshold = 3
    board.save()
    idea = make_idea()
    people = [make_user() for _ in range(ATTEMPTS)]

    def support(index: int) -> str:
        services.support_idea(actor=people[index], idea=Idea.objects.get(pk=idea.pk))
        return "supported"

    assert at_once(support, ATTEMPTS) == ["supported"] * ATTEMPTS
    idea.refresh_from_db()
    assert idea.support_count == ATTEMPTS == Support.objects.filter(idea=idea).count()
    assert idea.state.slug == "under-review"
    assert idea.events.filter(kind=EventKind.STATE).count() == 1


@postgresql_only
@transactional
def test_one_person_pressing_support_many_times_at_once_counts_once(
    make_idea: Any, resident: Any, make_user: Any
) -> None:
    idea = make_idea(actor=make_user())

    def support(index: int) -> str:
        services.support_idea(actor=resident, idea=Idea.objects.get(pk=idea.pk))
        return "supported"

    assert at_once(support, ATTEMPTS) == ["supported"] * ATTEMPTS
    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.filter(idea=idea).count()


@postgresql_only
@transactional
def test_supporting_and_withdrawing_at_once_leave_the_count_true(
    make_idea: Any, make_user: Any
) -> None:
    idea = make_idea()
    people = [make_user() for _ in range(ATTEMPTS)]
    for person in people[::2]:
        services.support_idea(actor=person, idea=idea)

    def toggle(index: int) -> str:
        mine = Idea.objects.get(pk=idea.pk)
        if index % 2 == 0:
            services.withdraw_support(actor=people[index], idea=mine)
            return "withdrawn"
        services.support_idea(actor=people[index], idea=mine)
        return "supported"

    at_once(toggle, ATTEMPTS)
    idea.refresh_from_db()
    assert idea.support_count == Support.objects.filter(idea=idea).count() == ATTEMPTS // 2


@postgresql_only
@transactional
def test_merging_while_people_support_loses_no_support(
    make_idea: Any, staff: Any, make_user: Any
) -> None:
    duplicate, original = make_idea(), make_idea()
    people = [make_user() for _ in range(ATTEMPTS)]

    def work(index: int) -> str:
        if index == 0:
            services.merge_ideas(
                actor=staff,
                idea=Idea.objects.get(pk=duplicate.pk),
                into=Idea.objects.get(pk=original.pk),
            )
            return "merged"
        services.support_idea(actor=people[index], idea=Idea.objects.get(pk=original.pk))
        return "supported"

    outcomes = at_once(work, ATTEMPTS)
    assert outcomes[0] == "merged"
    original.refresh_from_db()
    assert original.support_count == Support.objects.filter(idea=original).count()
    assert original.support_count == ATTEMPTS - 1
