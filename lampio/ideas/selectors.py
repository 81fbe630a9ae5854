"""Every read of the ideas app, scoped to the person reading.

Boards are read by their audience (see `services.access`); hidden ideas only by their author and
handlers, merged ideas only on their own page. Author names: others see a name only if its
writer chose so (a comment in an organisation's name shows the organisation); moderators always
see the account.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils import timezone

from lampio.core.errors import NotFound
from lampio.ideas.models import (
    Audience,
    Board,
    Campaign,
    Comment,
    EventKind,
    Follow,
    Idea,
    IdeaEvent,
    Support,
)
from lampio.ideas.services.access import (
    may_handle_idea,
    may_see_idea,
    may_take_part,
)
from lampio.tenancy.permissions import Actor, is_network_admin, roles_of

if TYPE_CHECKING:
    from lampio.ideas.matching import Similar

SORTS = {
    "recent": ("-created_at", "-pk"),
    "supported": ("-support_count", "-created_at", "-pk"),
    "commented": ("-comment_count", "-created_at", "-pk"),
}
PUBLIC_EVENT_KINDS = (EventKind.STATE, EventKind.ANSWER, EventKind.MERGED, EventKind.ROUTED)


# --- Boards and campaigns -----------------------------------------------------------------------


def _board_audience(actor: Actor, prefix: str = "") -> Q:
    """The boards `actor` may read, as a filter (on `prefix`, e.g. "board__")."""
    if is_network_admin(actor):
        return Q()
    condition = Q(**{f"{prefix}audience": Audience.PUBLIC})
    organisation_ids = list(roles_of(actor))
    if organisation_ids:
        condition |= Q(
            **{
                f"{prefix}audience": Audience.ORGANISATION,
                f"{prefix}organisation_id__in": organisation_ids,
            }
        )
        condition |= Q(**{f"{prefix}audience": Audience.NETWORK})
    return condition


def visible_boards(*, actor: Actor) -> QuerySet[Board]:
    return Board.objects.filter(_board_audience(actor)).select_related("organisation__municipality")


def board_for(*, actor: Actor, slug: str) -> Board:
    board = visible_boards(actor=actor).filter(slug=slug).first()
    if board is None:
        raise NotFound()
    return board


def campaign_for(*, actor: Actor, board: Board, slug: str) -> Campaign:
    campaign = (
        Campaign.objects.filter(board=board, board__in=visible_boards(actor=actor), slug=slug)
        .select_related("board")
        .first()
    )
    if campaign is None:
        raise NotFound()
    return campaign


def open_campaigns(*, actor: Actor, today: date | None = None) -> list[Campaign]:
    """Campaigns that take ideas today, in the boards `actor` may read, closing first first."""
    today = today or timezone.localdate()
    return list(
        Campaign.objects.filter(
            _board_audience(actor, "board__"),
            board__is_active=True,
            opens_on__lte=today,
            closes_on__gte=today,
        )
        .select_related("board__organisation__municipality")
        .order_by("closes_on", "pk")
    )


# --- Ideas --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdeaFilters:
    board: Board | None = None
    campaign: Campaign | None = None
    state: str = ""  # an IdeaState slug
    municipality: str = ""  # a Municipality slug
    category: str = ""  # an IdeaCategory slug
    q: str = ""
    sort: str = "recent"  # recent | supported | commented


def _readable_ideas(actor: Actor) -> QuerySet[Idea]:
    return Idea.objects.filter(_board_audience(actor, "board__")).select_related(
        "board__organisation", "campaign", "category", "state", "municipality", "author"
    )


def browse_ideas(*, actor: Actor, filters: IdeaFilters) -> QuerySet[Idea]:
    """Ideas anyone reading may see: in readable boards, neither hidden nor merged."""
    ideas = _readable_ideas(actor).filter(hidden_reason="", merged_into__isnull=True)
    if filters.board is not None:
        ideas = ideas.filter(board=filters.board)
    if filters.campaign is not None:
        ideas = ideas.filter(campaign=filters.campaign)
    if filters.state:
        ideas = ideas.filter(state__slug=filters.state)
    if filters.municipality:
        ideas = ideas.filter(municipality__slug=filters.municipality)
    if filters.category:
        ideas = ideas.filter(category__slug=filters.category)
    query = filters.q.strip()
    if query:
        ideas = ideas.filter(Q(title__icontains=query) | Q(body__icontains=query))
    return ideas.order_by(*SORTS.get(filters.sort, SORTS["recent"]))


def idea_for(*, actor: Actor, idea_id: int) -> Idea:
    idea = _readable_ideas(actor).filter(pk=idea_id).first()
    if idea is None or not may_see_idea(actor, idea):
        raise NotFound()
    return idea


def author_name(actor: Actor, idea: Idea, *, moderator: bool | None = None) -> str | None:
    """The idea's author as `actor` may see it: a name or None (no name, or erased account)."""
    if idea.author is None:
        return None
    if moderator is None:
        moderator = may_handle_idea(actor, idea)
    if idea.show_name or moderator:
        return idea.author.display_name
    return None


