"""Small pieces every ideas use case shares: plain text, locked rows, states by kind."""

from __future__ import annotations

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from lampio.core.errors import Conflict, InvalidInput
from lampio.ideas.models import Comment, Idea, IdeaState, Support


def plain(text: str) -> str:
    """Ideas and comments are plain text wherever they are shown or sent: markup is never kept."""
    return strip_tags(text or "").strip()


def checked_text(text: str, *, field: str, limit: int, empty: str) -> str:
    cleaned = plain(text)
    if not cleaned:
        raise InvalidInput(empty, field=field)
    if len(cleaned) > limit:
        raise InvalidInput(
            _("The text is too long: at most %(count)d characters.") % {"count": limit},
            field=field,
        )
    return cleaned


def locked_idea(idea: Idea) -> Idea:
    """The idea's row, locked until the transaction ends (callers are inside atomic).

    Only the idea's own row is read: with joined rows, PostgreSQL re-checks the join against
    the row another transaction just changed (e.g. its state) and would find nothing.
    """
    return Idea.objects.select_for_update().get(pk=idea.pk)


def refreshed(idea: Idea) -> Idea:
    idea.refresh_from_db()
    return idea


def state_of_kind(kind: str) -> IdeaState:
    state = IdeaState.objects.filter(kind=kind).order_by("position", "pk").first()
    if state is None:
        raise Conflict(_("The ideas have no state for this step. Ask the administrator."))
    return state


def recount(idea_id: int) -> None:
    """Set the idea's support and comment counts from the rows (comments: those not hidden)."""
    Idea.objects.filter(pk=idea_id).update(
        support_count=Support.objects.filter(idea_id=idea_id).count(),
        comment_count=Comment.objects.filter(idea_id=idea_id, hidden_reason="").count(),
    )
