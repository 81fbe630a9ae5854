from lampio.feedback.models.items import (
    MAX_TEXT_LENGTH,
    PUBLIC_EVENT_KINDS,
    EventKind,
    Feedback,
    FeedbackEvent,
    FeedbackPhoto,
    Identity,
    Source,
)
from lampio.feedback.models.routing import (
    FeedbackCategory,
    FeedbackState,
    Jurisdiction,
    StateKind,
)
from lampio.feedback.models.staff import Open311Client, ReplyTemplate, SummarySent, hash_api_key

__all__ = [
    "MAX_TEXT_LENGTH",
    "PUBLIC_EVENT_KINDS",
    "EventKind",
    "Feedback",
    "FeedbackCategory",
    "FeedbackEvent",
    "FeedbackPhoto",
    "FeedbackState",
    "Identity",
    "Jurisdiction",
    "Open311Client",
    "ReplyTemplate",
    "Source",
    "StateKind",
    "SummarySent",
    "hash_api_key",
]
