"""Staff handle an idea: give the official answer, move it to another state, merge a duplicate
into another idea, confirm or change where the router sent it.

Each use case is one transaction that locks the idea's row, runs under `set_actor(actor)` (the
audit log records who), writes an event for the idea's public history and tells the followers
(except the one acting) in their own language.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput
from lampio.ideas.models import (
    MAX_BODY_LENGTH,
    EventKind,
    Follow,
    Idea,
    IdeaState,
    StateKind,
    StrategyTheme,
    Support,
)
from lampio.ideas.services.access import check_handling
from lampio.ideas.services.common import (
    checked_text,
    locked_idea,
    recount,
    refreshed,
    state_of_kind,
)
from lampio.ideas.services.notices import record_event, tell_followers
from lampio.tenancy.models import Organisation


def _check_not_merged(idea: Idea) -> None:
    if idea.merged_into_id is not None:
        raise Conflict(_("This idea was merged into another one; handle that one instead."))


def _check_move(idea: Idea, state: IdeaState) -> None:
    """Only to a state the current one leads to; merging has its own use case."""
    allowed = idea.state.next_states.filter(pk=state.pk).exists()
    if not allowed or state.kind == StateKind.MERGED:
        raise InvalidInput(
            _("The idea cannot move from “%(current)s” to “%(state)s”.")
            % {"current": idea.state.name, "state": state.name},
            field="state",
        )


def answer_idea(*, actor: User, idea: Idea, answer: str, state: IdeaState | None = None) -> Idea:
    """Give (or change) the official answer, and move the idea to `state` if given."""
    check_handling(actor, idea)
    text = checked_text(
        answer, field="answer", limit=MAX_BODY_LENGTH, empty=_("Write the official answer.")
    )
    _check_not_merged(idea)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        _check_not_merged(locked)
        changed = ["official_answer", "answered_at", "answered_by", "updated_at"]
        if state is not None and state.pk != locked.state_id:
            _check_move(locked, state)
            locked.state = state
            changed.append("state")
        locked.official_answer = text
        locked.answered_at = timezone.now()
        locked.answered_by = actor
        locked.save(update_fields=changed)
        event = record_event(
            locked,
            EventKind.ANSWER,
            actor=actor,
            state=state if "state" in changed else None,
            text=text,
        )
        tell_followers(locked, key="ideas.answered", event=event, actor=actor, answer=text)
    return refreshed(idea)


def change_state(*, actor: User, idea: Idea, state: IdeaState) -> Idea:
    """Move the idea to one of the states its current state leads to."""
    check_handling(actor, idea)
    _check_not_merged(idea)
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        _check_not_merged(locked)
        _check_move(locked, state)
        locked.state = state
        locked.save(update_fields=["state", "updated_at"])
        event = record_event(locked, EventKind.STATE, actor=actor, state=state)
        tell_followers(locked, key="ideas.state_changed", event=event, actor=actor)
    return refreshed(idea)


def merge_ideas(*, actor: User, idea: Idea, into: Idea) -> Idea:
    """Merge `idea` into `into`, an idea of the same board that says the same.

    Supports and follows move to `into` (a person who had both keeps one of each) and both
    counts are set from the rows. Ideas merged into `idea` before now point at `into`, so no
    chains form. Followers of `idea` are told, with a link to `into`.
    """
    check_handling(actor, idea)
    check_handling(actor, into)
    if into.pk == idea.pk:
        raise InvalidInput(_("An idea cannot be merged into itself."), field="into")
    if into.board_id != idea.board_id:
        raise InvalidInput(_("Choose an idea of the same board."), field="into")
    if into.merged_into_id is not None or into.is_hidden:
        raise InvalidInput(_("Choose an idea that is shown and not merged."), field="into")
    _check_not_merged(idea)
    merged = state_of_kind(StateKind.MERGED)
    with transaction.atomic(), set_actor(actor):
        # Lock both in a fixed order, so two merges in opposite directions cannot deadlock.
        rows = {
            row.pk: row
            for row in Idea.objects.select_for_update()
            .filter(pk__in=[idea.pk, into.pk])
            .order_by("pk")
        }
        locked, target = rows[idea.pk], rows[into.pk]
        if locked.merged_into_id is not None or target.merged_into_id is not None:
            raise Conflict()
        locked.state = merged
        locked.merged_into = target
        locked.save(update_fields=["state", "merged_into", "updated_at"])
        event = record_event(locked, EventKind.MERGED, actor=actor, state=merged, text=target.title)
        # Told while they still follow `idea`; the link goes to the idea they now follow.
        tell_followers(
            locked,
            key="ideas.merged",
            event=event,
            actor=actor,
            link_to=target,
            target=target.title,
        )
        for model in (Support, Follow):
            already = model.objects.filter(idea=target).values("person_id")
            model.objects.filter(idea=locked).exclude(person_id__in=already).update(idea=target)
            model.objects.filter(idea=locked).delete()
        Idea.objects.filter(merged_into=locked).update(merged_into=target)
        recount(locked.pk)
        recount(target.pk)
    return refreshed(idea)


def confirm_routing(
    *,
    actor: User,
    idea: Idea,
    organisation: Organisation,
    themes: Sequence[StrategyTheme],
) -> Idea:
    """Confirm (or change) the responsible organisation and the strategy themes of the idea.

    The organisation must be an active one of the idea's municipality; themes the
    municipality's own or the network's. Confirmed routing teaches the router.
    """
    check_handling(actor, idea)
    if not organisation.is_active or organisation.municipality_id != idea.municipality_id:
        raise InvalidInput(
            _("Choose an active organisation of the idea's municipality."), field="organisation"
        )
    for theme in themes:
        if not theme.is_active or theme.municipality_id not in (None, idea.municipality_id):
            raise InvalidInput(_("Choose the themes from the list."), field="themes")
    with transaction.atomic(), set_actor(actor):
        locked = locked_idea(idea)
        locked.organisation = organisation
        locked.routed_at = timezone.now()
        locked.save(update_fields=["organisation", "routed_at", "updated_at"])
        locked.themes.set(themes)
        record_event(locked, EventKind.ROUTED, actor=actor, text=str(organisation.name))
    return refreshed(idea)
