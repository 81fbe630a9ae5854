"""What the assistant holds about a person: the hand-off conversations they had signed in.
Questions asked to the assistant are not tied to a person and are purged after retention."""

from __future__ import annotations

from typing import Any

from lampio.accounts.models import User
from lampio.assistant.models import Conversation
from lampio.core.privacy import register_personal_data


def export_conversations(user: User) -> list[dict[str, Any]]:
    conversations = Conversation.objects.filter(user=user).prefetch_related("messages")
    return [
        {
            "started_at": conversation.created_at.isoformat(),
            "state": conversation.state,
            "messages": [
                {"from": m.sender, "sent_at": m.created_at.isoformat(), "text": m.text}
                for m in conversation.messages.all()
            ],
        }
        for conversation in conversations
    ]


def erase_conversations(user: User) -> None:
    Conversation.objects.filter(user=user).delete()


register_personal_data("assistant", export=export_conversations, erase=erase_conversations)
