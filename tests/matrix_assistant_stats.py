"""Permission-matrix entries of the assistant's statistics page (see test_permission_matrix).

`objects(organisation)` makes B its municipality's assistant desk (the same idempotent setup
matrix_feedback and matrix_assistant_staff make, so any may run first). The page names nothing
beyond the organisation, so no further keyword arguments are needed.
"""

from __future__ import annotations

from typing import Any

from lampio.feedback.services.setup import set_up_feedback
from tests.matrix_cases import STAFF_OF_B_ONLY, Case

PAGES: dict[str, Case] = {
    "assistant_stats:overview": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    municipality = organisation.municipality
    set_up_feedback(
        municipality=municipality,
        fallback_organisation=organisation,
        open311_id=f"{municipality.slug}.example.fi",
    )
    return {}
