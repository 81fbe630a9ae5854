from auditlog.registry import auditlog

from lampio.assistant.models import (
    AnswerOverride,
    Concept,
    Conversation,
    DutyShift,
    Exchange,
    KnowledgeEntry,
    Paraphrase,
)

# Staff changes to knowledge, reviews and hand-offs are audited. What residents typed is left
# out so the audit log does not become a second copy of personal data to erase.
auditlog.register(KnowledgeEntry)
auditlog.register(Paraphrase)
auditlog.register(AnswerOverride)
auditlog.register(Concept)
auditlog.register(DutyShift)
auditlog.register(Exchange, include_fields=["review", "taught_entry"])
auditlog.register(
    Conversation,
    include_fields=["state", "taken_by", "feedback", "closed_at"],
)
