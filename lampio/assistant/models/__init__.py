from lampio.assistant.models.exchanges import Exchange, ExchangeOutcome, ReviewState
from lampio.assistant.models.handoff import (
    Conversation,
    ConversationMessage,
    ConversationState,
    DutyShift,
    Sender,
)
from lampio.assistant.models.knowledge import (
    LANGUAGES,
    AnswerOverride,
    KnowledgeEntry,
    LinkTarget,
    Paraphrase,
    ParaphraseSource,
)
from lampio.assistant.models.lexicon import Concept, ConceptKind

__all__ = [
    "LANGUAGES",
    "AnswerOverride",
    "Concept",
    "ConceptKind",
    "Conversation",
    "ConversationMessage",
    "ConversationState",
    "DutyShift",
    "Exchange",
    "ExchangeOutcome",
    "KnowledgeEntry",
    "LinkTarget",
    "Paraphrase",
    "ParaphraseSource",
    "ReviewState",
    "Sender",
]
