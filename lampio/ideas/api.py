"""Residents' ideas over HTTP: the public ideas (only those of public boards) and posting one.

Reads are public and show only what anyone may see on the site: neither hidden ideas nor those
of staff boards, and the author's name only when the author chose to show it. Posting takes a
bearer token (`POST /auth/token`) or the login session, and is rate-limited. Lists are paginated
like every list of the API: `{count, next, previous, results}` with `?page=` and `?page_size=`.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from lampio.accounts.api import Problem
from lampio.accounts.auth import acting_user
from lampio.core.api import MAX_ID
from lampio.core.errors import InvalidInput
from lampio.core.ratelimit import check_rate_limit
from lampio.ideas import selectors, services
from lampio.ideas.models import MAX_BODY_LENGTH, MAX_TITLE_LENGTH, Idea, IdeaCategory
from lampio.spaces.api import paginate, public_auth

router = Router(tags=["ideas"])

POST_RATE = "10/m"
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
PUBLIC = (
    "Public: no credentials needed. Only ideas of public boards that no moderator has hidden; "
    "the author's name only when the author chose to show it."
)


class IdeaQuery(Schema):
    campaign: int | None = Field(None, ge=1, le=MAX_ID, description="A campaign's id")
    state: str = Field("", description="A state's identifier, e.g. `under-review`")
    municipality: str = Field("", description="A municipality's identifier, e.g. `oulu`")
    category: str = Field("", description="A category's identifier, e.g. `libraries`")
    sort: str = Field("recent", pattern="^(recent|supported|commented)$")
    page: int = Field(1, ge=1)
    page_size: int = Field(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)


class Named(Schema):
    slug: str
    name: str


class CampaignOut(Schema):
    id: int
    slug: str
    title: str
    theme: str
    opens_on: str
    closes_on: str


class IdeaOut(Schema):
    id: int
    url: str
    title: str
    body: str
    board: str
    campaign: CampaignOut | None
    municipality: str
    category: Named
    state: Named
    author: str | None = Field(description="Shown only when the author chose so")
    place: str
    latitude: Decimal | None
    longitude: Decimal | None
    image: str | None
    image_alt: str
    support_count: int
    comment_count: int
    official_answer: str
    answered_at: datetime | None
    merged_into: int | None
    created_at: datetime


class IdeaPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[IdeaOut]


class IdeaIn(Schema):
    board: str = Field(description="The board's identifier")
    campaign: str = Field("", description="The campaign's identifier in that board, if any")
    category: str = Field(description="The category's identifier")
    title: str = Field(max_length=MAX_TITLE_LENGTH)
    body: str = Field(max_length=MAX_BODY_LENGTH)
    show_name: bool = False
    place: str = Field("", max_length=200)
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    language: str = Field("fi", pattern="^(fi|sv|en)$")


class IdeaCreated(IdeaOut):
    held_for_moderation: bool = Field(
        description="The word filter held the idea: a moderator checks it before others see it"
    )


def _idea_out(request: HttpRequest, idea: Idea) -> dict[str, Any]:
    campaign = idea.campaign
    return {
        "id": idea.pk,
        "url": f"{settings.LAMPIO_SITE_URL}{reverse('ideas:detail', kwargs={'idea_id': idea.pk})}",
        "title": idea.title,
        "body": idea.body,
        "board": idea.board.slug,
        "campaign": {
            "id": campaign.pk,
            "slug": campaign.slug,
            "title": campaign.title,
            "theme": campaign.theme,
            "opens_on": campaign.opens_on.isoformat(),
            "closes_on": campaign.closes_on.isoformat(),
        }
        if campaign is not None
        else None,
        "municipality": idea.municipality.slug,
        "category": {"slug": idea.category.slug, "name": idea.category.name},
        "state": {"slug": idea.state.slug, "name": idea.state.name},
        "author": selectors.author_name(AnonymousUser(), idea, moderator=False),
        "place": idea.place,
        "latitude": idea.latitude,
        "longitude": idea.longitude,
        "image": request.build_absolute_uri(idea.image.url) if idea.image else None,
        "image_alt": idea.image_alt,
        "support_count": idea.support_count,
        "comment_count": idea.comment_count,
        "official_answer": idea.official_answer,
        "answered_at": idea.answered_at,
        "merged_into": idea.merged_into_id,
        "created_at": idea.created_at,
    }


def _public_ideas(query: IdeaQuery) -> QuerySet[Idea]:
    filters = selectors.IdeaFilters(
        state=query.state,
        municipality=query.municipality,
        category=query.category,
        sort=query.sort,
    )
    # As anyone would see them: a token of a staff member does not open staff boards here.
    ideas = selectors.browse_ideas(actor=AnonymousUser(), filters=filters)
    if query.campaign is not None:
        ideas = ideas.filter(campaign_id=query.campaign)
    return ideas


@router.get(
    "/ideas",
    auth=public_auth,
    response={200: IdeaPage, 400: Problem},
    summary="Search the public ideas, newest first (or most supported or commented)",
    description=PUBLIC,
)
def list_ideas(request: HttpRequest, query: Query[IdeaQuery]) -> dict[str, Any]:
    page = paginate(request, _public_ideas(query), page=query.page, page_size=query.page_size)
    page["results"] = [_idea_out(request, idea) for idea in page["results"]]
    return page


@router.get(
    "/ideas/{idea_id}",
    auth=public_auth,
    response={200: IdeaOut, 404: Problem},
    summary="One public idea with its state and official answer",
    description=f"{PUBLIC} A merged idea names the idea it was merged into.",
)
def idea_details(request: HttpRequest, idea_id: int) -> dict[str, Any]:
    return _idea_out(request, selectors.idea_for(actor=AnonymousUser(), idea_id=idea_id))


@router.post(
    "/ideas",
    response={
        201: IdeaCreated,
        400: Problem,
        401: Problem,
        403: Problem,
        404: Problem,
        429: Problem,
    },
    summary="Post an idea on a board, in a campaign if given",
    description="Needs a bearer token or a login session. The board and campaign are given by "
    "their identifiers. A text the word filter catches is held for a moderator "
    "(`held_for_moderation`); the routing suggestion is for staff and not returned.",
)
def post_idea(request: HttpRequest, payload: IdeaIn) -> Status[dict[str, Any]]:
    actor = acting_user(request)
    check_rate_limit(request, group="api-ideas-post", rate=POST_RATE)
    board = selectors.board_for(actor=actor, slug=payload.board)
    campaign = (
        selectors.campaign_for(actor=actor, board=board, slug=payload.campaign)
        if payload.campaign
        else None
    )
    category = IdeaCategory.objects.filter(slug=payload.category, is_active=True).first()
    if category is None:
        raise InvalidInput(_("Choose a category from the list."), field="category")
    idea = services.post_idea(
        actor=actor,
        board=board,
        draft=services.IdeaDraft(
            title=payload.title,
            body=payload.body,
            category=category,
            campaign=campaign,
            show_name=payload.show_name,
            place=payload.place,
            latitude=payload.latitude,
            longitude=payload.longitude,
            language=payload.language,
        ),
    )
    return Status(201, {**_idea_out(request, idea), "held_for_moderation": idea.is_hidden})
