from lampio.assistant.models import (
    AnswerOverride,
    Concept,
    Conversation,
    DutyShift,
    Exchange,
    KnowledgeEntry,
    Paraphrase,
)
from lampio.core.audit import register_audited

# Staff changes to knowledge, reviews and hand-offs are audited. What residents typed is left
# out so the audit log does not become a second copy of personal data to erase.
register_audited(KnowledgeEntry)
register_audited(Paraphrase)
register_audited(AnswerOverride)
register_audited(Concept)
register_audited(DutyShift)
register_audited(Exchange, include_fields=["review", "taught_entry"])
register_audited(
    Conversation,
    include_fields=["state", "taken_by", "feedback", "closed_at"],
)
