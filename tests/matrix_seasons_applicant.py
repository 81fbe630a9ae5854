"""Permission-matrix entries of the applicants' seasonal-round pages and the round reports
(see test_permission_matrix).

`objects(organisation)` gives B an open round of its space and an application to it by a person
who is none of the matrix's actors: the round's pages are public, the application answers 404 to
everyone else. The reports' entries use the round of B that matrix_seasons_staff gives as
`round_id` (any round of B will do).
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import User
from lampio.seasons.models import (
    AgeGroup,
    Application,
    ApplicationRound,
    PriorityClass,
    WishedSlot,
    WishedSpace,
)
from lampio.spaces.models import Space
from tests.matrix_cases import (
    ANON,
    LOGIN_REQUIRED,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    Case,
    everyone,
)

SOMEONE_ELSES = {ANON: 302, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 404}

PAGES: dict[str, Case] = {
    # {round_pk} is B's open round: public, and anyone logged in sees its application form.
    "seasons:rounds": Case(everyone(200)),
    "seasons:round": Case(everyone(200)),
    "seasons:apply": Case(LOGIN_REQUIRED),
    "seasons:mine": Case(LOGIN_REQUIRED),
    # {application_pk} is a stranger's application to it; the withdrawal is refused unseen.
    "seasons:application": Case(SOMEONE_ELSES),
    "seasons:edit": Case(SOMEONE_ELSES),
    "seasons:withdraw": Case(SOMEONE_ELSES, "post"),
    # Reports of a round of B: anyone who may view B.
    "seasons_reports:report": Case(STAFF_OF_B_ONLY),
    "seasons_reports:demand_csv": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's objects these routes name, as URL keyword arguments."""
    now = timezone.now()
    founder = User.objects.create_user(email=f"matrix-round@{organisation.slug}.example.fi")
    application_round = ApplicationRound.objects.create(
        organisation=organisation,
        name_fi="Matriisin kausi",
        season_starts=(now + timedelta(days=60)).date(),
        season_ends=(now + timedelta(days=240)).date(),
        applications_open_at=now - timedelta(days=1),
        applications_close_at=now + timedelta(days=30),
        created_by=founder,
    )
    space = Space.objects.filter(venue__organisation=organisation).first()
    application_round.spaces.add(space)
    priority = PriorityClass.objects.create(
        application_round=application_round, rank=1, name_fi="Kaikki"
    )
    stranger = User.objects.create_user(email=f"matrix-applicant@{organisation.slug}.example.fi")
    application = Application.objects.create(
        application_round=application_round,
        applicant=stranger,
        activity="Kuoro",
        age_group=AgeGroup.ADULTS,
        requested_class=priority,
        priority_class=priority,
    )
    wish = WishedSlot.objects.create(
        application=application,
        weekday=2,
        earliest_start=time(17),
        latest_end=time(20),
        duration_minutes=90,
        attendees=10,
    )
    WishedSpace.objects.create(wish=wish, space=space)
    return {
        "round_pk": application_round.pk,
        "application_pk": application.pk,
    }
