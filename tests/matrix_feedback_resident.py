"""Permission-matrix entries of the feedback app's resident routes (see test_permission_matrix).

`objects(organisation)` adds the objects these routes name; the shared ones (`feedback_id`, a
message routed to B, and `feedback_token`, its tracking code) come from matrix_feedback.py.

The resident pages are open to everyone; what guards a message is its tracking code. Their
`{token}` here is a calendar-feed token (the matrix's shared name), not a tracking code, and
`{photo_id}` is a space photo's id, not a feedback photo's: so both must be not found to
everyone, staff of the answering organisation included. The positive cases (the link holder,
the answering staff, published photos) are in lampio/feedback/tests/test_resident_views.py.
"""

from __future__ import annotations

from typing import Any

from tests.matrix_cases import Case, everyone

PAGES: dict[str, Case] = {
    "feedback:give": Case(everyone(200)),
    "feedback:public": Case(everyone(200)),
    "feedback:receipt": Case(everyone(404)),
    "feedback:track": Case(everyone(404)),
    "feedback:photo": Case(everyone(404)),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    return {}
