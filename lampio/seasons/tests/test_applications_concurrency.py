"""Ten members of one club press "send" at the same moment: the club gets one application."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from lampio.seasons.models import Application
from lampio.seasons.services.applications import AlreadyApplied, submit_application
from lampio.seasons.tests.applicant_factories import first_class, make_round, wish
from lampio.tenancy.models import OrganisationKind, Role

MEMBERS = 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs in the PostgreSQL pass")
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_for_one_club_give_one_application(
    make_organisation, make_space, make_member
):
    city = make_organisation()
    hall = make_space(city)
    application_round = make_round(city, [hall], created_by=make_member(city))
    priority = first_class(application_round)
    club = make_organisation(kind=OrganisationKind.ASSOCIATION)
    members = [make_member(club, role=Role.VIEWER) for _ in range(MEMBERS)]
    barrier = threading.Barrier(MEMBERS)

    def attempt(index: int) -> str:
        try:
            barrier.wait(timeout=30)
            submit_application(
                actor=members[index],
                application_round=application_round,
                for_organisation=club,
                activity="Kuoro",
                age_group="adults",
                requested_class=priority,
                notes="",
                wishes=[wish(hall)],
            )
            return "sent"
        except AlreadyApplied:
            return "already"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=MEMBERS) as pool:
        outcomes = list(pool.map(attempt, range(MEMBERS)))
    assert outcomes.count("sent") == 1
    assert outcomes.count("already") == MEMBERS - 1
    assert Application.objects.filter(for_organisation=club).count() == 1
