"""Who may read a board, take part in it, moderate it and handle its ideas.

A board's audience decides who reads and posts: a public board everyone reads (posting needs an
account), an organisation's board its members, the network's board any member of any
organisation. Moderating is `Action.MANAGE` on the board's organisation; handling an idea is
that or `Action.MANAGE` on the organisation the idea was routed to. Network admins may all.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from lampio.core.errors import NotAuthenticated, NotFound, PermissionDenied
from lampio.ideas.models import Audience, Board, Idea
from lampio.tenancy.permissions import Action, Actor, can, is_network_admin, roles_of


def may_read_board(actor: Actor, board: Board) -> bool:
    if board.audience == Audience.PUBLIC or is_network_admin(actor):
        return True
    roles = roles_of(actor)
    if board.audience == Audience.ORGANISATION:
        return board.organisation_id in roles
    return bool(roles)  # the network's board: a member of any organisation


def may_take_part(actor: Actor, board: Board) -> bool:
    """May post, support and comment: an active account that may read the board."""
    return bool(actor.is_authenticated and actor.is_active and may_read_board(actor, board))


def may_moderate_board(actor: Actor, board: Board) -> bool:
    return can(actor, Action.MANAGE, board.organisation)


def may_handle_idea(actor: Actor, idea: Idea) -> bool:
    """Answer, change the state, merge, route or moderate the idea."""
    if may_moderate_board(actor, idea.board):
        return True
    return idea.organisation_id is not None and can(actor, Action.MANAGE, idea.organisation)


def may_see_idea(actor: Actor, idea: Idea) -> bool:
    """Hidden ideas only their author and the idea's handlers see."""
    if not may_read_board(actor, idea.board):
        return False
    if not idea.is_hidden:
        return True
    if actor.is_authenticated and idea.author_id == actor.pk:
        return True
    return may_handle_idea(actor, idea)


def check_taking_part(actor: Actor, board: Board) -> None:
    if not actor.is_authenticated or not actor.is_active:
        raise NotAuthenticated()
    if not may_read_board(actor, board):
        raise PermissionDenied(_("Only the staff this board is for may take part in it."))


def check_visible_for_taking_part(actor: Actor, idea: Idea) -> None:
    """An idea one may support, follow or comment on: visible, not hidden from the public."""
    check_taking_part(actor, idea.board)
    if idea.is_hidden:
        raise NotFound()


def check_handling(actor: Actor, idea: Idea) -> None:
    if not actor.is_authenticated:
        raise NotAuthenticated()
    if not may_handle_idea(actor, idea):
        raise PermissionDenied(_("Only the staff responsible for this idea may handle it."))
