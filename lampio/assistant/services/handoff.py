"""Hand-off to a person: live chat with staff on duty, otherwise a feedback message.

Being on duty is read from the shifts' timestamps at the moment of the hand-off, so a shift that
nobody ended still stops on time. Taking a conversation is one conditional UPDATE (waiting →
active), so two staff pressing "take" at once can never both get it, on PostgreSQL or SQLite.
Staff writes run inside `set_actor(actor)`, so django-auditlog records who did them; the
conditional UPDATE bypasses model signals, so its log entry is written explicitly.
"""

from __future__ import annotations

import copy
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.assistant.models import (
    LANGUAGES,
    Conversation,
    ConversationMessage,
    ConversationState,
    DutyShift,
    Sender,
)
from lampio.assistant.models.handoff import MAX_MESSAGE_LENGTH
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.phones import normalise_phone
from lampio.feedback.models import MAX_TEXT_LENGTH, FeedbackCategory, Identity, Jurisdiction
from lampio.feedback.routing import jurisdiction_of
from lampio.feedback.services.submission import FeedbackDraft, submit_feedback
from lampio.feedback.text import plain
from lampio.tenancy.models import Membership, Municipality, Organisation
from lampio.tenancy.permissions import Action, Actor, can, role_ids_allowing

MAX_TRANSCRIPT_LINES = 20
MAX_SHIFT_HOURS = 12
# The category a hand-off lands in when nobody is on duty: the municipality's catch-all.
GENERAL_CATEGORY_CODE = "other"
OPEN_STATES = (ConversationState.WAITING, ConversationState.ACTIVE)


@dataclass(frozen=True)
class HandoffRequest:
    municipality: Municipality
    language: str
    transcript: tuple[tuple[str, str], ...]  # (sender "resident"|"assistant", text) so far
    message: str = ""  # what the person wants to ask a person
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


# --- Duty -------------------------------------------------------------------------------------


def desk_of(municipality: Municipality) -> Organisation | None:
    """The municipality's assistant desk (its feedback desk), or None if it has none."""
    jurisdiction = (
        Jurisdiction.objects.select_related("fallback_organisation")
        .filter(municipality=municipality)
        .first()
    )
    return jurisdiction.fallback_organisation if jurisdiction else None


def shifts_on_duty(
    organisation: Organisation, *, now: datetime | None = None
) -> QuerySet[DutyShift]:
    """Shifts running now whose staff member may still answer for the organisation."""
    now = now or timezone.now()
    may_answer = Q(user__is_network_admin=True) | Q(
        user__in=Membership.objects.filter(
            organisation=organisation, role__in=role_ids_allowing(Action.MANAGE)
        ).values("user_id")
    )
    return DutyShift.objects.filter(
        may_answer,
        organisation=organisation,
        started_at__lte=now,
        ends_at__gt=now,
        user__is_active=True,
    )


def someone_on_duty(municipality: Municipality, *, now: datetime | None = None) -> bool:
    desk = desk_of(municipality)
    return desk is not None and shifts_on_duty(desk, now=now).exists()


def _check_desk_staff(actor: User, organisation: Organisation) -> None:
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied(_("Only the desk's staff can answer the assistant's chats."))
    if not Jurisdiction.objects.filter(fallback_organisation=organisation).exists():
        raise PermissionDenied(_("This organisation does not answer the assistant's chats."))


def start_duty(*, actor: User, organisation: Organisation, hours: int = 4) -> DutyShift:
    """Go on duty for `hours` from now; a shift already running is extended instead."""
    _check_desk_staff(actor, organisation)
    if not 1 <= hours <= MAX_SHIFT_HOURS:
        raise InvalidInput(
            _("A shift lasts from 1 to %(count)d hours.") % {"count": MAX_SHIFT_HOURS},
            field="hours",
        )
    now = timezone.now()
    with transaction.atomic(), set_actor(actor):
        shift = (
            DutyShift.objects.select_for_update()
            .filter(user=actor, organisation=organisation, started_at__lte=now, ends_at__gt=now)
            .first()
        )
        if shift is None:
            return DutyShift.objects.create(
                user=actor,
                organisation=organisation,
                started_at=now,
                ends_at=now + timedelta(hours=hours),
            )
        shift.ends_at = now + timedelta(hours=hours)
        shift.save(update_fields=["ends_at"])
        return shift


