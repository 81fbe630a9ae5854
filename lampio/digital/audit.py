from lampio.core.audit import register_audited
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
register_audited(Broadcast)
register_audited(Recording)
register_audited(ChatMessage, include_fields=["is_hidden", "answered_at"])
register_audited(ChatMute)
register_audited(AudienceMessage, exclude_fields=["body"])
register_audited(PackagePlan)
register_audited(SeasonPackage)
register_audited(PackageUse)
