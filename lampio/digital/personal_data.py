"""What the digital-sessions app holds about a person, for export and erasure.

Chat messages a person wrote are exported, and erased by blanking their text and author (the
row stays so a moderator's log keeps its order); sign-in codes sent to the person's email or
mobile number are listed (never the code) and deleted; mutes a moderator set on the person are
listed and deleted. Feedback and audience counts are anonymous: nothing to export.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.digital.models import ChatMessage, ChatMute, SignInCode


def export_chat_messages(user: User) -> list[dict[str, Any]]:
    return [
        {
            "session": message.occurrence.offering.title,
            "starts_at": message.occurrence.starts_at.isoformat(),
            "kind": message.kind,
            "name_shown": message.display_name,
            "text": message.text,
            "sent_at": message.created_at.isoformat(),
        }
        for message in ChatMessage.objects.filter(author=user)
        .select_related("occurrence__offering")
        .order_by("created_at", "pk")
    ]


def export_chat_mutes(user: User) -> list[dict[str, Any]]:
    return [
        {
            "session": mute.occurrence.offering.title,
            "starts_at": mute.occurrence.starts_at.isoformat(),
            "muted_at": mute.created_at.isoformat(),
        }
        for mute in ChatMute.objects.filter(person=user).select_related("occurrence__offering")
    ]


def erase_chat_mutes(user: User) -> None:
    ChatMute.objects.filter(person=user).delete()


def erase_chat_messages(user: User) -> None:
    ChatMessage.objects.filter(author=user).update(text="", display_name="", author=None)


def _codes_of(user: User) -> Any:
    sent_to = Q(pk__in=[])
    if user.email:
        sent_to |= Q(email__iexact=user.email)
    if user.phone:
        sent_to |= Q(phone=user.phone)
    return SignInCode.objects.filter(sent_to)


def export_sign_in_codes(user: User) -> list[dict[str, Any]]:
    return [
        {
            "sent_to": code.email or code.phone,
            "created_at": code.created_at.isoformat(),
            "expires_at": code.expires_at.isoformat(),
            "used_at": code.used_at.isoformat() if code.used_at else None,
        }
        for code in _codes_of(user).order_by("created_at", "pk")
    ]


def erase_sign_in_codes(user: User) -> None:
    _codes_of(user).delete()


register_personal_data("chat_messages", export=export_chat_messages, erase=erase_chat_messages)
register_personal_data("chat_mutes", export=export_chat_mutes, erase=erase_chat_mutes)
register_personal_data("sign_in_codes", export=export_sign_in_codes, erase=erase_sign_in_codes)
