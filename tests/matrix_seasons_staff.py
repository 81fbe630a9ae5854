"""Permission-matrix entries of the staff pages of application rounds (see test_permission_matrix).

`objects(organisation)` gives B a round whose applications have closed, with one application
by a person who is none of the matrix's actors, its wish allocated (not locked). B's staff go
through the pages in this order: forms sent empty come back (200); the solver runs, the
allocation is locked, unlocked and removed, then the round is published (each a redirect).
Its `round_id` is also the round the reports' entries use.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import User
from lampio.seasons.models import (
    AgeGroup,
    Allocation,
    AllocationSource,
    Application,
    ApplicationRound,
    PriorityClass,
    WishedSlot,
    WishedSpace,
)
from lampio.spaces.models import Space
from tests.matrix_cases import OWN_STAFF, STAFF_OF_B_ONLY, STAFF_OF_B_POST, Case

FORM_BACK = {**STAFF_OF_B_POST, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "seasons_staff:rounds": Case(STAFF_OF_B_ONLY),
    "seasons_staff:round_new": Case(STAFF_OF_B_ONLY),
    "seasons_staff:round": Case(STAFF_OF_B_ONLY),
    "seasons_staff:round_edit": Case(STAFF_OF_B_ONLY),
    # {application_id} is the stranger's application; sent without a class, the form comes back.
    "seasons_staff:reclassify": Case(FORM_BACK, "post"),
    "seasons_staff:allocation": Case(STAFF_OF_B_ONLY),
    # {wish_id} is its wish: sent without a space or a time, the move form comes back.
    "seasons_staff:move": Case(FORM_BACK, "post"),
    "seasons_staff:run": Case(STAFF_OF_B_POST, "post"),
    "seasons_staff:lock": Case(STAFF_OF_B_POST, "post"),
    "seasons_staff:unlock": Case(STAFF_OF_B_POST, "post"),
    "seasons_staff:remove": Case(STAFF_OF_B_POST, "post"),
    "seasons_staff:publish": Case(STAFF_OF_B_ONLY),
}
# The publish form posts to the same address; as a POST it is checked by the service tests and
# test_staff_views (the matrix has one entry per route name).
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    now = timezone.now()
    founder = User.objects.create_user(email=f"matrix-staff-round@{organisation.slug}.example.fi")
    application_round = ApplicationRound.objects.create(
        organisation=organisation,
        name_fi="Matriisin vakiovuorot",
        season_starts=(now + timedelta(days=30)).date(),
        season_ends=(now + timedelta(days=120)).date(),
        applications_open_at=now - timedelta(days=20),
        applications_close_at=now - timedelta(days=1),
        created_by=founder,
    )
    space = Space.objects.filter(venue__organisation=organisation).first()
    application_round.spaces.add(space)
    priority = PriorityClass.objects.create(
        application_round=application_round, rank=1, name_fi="Lapset ja nuoret"
    )
    stranger = User.objects.create_user(email=f"matrix-season-club@{organisation.slug}.example.fi")
    application = Application.objects.create(
        application_round=application_round,
        applicant=stranger,
        activity="Juniorisähly",
        age_group=AgeGroup.YOUTH,
        requested_class=priority,
        priority_class=priority,
    )
    wish = WishedSlot.objects.create(
        application=application,
        weekday=3,
        earliest_start=time(17),
        latest_end=time(20),
        duration_minutes=60,
        attendees=5,
    )
    WishedSpace.objects.create(wish=wish, space=space)
    Allocation.objects.create(
        application_round=application_round,
        wish=wish,
        space=space,
        weekday=3,
        starts_time=time(17),
        ends_time=time(18),
        source=AllocationSource.SOLVER,
    )
    return {
        "round_id": application_round.pk,
        "application_id": application.pk,
        "wish_id": wish.pk,
    }
