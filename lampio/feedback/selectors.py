"""Reads of the feedback service shared by its pages and the Open311 API."""

from __future__ import annotations

from django.db.models import QuerySet

from lampio.core.errors import NotFound
from lampio.feedback.models import Feedback, FeedbackCategory


def categories_of(municipality_id: int) -> QuerySet[FeedbackCategory]:
    """The categories a resident can choose in a municipality, in their set order."""
    return FeedbackCategory.objects.filter(municipality_id=municipality_id, is_active=True)


def tracked_feedback(*, token: str) -> Feedback:
    """The message behind a tracking link; anyone holding the link may read its progress."""
    feedback = (
        Feedback.objects.select_related(
            "category", "state", "organisation", "municipality", "merged_into"
        )
        .filter(tracking_token=token)
        .first()
    )
    if feedback is None:
        raise NotFound()
    return feedback
