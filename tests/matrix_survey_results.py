"""Permission-matrix entries of survey_results (test_permission_matrix).

The round (`survey_round_id`) is the one tests/matrix_survey_builder.py gives: organised by B,
with B taking part. The list of
rounds is for anyone with a staff role (each sees their own rounds); a round's results only for
staff of an organisation that took part in it or organised it: A's staff get 404, as for any
object of another organisation."""

from __future__ import annotations

from typing import Any

from tests.matrix_cases import ANON, OTHER_STAFF, OWN_STAFF, RESIDENT, STAFF_OF_B_ONLY, Case

ANY_STAFF = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "insights_staff:survey_rounds": Case(ANY_STAFF),
    "insights_staff:survey_results": Case(STAFF_OF_B_ONLY),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """None of its own: `survey_round_id` is the round of matrix_survey_builder (organised by B,
    B taking part), whose results page B's staff may open (results wait for the close)."""
    return {}
