"""Permission-matrix entries of survey rounds' anonymous answer page (test_permission_matrix).

`objects(organisation)` gives B's answer link (`round_token`) to a network round of the seeded
capability survey that is open today. Anyone holding the link may answer: it is the key, and
it names neither the round nor a person.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.utils import timezone

from lampio.surveys.engine.seed import ensure_capability_questionnaire
from lampio.surveys.models import Round, RoundParticipant
from tests.matrix_cases import Case, everyone

PAGES: dict[str, Case] = {
    "surveys:round_answer": Case(everyone(200)),
    "surveys:round_thanks": Case(everyone(200)),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's link to an open network round of "Digitalisation in my work"."""
    today = timezone.localdate()
    survey_round = Round.objects.create(
        version=ensure_capability_questionnaire().versions.get(number=1),
        title_fi="Matriisin kierros",
        opens_on=today - timedelta(days=1),
        closes_on=today + timedelta(days=7),
    )
    participant = RoundParticipant.objects.create(
        round=survey_round, organisation=organisation, token=secrets.token_urlsafe(24)
    )
    return {"round_token": participant.token}
