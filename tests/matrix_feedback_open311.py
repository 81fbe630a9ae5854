"""Permission-matrix entries of the feedback app's open311 routes (see test_permission_matrix).

`objects(organisation)` adds the objects these routes name; the shared ones (`feedback_id`, a
message routed to B, and `feedback_token`, its tracking code) come from matrix_feedback.py.

Open311 is public and sessionless: every actor gets the same answer. B's municipality is the only
jurisdiction, so no jurisdiction_id is needed; B's message is unpublished, so requests/{id}.json
shows it without its content (tested in lampio/feedback/tests/test_open311_api.py). Posting
needs an api_key, which no actor has: a signed-in session counts for nothing there.
"""

from __future__ import annotations

from typing import Any

from tests.matrix_cases import Case, everyone

PAGES: dict[str, Case] = {
    "open311:openapi": Case(everyone(200)),  # the OpenAPI description, public like the rest
    "open311:services": Case(everyone(200)),
    "open311:service": Case(everyone(200)),
    "open311:requests": Case(everyone(200)),
    "open311:request": Case(everyone(200)),
}
API: dict[tuple[str, str], Case] = {
    ("post", "/open311/v2/requests.json"): Case(
        everyone(403), data={"service_code": "other", "description": "Ovi B on jumissa."}
    ),
}


def objects(organisation: Any) -> dict[str, Any]:
    return {"service_code": "other"}
