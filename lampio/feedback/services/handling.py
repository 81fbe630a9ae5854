"""Staff handle a message: assign, note, reply, change state, forward, merge, publish, close.

Each use case is one transaction that locks the message's row (`select_for_update`), so two staff
acting at once are serialised and the second one sees what the first did: closing a message two
times gives one state change. Every write runs inside `set_actor(actor)`, so django-auditlog
records who changed the message and who wrote each timeline event.

Forwarding stays inside the message's municipality: its category, states and response-time
target are that municipality's data, so a message cannot move to another city's organisation.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.feedback import tasks
from lampio.feedback.models import (
    MAX_TEXT_LENGTH,
    EventKind,
    Feedback,
    FeedbackEvent,
    FeedbackState,
    StateKind,
)
from lampio.feedback.text import plain
from lampio.tenancy.models import Membership, Organisation
from lampio.tenancy.permissions import Action, Actor, can, role_ids_allowing

BULK_ACTIONS = ("assign", "state", "close")


class NotPublishable(Conflict):
    code = "feedback_not_publishable"


def _checked_text(text: str, *, field: str, empty: str) -> str:
    cleaned = plain(text)
    if not cleaned:
        raise InvalidInput(empty, field=field)
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": MAX_TEXT_LENGTH},
            field=field,
        )
    return cleaned


def check_may_manage(actor: Actor, feedback: Feedback) -> None:
    """Staff who cannot even see the organisation are told nothing exists (404)."""
    if not can(actor, Action.VIEW, feedback):
        raise NotFound()
    if not can(actor, Action.MANAGE, feedback):
        raise PermissionDenied(_("You may read this feedback but not handle it."))


def _locked(feedback: Feedback) -> Feedback:
    """The message's row, locked until the transaction ends (callers are inside atomic)."""
    return Feedback.objects.select_for_update().get(pk=feedback.pk)


def _event(feedback: Feedback, actor: User, kind: str, **fields: object) -> FeedbackEvent:
    return FeedbackEvent.objects.create(feedback=feedback, kind=kind, actor=actor, **fields)


def _move_to(feedback: Feedback, state: FeedbackState) -> list[str]:
    """Put the message in `state`; the timestamps follow the state's kind. Fields changed."""
    feedback.state = state
    now = timezone.now()
    changed = ["state", "closed_at", "updated_at"]
    feedback.closed_at = now if state.kind == StateKind.CLOSED else None
    if state.kind == StateKind.ANSWERED and feedback.answered_at is None:
        feedback.answered_at = now
        changed.append("answered_at")
    return changed


def _checked_state(feedback: Feedback, state: FeedbackState) -> FeedbackState:
    if state.municipality_id != feedback.municipality_id:
        raise InvalidInput(_("Choose a state from the list."), field="state")
    return state


def first_state_of_kind(feedback: Feedback, kind: str) -> FeedbackState:
    state = FeedbackState.objects.filter(
        municipality_id=feedback.municipality_id, kind=kind
    ).first()
    if state is None:
        raise Conflict(_("This municipality has no state for this step. Ask the administrator."))
    return state


def may_be_assigned(user: User, organisation_id: int) -> bool:
    """Only the organisation's members who may handle feedback can be given a message."""
    return Membership.objects.filter(
        user=user,
        user__is_active=True,
        organisation_id=organisation_id,
        role__in=role_ids_allowing(Action.MANAGE),
    ).exists()


def _refreshed(feedback: Feedback) -> Feedback:
    feedback.refresh_from_db()
    return feedback


# --- One message --------------------------------------------------------------------------------


def assign_feedback(*, actor: User, feedback: Feedback, assignee: User | None) -> Feedback:
    """Give the message to a colleague (None: to nobody)."""
    check_may_manage(actor, feedback)
    if assignee is not None and not may_be_assigned(assignee, feedback.organisation_id):
        raise InvalidInput(
            _("Choose a member of this organisation who handles feedback."), field="assignee"
        )
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        if locked.assignee_id == (assignee.pk if assignee else None):
            return _refreshed(feedback)
        locked.assignee = assignee
        locked.save(update_fields=["assignee", "updated_at"])
        _event(locked, actor, EventKind.ASSIGNED, text=assignee.display_name if assignee else "")
    return _refreshed(feedback)


