"""The feedback app's part of the permission matrix: B is its municipality's feedback desk and
has one message, sent by a resident, routed to it."""

from __future__ import annotations

from typing import Any

from lampio.feedback.models import FeedbackCategory
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.services.submission import FeedbackDraft, submit_feedback
from tests import matrix_feedback_open311, matrix_feedback_resident, matrix_feedback_staff
from tests.matrix_cases import Case

PARTS = (matrix_feedback_resident, matrix_feedback_staff, matrix_feedback_open311)
PAGES: dict[str, Case] = {name: case for part in PARTS for name, case in part.PAGES.items()}
API: dict[tuple[str, str], Case] = {key: case for part in PARTS for key, case in part.API.items()}


def feedback_objects(organisation: Any) -> dict[str, Any]:
    municipality = organisation.municipality
    set_up_feedback(
        municipality=municipality,
        fallback_organisation=organisation,
        open311_id=f"{municipality.slug}.example.fi",
    )
    feedback = submit_feedback(
        actor=None,
        municipality=municipality,
        draft=FeedbackDraft(
            category=FeedbackCategory.objects.get(municipality=municipality, code="other"),
            text="Ovi B on jumissa.",
        ),
    )
    objects: dict[str, Any] = {
        "feedback_id": feedback.pk,
        "feedback_token": feedback.tracking_token,
    }
    for part in PARTS:
        objects.update(part.objects(organisation))
    return objects
