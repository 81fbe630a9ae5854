"""What the feedback app holds about a person, for export and erasure.

Messages a person sent signed in, or under their account's email address without signing in, are
exported with their answers. Erasure keeps the message for the city's records but removes
everything that ties it to the person: the account link, name, email, phone and pseudonym; the
message then counts as anonymous. Photos stay: they show the place, not the person.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from lampio.accounts.models import User
from lampio.core.privacy import register_personal_data
from lampio.feedback.models import EventKind, Feedback, Identity


def _sent_by(user: User) -> QuerySet[Feedback]:
    sent = Q(author=user)
    if user.email:
        sent |= Q(contact_email__iexact=user.email)
    return Feedback.objects.filter(sent)


def export_feedback(user: User) -> list[dict[str, Any]]:
    messages = (
        _sent_by(user)
        .select_related("category", "state")
        .prefetch_related("events")
        .order_by("submitted_at", "pk")
    )
    return [
        {
            "reference": feedback.pk,
            "category": feedback.category.name,
            "state": feedback.state.name,
            "sent_at": feedback.submitted_at.isoformat(),
            "sent_as": feedback.identity,
            "pseudonym": feedback.pseudonym,
            "text": feedback.text,
            "contact_name": feedback.contact_name,
            "contact_email": feedback.contact_email,
            "contact_phone": feedback.contact_phone,
            "address": feedback.address,
            "answers": [
                {"at": event.created_at.isoformat(), "text": event.text}
                for event in feedback.events.all()
                if event.kind == EventKind.REPLY
            ],
        }
        for feedback in messages
    ]


# What a message keeps of its writer once the writer is erased: nothing, as if sent anonymously.
WRITER_ERASED: dict[str, Any] = {
    "author": None,
    "identity": Identity.ANONYMOUS,
    "pseudonym": "",
    "contact_name": "",
    "contact_email": "",
    "contact_phone": "",
    "wants_contact": False,
}


def erase_feedback(user: User) -> None:
    _sent_by(user).update(**WRITER_ERASED)


register_personal_data("feedback", export=export_feedback, erase=erase_feedback)
