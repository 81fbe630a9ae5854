"""Permission-matrix entries of the feedback app's resident routes (see test_permission_matrix).

`objects(organisation)` adds the objects these routes name; the shared ones (`feedback_id`, a
message routed to B, and `feedback_token`, its tracking code) come from matrix_feedback.py.

The give and public pages are open to everyone. What guards a message is its tracking code:
whoever holds `{feedback_token}` sees the receipt and the tracking page, whoever is signed in or
not. `{feedback_photo_id}` is a photo of B's unpublished message, asked for without the code:
only B's staff see it.
"""

from __future__ import annotations

from typing import Any

from lampio.core.images import attach_photo
from lampio.feedback.models import Feedback, FeedbackPhoto
from lampio.feedback.tests.conftest import jpeg_bytes
from tests.matrix_cases import ANON, OTHER_STAFF, OWN_STAFF, RESIDENT, Case, everyone

PAGES: dict[str, Case] = {
    "feedback:give": Case(everyone(200)),
    "feedback:public": Case(everyone(200)),
    "feedback:receipt": Case(everyone(200)),
    "feedback:track": Case(everyone(200)),
    "feedback:photo": Case({ANON: 404, RESIDENT: 404, OTHER_STAFF: 404, OWN_STAFF: 200}),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    photo = FeedbackPhoto(feedback=Feedback.objects.filter(organisation=organisation).get())
    attach_photo(photo.image, jpeg_bytes(), "jpg")
    photo.save()
    return {"feedback_photo_id": photo.pk}
