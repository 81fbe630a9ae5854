"""Digital culture sessions: live streams, chat and reactions, recordings, passwordless
taking part, anonymous feedback, and care units' season packages.

Built on `offerings`: a digital session is an occurrence of an online offering.
"""

from lampio.digital.models.access import SignInCode
from lampio.digital.models.broadcast import Broadcast, CaptionLanguage, Recording
from lampio.digital.models.interaction import (
    AudienceMessage,
    ChatMessage,
    ChatMute,
    MessageKind,
    ReactionCount,
    ReactionKind,
    SessionFeedback,
    Viewer,
)
from lampio.digital.models.packages import PackagePlan, PackageUse, SeasonPackage

__all__ = [
    "AudienceMessage",
    "Broadcast",
    "CaptionLanguage",
    "ChatMessage",
    "ChatMute",
    "MessageKind",
    "PackagePlan",
    "PackageUse",
    "ReactionCount",
    "ReactionKind",
    "Recording",
    "SeasonPackage",
    "SessionFeedback",
    "SignInCode",
    "Viewer",
]
