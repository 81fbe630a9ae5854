"""Permission-matrix entries of the assistant's staff word pages (see test_permission_matrix).

`objects(organisation)` makes B its municipality's assistant desk (the same setup
matrix_assistant_staff makes, so either may run first) and adds a concept the edit and delete
routes name (`concept_key`). B's admin edits it, then removes it last.
"""

from __future__ import annotations

from typing import Any

from lampio.assistant.models import Concept, ConceptKind
from lampio.feedback.services.setup import set_up_feedback
from tests.matrix_cases import STAFF_OF_B_ONLY, STAFF_OF_B_POST, Case

KEY = "matrix-door-code"

PAGES: dict[str, Case] = {
    "assistant_lexicon:concepts": Case(STAFF_OF_B_ONLY),
    "assistant_lexicon:concept_new": Case(STAFF_OF_B_ONLY),
    "assistant_lexicon:concept_edit": Case(STAFF_OF_B_ONLY),
    "assistant_lexicon:concept_delete": Case(STAFF_OF_B_POST, "post"),  # last: removes it
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    municipality = organisation.municipality
    set_up_feedback(
        municipality=municipality,
        fallback_organisation=organisation,
        open311_id=f"{municipality.slug}.example.fi",
    )
    Concept.objects.create(key=KEY, kind=ConceptKind.CONCEPT, terms_fi="ovikoodi\nkulkukoodi")
    return {"concept_key": KEY}
