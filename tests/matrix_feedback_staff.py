"""Permission-matrix entries of the feedback app's staff routes (see test_permission_matrix).

`objects(organisation)` adds the objects these routes name; the shared ones (`feedback_id`, a
message routed to B, and `feedback_token`, its tracking code) come from matrix_feedback.py.

B's admin acts in the order listed. The message was sent anonymously and without permission to
publish, so publishing and hiding are refused with the form back (200); forwarding and merging
are sent without the other organisation or message (200, the form back with errors), so B keeps
the message for the routes after them. Closing is last of the message's actions.
"""

from __future__ import annotations

from typing import Any

from lampio.feedback.models import ReplyTemplate
from tests.matrix_cases import (
    ANON,
    OTHER_STAFF,
    OWN_STAFF,
    RESIDENT,
    STAFF_OF_B_ONLY,
    STAFF_OF_B_POST,
    Case,
)

# A POST whose form comes back with errors: the page is shown again to B's staff.
FORM_BACK = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "feedback_staff:inbox": Case(STAFF_OF_B_ONLY),
    "feedback_staff:detail": Case(STAFF_OF_B_ONLY),
    "feedback_staff:summary": Case(STAFF_OF_B_ONLY),
    "feedback_staff:templates": Case(STAFF_OF_B_ONLY),
    "feedback_staff:template_new": Case(STAFF_OF_B_ONLY),
    "feedback_staff:template_edit": Case(STAFF_OF_B_ONLY),
    "feedback_staff:assign": Case(STAFF_OF_B_POST, "post", {"assign-assignee": ""}),
    "feedback_staff:note": Case(STAFF_OF_B_POST, "post", {"note-text": "Soitin talonmiehelle."}),
    "feedback_staff:reply": Case(STAFF_OF_B_POST, "post", {"reply-text": "Korjataan."}),
    "feedback_staff:state": Case(STAFF_OF_B_POST, "post", {"state-state": "in-progress"}),
    "feedback_staff:forward": Case(FORM_BACK, "post", {"forward-reason": "Ei meille."}),
    "feedback_staff:merge": Case(FORM_BACK, "post", {"merge-into": "0"}),
    "feedback_staff:publish": Case(FORM_BACK, "post", {"publish-public_text": "Ovi jumissa."}),
    "feedback_staff:hide": Case(FORM_BACK, "post"),
    "feedback_staff:bulk": Case(STAFF_OF_B_POST, "post", {"bulk-ids": "0", "bulk-action": "close"}),
    "feedback_staff:close": Case(STAFF_OF_B_POST, "post"),
    "feedback_staff:template_delete": Case(STAFF_OF_B_POST, "post"),  # last: removes it
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's reply template."""
    template = ReplyTemplate.objects.create(
        organisation=organisation, name_fi="Kiitos", body_fi="Kiitos palautteesta."
    )
    return {"template_id": template.pk}
