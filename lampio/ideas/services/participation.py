"""People take part in an idea: support it (once each), follow it, comment and reply.

Supports are one row per person (a database constraint). Each use case locks the idea's row
first, so people supporting at once are serialised: the count moves with `F()` by exactly the
rows added or removed, and the move to "under review" at the threshold happens exactly once
(it is made while the row is locked, from the state read under that lock).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from lampio.ideas.models import (
    MAX_COMMENT_LENGTH,
    Comment,
    EventKind,
    Follow,
    HiddenReason,
    Idea,
    StateKind,
    Support,
)
from lampio.ideas.services.access import (
    check_taking_part,
    check_visible_for_taking_part,
    may_see_idea,
)
from lampio.ideas.services.common import checked_text, locked_idea, refreshed, state_of_kind
from lampio.ideas.services.moderation import filtered_word_in
from lampio.ideas.services.notices import record_event, tell_followers
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


def support_threshold(idea: Idea) -> int | None:
    """The campaign's threshold, else the board's; None: never automatically."""
    if idea.campaign is not None and idea.campaign.support_threshold is not None:
        return idea.campaign.support_threshold
    return idea.board.support_threshold


def _check_open_for_taking_part(idea: Idea) -> None:
    if idea.merged_into_id is not None:
        raise Conflict(
            _("This idea was merged into another one; take part in that one instead."),
            field="idea",
        )


def _follow(idea: Idea, person: User) -> None:
    Follow.objects.get_or_create(idea=idea, person=person)


def _reach_threshold(idea: Idea, actor: User) -> None:
    """Under the idea's row lock: a new idea with enough supports goes under review, once."""
    threshold = support_threshold(idea)
    if threshold is None or idea.support_count < threshold or idea.state.kind != StateKind.NEW:
        return
    review = state_of_kind(StateKind.UNDER_REVIEW)
    idea.state = review
    idea.save(update_fields=["state", "updated_at"])
    event = record_event(idea, EventKind.STATE, actor=None, state=review)
    tell_followers(idea, key="ideas.state_changed", event=event, actor=actor)


def support_idea(*, actor: User, idea: Idea) -> Idea:
    """Support the idea (again: nothing changes); the supporter follows it."""
    check_visible_for_taking_part(actor, idea)
    _check_open_for_taking_part(idea)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        _check_open_for_taking_part(locked)
        _support, created = Support.objects.get_or_create(idea=locked, person=actor)
        if created:
            Idea.objects.filter(pk=locked.pk).update(support_count=F("support_count") + 1)
            locked.refresh_from_db(fields=["support_count"])
            _reach_threshold(locked, actor)
        _follow(locked, actor)
    return refreshed(idea)


def withdraw_support(*, actor: User, idea: Idea) -> Idea:
    """Take one's support back (none given: nothing changes). The state stays as it is."""
    check_taking_part(actor, idea.board)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        removed, _rows = Support.objects.filter(idea=locked, person=actor).delete()
        if removed:
            Idea.objects.filter(pk=locked.pk, support_count__gte=removed).update(
                support_count=F("support_count") - removed
            )
    return refreshed(idea)


def follow_idea(*, actor: User, idea: Idea) -> None:
    """Get a message when the idea is answered or its state changes."""
    if not actor.is_authenticated:
        check_taking_part(actor, idea.board)
    if not may_see_idea(actor, idea):
        raise NotFound()
    with transaction.atomic():
        _follow(idea, actor)


def unfollow_idea(*, actor: User, idea: Idea) -> None:
    if not actor.is_authenticated:
        check_taking_part(actor, idea.board)
    Follow.objects.filter(idea=idea, person=actor).delete()


def _checked_parent(idea: Idea, parent: Comment | None) -> Comment | None:
    if parent is None:
        return None
    if parent.idea_id != idea.pk or parent.is_hidden:
        raise InvalidInput(_("Choose a comment of this idea to reply to."), field="parent")
    # One level of replies: answering a reply answers the comment it replies to.
    if parent.parent_id is not None:
        return parent.parent
    return parent


def _checked_organisation(
    actor: User, idea: Idea, organisation: Organisation | None
) -> Organisation | None:
    if organisation is None:
        return None
    answering = {idea.board.organisation_id, idea.organisation_id}
    if organisation.pk not in answering or not can(actor, Action.MANAGE, organisation):
        raise PermissionDenied(
            _("Only staff of the responsible organisation may comment in its name."),
            field="as_organisation",
        )
    return organisation


def add_comment(
    *,
    actor: User,
    idea: Idea,
    body: str,
    parent: Comment | None = None,
    show_name: bool = False,
    as_organisation: Organisation | None = None,
) -> Comment:
    """Comment on the idea or reply to a comment; the writer follows the idea.

    A comment the word filter catches is saved but held for a moderator (`comment.is_hidden`).
    """
    check_visible_for_taking_part(actor, idea)
    _check_open_for_taking_part(idea)
    text = checked_text(
        body, field="body", limit=MAX_COMMENT_LENGTH, empty=_("Write your comment.")
    )
    parent = _checked_parent(idea, parent)
    organisation = _checked_organisation(actor, idea, as_organisation)
    held = filtered_word_in(text)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        comment = Comment.objects.create(
            idea=locked,
            parent=parent,
            author=actor,
            show_name=show_name,
            as_organisation=organisation,
            body=text,
            hidden_reason=HiddenReason.FILTER if held else "",
            hidden_at=timezone.now() if held else None,
        )
        if not held:
            Idea.objects.filter(pk=locked.pk).update(comment_count=F("comment_count") + 1)
        _follow(locked, actor)
    refreshed(idea)
    return comment
