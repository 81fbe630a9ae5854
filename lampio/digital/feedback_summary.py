"""A session's feedback for its provider, with small groups suppressed.

With only a few answers a performer could tell who said what, so:
- with fewer than SMALL_GROUP answers in all, no count and no free answer is shown;
- a count of 1 to SMALL_GROUP − 1 is shown as "fewer than 5" (None here), and when exactly one
  count is hidden the smallest other non-zero count is hidden too, so that it cannot be worked
  out from the total;
- free answers are shown only from SMALL_GROUP answers on.

`suppress_small_counts` is the reusable part (the insights work can apply it to any counts).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from django.db.models import Count
from django.utils.functional import Promise

from lampio.digital.models import SessionFeedback
from lampio.digital.services.feedback import RATINGS
from lampio.offerings.models import Occurrence

SMALL_GROUP = 5

K = TypeVar("K")


def suppress_small_counts(
    counts: Mapping[K, int], *, threshold: int = SMALL_GROUP
) -> dict[K, int | None]:
    """Counts with each one below `threshold` (but above 0) replaced by None.

    If the counts' total is below `threshold`, every count is hidden. If exactly one count is
    hidden, the smallest shown non-zero count is hidden as well (secondary suppression).
    """
    if sum(counts.values()) < threshold:
        return dict.fromkeys(counts)
    shown: dict[K, int | None] = {
        key: None if 0 < count < threshold else count for key, count in counts.items()
    }
    hidden = [key for key, value in shown.items() if value is None]
    if len(hidden) == 1:
        others = [(count, key) for key, count in shown.items() if count]
        if others:
            shown[min(others, key=lambda pair: pair[0])[1]] = None
    return shown


@dataclass(frozen=True)
class RatingRow:
    value: int
    label: str | Promise
    smiley: str
    count: int | None  # None: fewer than SMALL_GROUP


@dataclass(frozen=True)
class FeedbackSummary:
    total: int
    rows: list[RatingRow]
    answers: list[str] = field(default_factory=list)
    threshold: int = SMALL_GROUP

    @property
    def enough_answers(self) -> bool:
        return self.total >= self.threshold


def feedback_summary(occurrence: Occurrence, *, threshold: int = SMALL_GROUP) -> FeedbackSummary:
    feedback = SessionFeedback.objects.filter(occurrence=occurrence)
    by_rating = dict(feedback.values("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    raw = {rating.value: int(by_rating.get(rating.value, 0)) for rating in RATINGS}
    total = sum(raw.values())
    shown = suppress_small_counts(raw, threshold=threshold)
    rows = [
        RatingRow(rating.value, rating.label, rating.smiley, shown[rating.value])
        for rating in RATINGS
    ]
    answers: list[str] = []
    if total >= threshold:
        # Newest last would hint at who answered when; sorting by text hides the order.
        answers = sorted(
            text for text in feedback.exclude(answer="").values_list("answer", flat=True)
        )
    return FeedbackSummary(total=total, rows=rows, answers=answers, threshold=threshold)
