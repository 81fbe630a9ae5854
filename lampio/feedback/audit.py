from auditlog.registry import auditlog

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
auditlog.register(
    Feedback,
    exclude_fields=["text", "contact_name", "contact_email", "contact_phone", "tracking_token"],
)
auditlog.register(FeedbackEvent, exclude_fields=["text"])
auditlog.register(FeedbackState)
auditlog.register(FeedbackCategory)
auditlog.register(Jurisdiction)
auditlog.register(ReplyTemplate)
auditlog.register(Open311Client, exclude_fields=["key_hash"])
