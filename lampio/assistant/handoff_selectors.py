"""Reads of the hand-off: the staff's chat queue, one conversation, new messages, duty status.

Staff reads are scoped to one organisation (the desk); a conversation of another organisation is
not found. Opening a conversation that carries contact details is logged as an access.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from lampio.assistant.models import Conversation, ConversationMessage, ConversationState, DutyShift
from lampio.core.errors import NotFound
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can


def waiting_conversations(organisation: Organisation) -> QuerySet[Conversation]:
    """Conversations nobody has taken yet, the longest waiting first."""
    return Conversation.objects.filter(
        organisation=organisation, state=ConversationState.WAITING
    ).order_by("created_at", "pk")


def active_conversations(organisation: Organisation, staff: Actor) -> QuerySet[Conversation]:
    """The conversations `staff` has taken and not closed."""
    if not staff.is_authenticated:
        return Conversation.objects.none()
    return Conversation.objects.filter(
        organisation=organisation, state=ConversationState.ACTIVE, taken_by=staff
    ).order_by("created_at", "pk")


def conversation_for_resident(token: str) -> Conversation:
    """The conversation whose secret `token` the resident holds (views wrap this in `found`)."""
    conversation = (
        Conversation.objects.select_related("municipality", "taken_by", "feedback")
        .filter(token=token)
        .first()
        if token
        else None
    )
    if conversation is None:
        raise NotFound()
    return conversation


def conversation_for_staff(
    *, actor: Actor, organisation: Organisation, conversation_id: int
) -> Conversation:
    if not can(actor, Action.VIEW, organisation):
        raise NotFound()
    conversation = (
        Conversation.objects.select_related("municipality", "taken_by", "user", "feedback")
        .filter(organisation=organisation, pk=conversation_id)
        .first()
    )
    if conversation is None:
        raise NotFound()
    if conversation.user_id or conversation.contact_email or conversation.contact_phone:
        log_personal_data_read(
            actor=actor,
            kind=PersonalDataRead.HANDOFF,
            subject=conversation,
            organisation_id=organisation.pk,
        )
    return conversation


def messages_after(conversation: Conversation, after_id: int = 0) -> QuerySet[ConversationMessage]:
    """The conversation's messages newer than message `after_id` (0: all), oldest first."""
    return (
        ConversationMessage.objects.filter(conversation=conversation, pk__gt=after_id)
        .select_related("author")
        .order_by("created_at", "pk")
    )


def current_shift(
    actor: Actor, organisation: Organisation, *, now: datetime | None = None
) -> DutyShift | None:
    """The actor's shift running now for the organisation, if any."""
    if not actor.is_authenticated:
        return None
    now = now or timezone.now()
    return (
        DutyShift.objects.filter(
            user=actor, organisation=organisation, started_at__lte=now, ends_at__gt=now
        )
        .order_by("-ends_at")
        .first()
    )