def add_note(*, actor: User, feedback: Feedback, text: str) -> FeedbackEvent:
    """An internal note: colleagues see it, the writer never does."""
    check_may_manage(actor, feedback)
    note = _checked_text(text, field="text", empty=_("Write the note."))
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        locked.save(update_fields=["updated_at"])
        return _event(locked, actor, EventKind.NOTE, text=note)


def reply_to_feedback(
    *, actor: User, feedback: Feedback, text: str, state: FeedbackState | None = None
) -> FeedbackEvent:
    """Answer the writer: shown through the tracking link, emailed when there is an address.

    The message moves to the municipality's first "answered" state unless `state` is given.
    """
    check_may_manage(actor, feedback)
    answer = _checked_text(text, field="text", empty=_("Write the answer."))
    if feedback.merged_into_id is not None:
        raise Conflict(_("This feedback was merged into another one; answer that one instead."))
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        target = (
            _checked_state(locked, state)
            if state is not None
            else first_state_of_kind(locked, StateKind.ANSWERED)
        )
        changed = _move_to(locked, target)
        if locked.answered_at is None:
            locked.answered_at = timezone.now()
            changed.append("answered_at")
        locked.save(update_fields=changed)
        reply = _event(locked, actor, EventKind.REPLY, text=answer, state=target)
        if locked.contact_email:
            transaction.on_commit(lambda: tasks.send_reply.enqueue(reply.pk))
    _refreshed(feedback)
    return reply


def change_state(*, actor: User, feedback: Feedback, state: FeedbackState) -> Feedback:
    """Move the message to another of its municipality's states; the same state changes nothing."""
    check_may_manage(actor, feedback)
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        _checked_state(locked, state)
        if locked.state_id == state.pk:
            return _refreshed(feedback)
        locked.save(update_fields=_move_to(locked, state))
        _event(locked, actor, EventKind.STATE, state=state)
    return _refreshed(feedback)


def close_feedback(*, actor: User, feedback: Feedback) -> Feedback:
    """Close with the municipality's first closed state; a message already closed stays as is."""
    check_may_manage(actor, feedback)
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        if locked.state.kind == StateKind.CLOSED:
            return _refreshed(feedback)
        closed = first_state_of_kind(locked, StateKind.CLOSED)
        locked.save(update_fields=_move_to(locked, closed))
        _event(locked, actor, EventKind.STATE, state=closed)
    return _refreshed(feedback)


def forward_feedback(
    *, actor: User, feedback: Feedback, to_organisation: Organisation, reason: str
) -> Feedback:
    """Hand the message to another organisation of its municipality, saying why.

    The assignee is cleared (the new organisation picks its own), and the forwarding
    organisation loses access: the message is no longer in its inbox.
    """
    check_may_manage(actor, feedback)
    why = _checked_text(reason, field="reason", empty=_("Say why you forward the feedback."))
    if to_organisation.municipality_id != feedback.municipality_id or not to_organisation.is_active:
        raise InvalidInput(
            _("Choose an active organisation of the same municipality."), field="to_organisation"
        )
    if to_organisation.pk == feedback.organisation_id:
        raise InvalidInput(
            _("The feedback is already with this organisation."), field="to_organisation"
        )
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        from_organisation_id = locked.organisation_id
        locked.organisation = to_organisation
        locked.assignee = None
        locked.save(update_fields=["organisation", "assignee", "updated_at"])
        _event(
            locked,
            actor,
            EventKind.FORWARDED,
            text=why,
            from_organisation_id=from_organisation_id,
            to_organisation=to_organisation,
        )
    return _refreshed(feedback)


