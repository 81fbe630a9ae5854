"""Fifty people enrol at the same moment for the last five seats: five get them, never more.

Each attempt runs in its own thread with its own database connection, as requests arriving at
several app servers would. The conditional UPDATE decides who gets a seat, and the check
constraint `occurrence_never_oversold` refuses any write, from anywhere, that would oversell.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.db.models import F
from django.test import Client

from conftest import PASSWORD
from lampio.accounts.services import issue_api_token
from lampio.offerings import services
from lampio.offerings.errors import NotEnoughSeats
from lampio.offerings.models import Enrolment, EnrolmentStatus, Occurrence

ATTEMPTS = 50
CAPACITY, TAKEN = 20, 15  # five seats left
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs in the PostgreSQL pass"
)


@pytest.fixture
def last_five_seats(make_offering, settings) -> Occurrence:
    # The confirmation messages are not under test here; the dummy backend only records them.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    occurrence = make_offering(capacity=CAPACITY).occurrences.get()
    Occurrence.objects.filter(pk=occurrence.pk).update(seats_taken=TAKEN)
    occurrence.refresh_from_db()
    return occurrence


def assert_never_oversold(occurrence: Occurrence, confirmed: int) -> None:
    occurrence.refresh_from_db()
    assert occurrence.seats_taken == occurrence.capacity == CAPACITY
    assert (
        Enrolment.objects.filter(occurrence=occurrence, status=EnrolmentStatus.CONFIRMED).count()
        == confirmed
    )


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_enrolments_at_once_fill_the_last_five_seats_exactly(
    last_five_seats, make_user
) -> None:
    people = [make_user() for _ in range(ATTEMPTS)]
    barrier = threading.Barrier(ATTEMPTS)

    def attempt(person) -> str:
        try:
            occurrence = Occurrence.objects.select_related("offering").get(pk=last_five_seats.pk)
            barrier.wait(timeout=30)
            services.enrol(actor=person, occurrence=occurrence, seats=1)
            return "confirmed"
        except NotEnoughSeats:
            return "full"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        outcomes = list(pool.map(attempt, people))

    assert outcomes.count("confirmed") == 5, outcomes
    assert outcomes.count("full") == ATTEMPTS - 5, outcomes
    assert_never_oversold(last_five_seats, confirmed=5)


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_api_enrolments_at_once_give_five_201s_and_45_409s(
    last_five_seats, make_user
) -> None:
    tokens = [
        issue_api_token(request=None, email=make_user().email, password=PASSWORD)
        for _ in range(ATTEMPTS)
    ]
    url = f"/api/v1/occurrences/{last_five_seats.pk}/enrolments"
    body = json.dumps({"seats": 1})
    barrier = threading.Barrier(ATTEMPTS)

    def attempt(token: str) -> tuple[int, str]:
        client = Client()
        try:
            barrier.wait(timeout=30)
            response = client.post(
                url,
                data=body,
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Bearer {token}",
            )
            return response.status_code, response.json().get("code") or response.json()["status"]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=ATTEMPTS) as pool:
        outcomes = list(pool.map(attempt, tokens))

    assert outcomes.count((201, "confirmed")) == 5, outcomes
    assert outcomes.count((409, "not_enough_seats")) == ATTEMPTS - 5, outcomes
    assert_never_oversold(last_five_seats, confirmed=5)


@pytest.mark.django_db
def test_the_database_refuses_an_update_that_would_oversell(last_five_seats) -> None:
    """Even code that skips the service cannot take more seats than there are."""
    seats = Occurrence.objects.filter(pk=last_five_seats.pk)

    with pytest.raises(IntegrityError, match="occurrence_never_oversold"), transaction.atomic():
        seats.update(seats_taken=F("seats_taken") + 6)

    seats.update(seats_taken=F("seats_taken") + 5)  # exactly full is allowed
    assert seats.get().seats_left == 0
