"""Messages sent to a person are personal data: exported, and deleted with the account."""

from __future__ import annotations

from typing import Any

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.notifications.models import Delivery, Preference


def export_messages(user: User) -> dict[str, Any]:
    preference = Preference.objects.filter(person=user).first()
    return {
        "non_essential_messages": preference.non_essential if preference else True,
        "messages": [
            {
                "sent_at": (d.sent_at or d.created_at).isoformat(),
                "channel": d.channel,
                "to": d.to,
                "subject": d.subject,
                "text": d.body,
                "status": d.status,
            }
            for d in Delivery.objects.filter(recipient=user)
        ],
    }


def erase_messages(user: User) -> None:
    Delivery.objects.filter(recipient=user).delete()
    Preference.objects.filter(person=user).delete()


register_personal_data("messages", export=export_messages, erase=erase_messages)