def comment_author_name(actor: Actor, comment: Comment, *, moderator: bool) -> str | None:
    own = actor.is_authenticated and comment.author_id == actor.pk
    if comment.is_hidden and not (moderator or own):
        return None
    if comment.as_organisation is not None:
        return str(comment.as_organisation.name)
    if comment.author is None:
        return None
    if comment.show_name or moderator:
        return comment.author.display_name
    return None


@dataclass(frozen=True)
class Thread:
    comment: Comment
    author_name: str | None
    replies: list[tuple[Comment, str | None]]


@dataclass(frozen=True)
class IdeaPage:
    idea: Idea
    author_name: str | None
    comments: list[Thread]
    events: list[IdeaEvent]
    supported: bool
    following: bool
    may_take_part: bool
    may_moderate: bool
    merged_from: list[Idea]


def _threads(actor: Actor, idea: Idea, *, moderator: bool) -> list[Thread]:
    comments = list(Comment.objects.filter(idea=idea).select_related("author", "as_organisation"))
    replies: dict[int, list[tuple[Comment, str | None]]] = {}
    for comment in comments:
        if comment.parent_id is not None:
            name = comment_author_name(actor, comment, moderator=moderator)
            replies.setdefault(comment.parent_id, []).append((comment, name))
    return [
        Thread(
            comment=comment,
            author_name=comment_author_name(actor, comment, moderator=moderator),
            replies=replies.get(comment.pk, []),
        )
        for comment in comments
        if comment.parent_id is None
    ]


def idea_page(*, actor: Actor, idea: Idea) -> IdeaPage:
    """Everything the idea's page shows, as `actor` may see it (they may see the idea)."""
    if not may_see_idea(actor, idea):
        raise NotFound()
    moderator = may_handle_idea(actor, idea)
    events = IdeaEvent.objects.filter(idea=idea).select_related("state")
    if not moderator:
        events = events.filter(kind__in=PUBLIC_EVENT_KINDS)
    person = actor if actor.is_authenticated else None
    return IdeaPage(
        idea=idea,
        author_name=author_name(actor, idea, moderator=moderator),
        comments=_threads(actor, idea, moderator=moderator),
        events=list(events),
        supported=person is not None and Support.objects.filter(idea=idea, person=person).exists(),
        following=person is not None and Follow.objects.filter(idea=idea, person=person).exists(),
        may_take_part=(
            may_take_part(actor, idea.board) and not idea.is_hidden and idea.merged_into_id is None
        ),
        may_moderate=moderator,
        merged_from=list(Idea.objects.filter(merged_into=idea, hidden_reason="").order_by("pk")),
    )


SIMILAR_LANGUAGES = ("fi", "sv", "en")
SIMILAR_LIMIT = 5


def similar_ideas(
    *,
    actor: Actor,
    board: Board,
    title: str,
    body: str,
    language: str,
    campaign: Campaign | None = None,
    exclude_id: int | None = None,
) -> list[Similar]:
    """Ideas of the board (of the campaign, if given) like the one being written.

    Stored ideas are stemmed in their own language, and people often write in another language
    than the page's: the text is compared as each language (the page's first), best match kept.
    """
    from lampio.ideas import matching

    if not (title.strip() or body.strip()):
        return []
    filters = IdeaFilters(board=board, campaign=campaign)
    candidates = browse_ideas(actor=actor, filters=filters)
    best: dict[int, Similar] = {}
    for each in [language, *(code for code in SIMILAR_LANGUAGES if code != language)]:
        for item in matching.similar_ideas(
            candidates, title=title, body=body, language=each, exclude_id=exclude_id
        ):
            if item.idea.pk not in best or best[item.idea.pk].score < item.score:
                best[item.idea.pk] = item
    return sorted(best.values(), key=lambda item: (-item.score, -item.idea.pk))[:SIMILAR_LIMIT]


def my_ideas(*, actor: Actor) -> QuerySet[Idea]:
    """The person's own ideas, held and hidden ones too, newest first."""
    if not actor.is_authenticated:
        return Idea.objects.none()
    return (
        Idea.objects.filter(author=actor)
        .select_related("board", "campaign", "state", "category")
        .order_by("-created_at", "-pk")
    )
