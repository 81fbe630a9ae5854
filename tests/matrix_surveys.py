"""Permission-matrix entries of the visitor survey (test_permission_matrix).

`objects(organisation)` gives a personal invitation to the survey about B (`survey_token`) and
B's open visit link (`survey_visit_token`). The survey is open to everyone who holds a link; the
staff's links and posters are B's only ({venue_id} is B's venue from the matrix's world).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from lampio.surveys.invitations import Invitation, invitation_token, last_day_after, visit_key
from lampio.surveys.models import Context
from lampio.surveys.selectors import visit_link_of
from tests.matrix_cases import STAFF_OF_B_ONLY, Case, everyone

PAGES: dict[str, Case] = {
    "surveys:answer": Case(everyone(200)),
    "surveys:visit": Case(everyone(200)),
    "surveys:thanks": Case(everyone(200)),
    "surveys_staff:links": Case(STAFF_OF_B_ONLY),
    "surveys_staff:poster": Case(STAFF_OF_B_ONLY),
    "surveys_staff:venue_poster": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's survey links, as URL keyword arguments."""
    invitation = Invitation(
        organisation.pk,
        None,
        Context.BOOKING.value,
        visit_key("booking", "matrix"),
        last_day_after(timezone.now()),
    )
    return {
        "survey_token": invitation_token(invitation),
        "survey_visit_token": visit_link_of(organisation, None),
    }