def end_duty(*, actor: User, organisation: Organisation) -> None:
    """End the actor's running shifts now (shifts planned to start later are removed)."""
    now = timezone.now()
    with transaction.atomic(), set_actor(actor):
        shifts = DutyShift.objects.select_for_update().filter(
            user=actor, organisation=organisation, ends_at__gt=now
        )
        for shift in shifts:
            if shift.started_at < now:
                shift.ends_at = now
                shift.save(update_fields=["ends_at"])
            else:
                shift.delete()


# --- The resident's side ----------------------------------------------------------------------


def _checked_message(text: str, *, field: str = "message", required: bool = True) -> str:
    cleaned = plain(text)
    if required and not cleaned:
        raise InvalidInput(_("Write your message."), field=field)
    if len(cleaned) > MAX_MESSAGE_LENGTH:
        raise InvalidInput(
            _("The message is too long: at most %(count)d characters.")
            % {"count": MAX_MESSAGE_LENGTH},
            field=field,
        )
    return cleaned


def _checked_transcript(transcript: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The latest lines of what was said, each a resident's or the assistant's, plain text."""
    lines: list[tuple[str, str]] = []
    for sender, text in transcript[-MAX_TRANSCRIPT_LINES:]:
        cleaned = plain(text)[:MAX_MESSAGE_LENGTH]
        if sender in (Sender.RESIDENT, Sender.ASSISTANT) and cleaned:
            lines.append((str(sender), cleaned))
    return lines


def _checked_contact(request: HandoffRequest) -> tuple[str, str, str]:
    email = request.contact_email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise InvalidInput(_("Enter a valid email address."), field="contact_email") from error
    phone = ""
    if request.contact_phone.strip():
        phone = normalise_phone(request.contact_phone) or ""
        if not phone:
            raise InvalidInput(_("Enter a valid phone number."), field="contact_phone")
    return plain(request.contact_name)[:120], email[:254], phone


def _general_category(municipality: Municipality) -> FeedbackCategory:
    categories = FeedbackCategory.objects.filter(municipality=municipality, is_active=True)
    category = (
        categories.filter(code=GENERAL_CATEGORY_CODE).first()
        or categories.order_by("position", "pk").first()
    )
    if category is None:
        raise InvalidInput(_("This municipality does not take feedback here yet."))
    return category


def _feedback_text(message: str, lines: list[tuple[str, str]], language: str) -> str:
    """The person's message, then the conversation so far; the oldest lines go if too long."""
    with translation.override(language):
        names = {Sender.RESIDENT: _("Resident"), Sender.ASSISTANT: _("Assistant")}
        heading = _("Conversation with the assistant:")
    head = message
    lines = list(lines)
    while True:
        body = "\n".join(f"{names[Sender(sender)]}: {text}" for sender, text in lines)
        text = "\n\n".join(part for part in (head, f"{heading}\n{body}" if body else "") if part)
        if len(text) <= MAX_TEXT_LENGTH or not lines:
            return text[:MAX_TEXT_LENGTH]
        lines.pop(0)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _add_messages(conversation: Conversation, lines: list[tuple[str, str]], message: str) -> None:
    rows = [ConversationMessage(conversation=conversation, sender=s, text=t) for s, t in lines]
    if message:
        rows.append(
            ConversationMessage(conversation=conversation, sender=Sender.RESIDENT, text=message)
        )
    ConversationMessage.objects.bulk_create(rows)


def hand_off(*, request: HandoffRequest, actor: User | None) -> Conversation:
    """Open a live conversation when staff of the municipality are on duty (state WAITING);
    otherwise send the conversation as a feedback message (state TO_FEEDBACK, `feedback` set)."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    lines = _checked_transcript(request.transcript)
    asked = any(sender == Sender.RESIDENT for sender, _text in lines)
    message = _checked_message(request.message, required=not asked)
    name, email, phone = _checked_contact(request)
    language = request.language if request.language in LANGUAGES else "fi"
    municipality = request.municipality
    desk = jurisdiction_of(municipality).fallback_organisation
    conversation = Conversation(
        municipality=municipality,
        organisation=desk,
        language=language,
        token=_new_token(),
        user=actor,
        contact_name=name,
        contact_email=email,
        contact_phone=phone,
    )
    with transaction.atomic():
        if shifts_on_duty(desk).exists():
            conversation.state = ConversationState.WAITING
        else:
            given = bool(name or email or phone)
            draft = FeedbackDraft(
                category=_general_category(municipality),
                text=_feedback_text(message, lines, language),
                identity=Identity.NAMED if given else Identity.ANONYMOUS,
                contact_name=name,
                contact_email=email,
                contact_phone=phone,
                wants_contact=bool(email or phone),
                language=language,
            )
            conversation.feedback = submit_feedback(
                actor=actor, municipality=municipality, draft=draft
            )
            conversation.state = ConversationState.TO_FEEDBACK
        conversation.save()
        _add_messages(conversation, lines, message)
    return conversation


def post_resident_message(*, conversation: Conversation, text: str) -> None:
    message = _checked_message(text, field="text")
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.state not in OPEN_STATES:
            raise Conflict(_("This conversation has ended."))
        ConversationMessage.objects.create(
            conversation=locked, sender=Sender.RESIDENT, text=message
        )
        locked.save(update_fields=["updated_at"])


# --- The staff's side -------------------------------------------------------------------------


def _check_may_answer(actor: Actor, conversation: Conversation) -> None:
    if not can(actor, Action.MANAGE, conversation):
        raise PermissionDenied(_("Only the desk's staff can answer this conversation."))


def _audit_update(old: Conversation, new: Conversation) -> None:
    """Log a change made by a plain UPDATE, which django-auditlog's signals do not see."""
    changes = model_instance_diff(old, new)
    if changes:
        LogEntry.objects.log_create(new, action=LogEntry.Action.UPDATE, changes=changes)


def take_conversation(*, actor: User, conversation: Conversation) -> None:
    """Raise Conflict if another staff member took it first (conditional update)."""
    _check_may_answer(actor, conversation)
    now = timezone.now()
    with transaction.atomic(), set_actor(actor):
        taken = Conversation.objects.filter(
            pk=conversation.pk, state=ConversationState.WAITING
        ).update(state=ConversationState.ACTIVE, taken_by=actor, updated_at=now)
        current = Conversation.objects.get(pk=conversation.pk)
        if not taken:
            if current.state == ConversationState.ACTIVE and current.taken_by_id == actor.pk:
                return  # a second click of the same person
            if current.state == ConversationState.ACTIVE:
                raise Conflict(_("Another staff member already took this conversation."))
            raise Conflict(_("This conversation has ended."))
        before = copy.copy(current)
        before.state, before.taken_by_id = ConversationState.WAITING, None
        _audit_update(before, current)
    conversation.state, conversation.taken_by = current.state, actor
    conversation.updated_at = current.updated_at


def post_staff_reply(*, actor: User, conversation: Conversation, text: str) -> None:
    _check_may_answer(actor, conversation)
    message = _checked_message(text, field="text")
    with transaction.atomic(), set_actor(actor):
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.state != ConversationState.ACTIVE:
            raise Conflict(_("Take the conversation before you reply."))
        if locked.taken_by_id != actor.pk:
            raise PermissionDenied(_("Another staff member is answering this conversation."))
        ConversationMessage.objects.create(
            conversation=locked, sender=Sender.STAFF, author=actor, text=message
        )
        locked.save(update_fields=["updated_at"])


def close_conversation(*, actor: User | None, conversation: Conversation) -> None:
    """Close a waiting or active conversation: by desk staff, or (actor None) by the resident.
    Closing twice changes nothing the second time."""
    if actor is not None:
        _check_may_answer(actor, conversation)
    with transaction.atomic(), set_actor(actor):
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if locked.state not in OPEN_STATES:
            return
        locked.state = ConversationState.CLOSED
        locked.closed_at = timezone.now()
        locked.save(update_fields=["state", "closed_at", "updated_at"])
    conversation.state, conversation.closed_at = locked.state, locked.closed_at