def merge_feedback(*, actor: User, feedback: Feedback, into: Feedback) -> Feedback:
    """Close `feedback` as a duplicate of `into` (of the same organisation).

    Duplicates always point at the root message: merging into a duplicate merges into what it
    was merged into, and duplicates of `feedback` move along, so no chains form.
    """
    check_may_manage(actor, feedback)
    if feedback.merged_into_id is not None:
        raise Conflict(_("This feedback has already been merged."), field="into")
    root = into.merged_into if into.merged_into_id is not None else into
    if root is None or root.organisation_id != feedback.organisation_id:
        raise InvalidInput(_("Choose a feedback message of your own organisation."), field="into")
    if root.pk == feedback.pk:
        raise InvalidInput(_("A feedback message cannot be merged into itself."), field="into")
    with transaction.atomic(), set_actor(actor):
        # Lock both in a fixed order, so two merges in opposite directions cannot deadlock.
        rows = {
            row.pk: row
            for row in Feedback.objects.select_for_update()
            .filter(pk__in=[feedback.pk, root.pk])
            .order_by("pk")
        }
        locked, target = rows[feedback.pk], rows[root.pk]
        if locked.merged_into_id is not None or target.merged_into_id is not None:
            raise Conflict()
        if target.organisation_id != locked.organisation_id:
            raise Conflict()
        closed = first_state_of_kind(locked, StateKind.CLOSED)
        changed = _move_to(locked, closed)
        locked.merged_into = target
        locked.assignee = None
        locked.save(update_fields=[*changed, "merged_into", "assignee"])
        for duplicate in Feedback.objects.filter(merged_into=locked).order_by("pk"):
            duplicate.merged_into = target
            duplicate.save(update_fields=["merged_into", "updated_at"])
        _event(locked, actor, EventKind.MERGED, state=closed, text=f"#{target.pk}")
    return _refreshed(feedback)


def publish_feedback(
    *, actor: User, feedback: Feedback, public_text: str, photos_public: bool
) -> Feedback:
    """Show the message (as edited by staff) on the public feedback page, if the writer allowed."""
    check_may_manage(actor, feedback)
    if not feedback.wants_public:
        raise NotPublishable(_("The writer did not allow this feedback to be published."))
    text = _checked_text(public_text, field="public_text", empty=_("Write the text to publish."))
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        locked.is_published = True
        locked.public_text = text
        locked.photos_public = photos_public
        locked.save(update_fields=["is_published", "public_text", "photos_public", "updated_at"])
        _event(locked, actor, EventKind.PUBLISHED)
    return _refreshed(feedback)


def hide_feedback(*, actor: User, feedback: Feedback) -> Feedback:
    """Take a published message off the public page."""
    check_may_manage(actor, feedback)
    with transaction.atomic(), set_actor(actor):
        locked = _locked(feedback)
        if not locked.is_published:
            raise Conflict(_("This feedback is not published."))
        locked.is_published = False
        locked.photos_public = False
        locked.save(update_fields=["is_published", "photos_public", "updated_at"])
        _event(locked, actor, EventKind.HIDDEN)
    return _refreshed(feedback)


# --- Many messages ------------------------------------------------------------------------------


def bulk_apply(
    *,
    actor: User,
    organisation: Organisation,
    feedback_ids: list[int],
    action: str,
    assignee: User | None = None,
    state: FeedbackState | None = None,
) -> int:
    """Assign, change the state of or close many messages of `organisation` at once.

    Each goes through the single-message use case, so each is audited and gets its event. Ids of
    other organisations' messages are ignored, never touched. All or nothing: one refusal
    undoes the whole batch. Returns how many messages were handled.
    """
    if not can(actor, Action.VIEW, organisation):
        raise NotFound()
    if not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied(_("You may read this feedback but not handle it."))
    if action not in BULK_ACTIONS:
        raise InvalidInput(_("Choose what to do with the chosen feedback."), field="action")
    if action == "state" and state is None:
        raise InvalidInput(_("Choose the new state."), field="state")
    with transaction.atomic():
        # Lock the batch in id order up front: two bulk actions cannot deadlock on each other.
        items = list(
            Feedback.objects.select_for_update()
            .filter(organisation=organisation, pk__in=feedback_ids)
            .order_by("pk")
        )
        for item in items:
            if action == "assign":
                assign_feedback(actor=actor, feedback=item, assignee=assignee)
            elif action == "state" and state is not None:
                change_state(actor=actor, feedback=item, state=state)
            else:
                close_feedback(actor=actor, feedback=item)
    return len(items)
