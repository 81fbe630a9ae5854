from lampio.core.audit import register_audited
from lampio.feedback.models import (
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackState,
    Jurisdiction,
    Open311Client,
    ReplyTemplate,
)

# Every staff change to a message is audited. The resident's text and contact details are
# excluded, so the audit log does not become a second copy of personal data that must be erased.
register_audited(
    Feedback,
    exclude_fields=["text", "contact_name", "contact_email", "contact_phone", "tracking_token"],
)
register_audited(FeedbackEvent, exclude_fields=["text"])
register_audited(FeedbackState)
register_audited(FeedbackCategory)
register_audited(Jurisdiction)
register_audited(ReplyTemplate)
register_audited(Open311Client, exclude_fields=["key_hash"])
