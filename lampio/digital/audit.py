from auditlog.registry import auditlog

from lampio.digital.models import (
    AudienceMessage,
    Broadcast,
    ChatMessage,
    ChatMute,
    PackagePlan,
    PackageUse,
    Recording,
    SeasonPackage,
)

# Staff state changes are audited. Chat messages are registered for moderation (hide) only;
# their text is excluded so the audit log does not become a second copy of the chat.
auditlog.register(Broadcast)
auditlog.register(Recording)
auditlog.register(ChatMessage, include_fields=["is_hidden", "answered_at"])
auditlog.register(ChatMute)
auditlog.register(AudienceMessage, exclude_fields=["body"])
auditlog.register(PackagePlan)
auditlog.register(SeasonPackage)
auditlog.register(PackageUse)
