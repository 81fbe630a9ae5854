"""Residents' idea pages: browsing, boards and campaigns, posting with similar ideas first, my
ideas. One idea's page and what people do there are in views_participation.

Reading public ideas needs no account; posting does. A board the person may not read answers
404, so its existence is not revealed. Every page works without JavaScript; htmx only swaps
parts of them (the results of a filter, the similar ideas while typing).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError, RateLimited
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import check_rate_limit
from lampio.ideas import selectors, services
from lampio.ideas.forms import BrowseForm, IdeaForm
from lampio.ideas.models import Board, Campaign, Idea, IdeaCategory
from lampio.tenancy.access import found

PER_PAGE = 20
POST_RATE, CHECK_RATE, SIMILAR_RATE = "5/m", "30/m", "60/m"
MIN_SIMILAR_TEXT = 3
MAX_SIMILAR = 5
LANGUAGES = ("fi", "sv", "en")


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _paged(request: HttpRequest, ideas: QuerySet[Idea]) -> dict[str, Any]:
    page = Paginator(ideas, PER_PAGE).get_page(request.GET.get("page"))
    return {
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
    }


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    form = BrowseForm(request.GET, actor=request.user)
    filters = form.filters()
    context = {
        "campaigns": selectors.open_campaigns(actor=request.user),
        "form": form,
        "filtered": form.is_filtered(),
        **_paged(request, selectors.browse_ideas(actor=request.user, filters=filters)),
    }
    return render(request, "ideas/index.html", context)


def _board_ideas(
    request: HttpRequest, board: Board, campaign: Campaign | None = None
) -> dict[str, Any]:
    sort = request.GET.get("sort", "recent")
    if sort not in {"recent", "supported", "commented"}:
        sort = "recent"
    filters = selectors.IdeaFilters(board=board, campaign=campaign, sort=sort)
    return {
        "sort": sort,
        **_paged(request, selectors.browse_ideas(actor=request.user, filters=filters)),
    }


@require_GET
def board(request: HttpRequest, slug: str) -> HttpResponse:
    found_board = found(selectors.board_for, actor=request.user, slug=slug)
    today = timezone.localdate()
    campaigns = list(found_board.campaigns.order_by("-opens_on", "pk"))
    context = {
        "board": found_board,
        "open_campaigns": [c for c in campaigns if c.opens_on <= today <= c.closes_on],
        "other_campaigns": [c for c in campaigns if not c.opens_on <= today <= c.closes_on],
        **_board_ideas(request, found_board),
    }
    return render(request, "ideas/board.html", context)


@require_GET
def campaign(request: HttpRequest, slug: str, campaign: str) -> HttpResponse:
    found_board = found(selectors.board_for, actor=request.user, slug=slug)
    found_campaign = found(
        selectors.campaign_for, actor=request.user, board=found_board, slug=campaign
    )
    context = {
        "board": found_board,
        "campaign": found_campaign,
        "is_open": found_board.is_active and services.campaign_is_open(found_campaign),
        "today": timezone.localdate(),
        **_board_ideas(request, found_board, found_campaign),
    }
    return render(request, "ideas/campaign.html", context)


def _open_campaigns_of(request: HttpRequest, board: Board) -> QuerySet[Campaign]:
    ids = [c.pk for c in selectors.open_campaigns(actor=request.user) if c.board_id == board.pk]
    return Campaign.objects.filter(pk__in=ids).order_by("closes_on", "pk")


def _campaign_asked(request: HttpRequest, campaigns: QuerySet[Campaign]) -> Campaign | None:
    slug = request.POST.get("campaign") or request.GET.get("campaign") or ""
    # No slug holds a NUL, and PostgreSQL refuses one in a query.
    return campaigns.filter(slug=slug).first() if slug and "\x00" not in slug else None


def _similar(
    request: HttpRequest, board: Board, campaign: Campaign | None, title: str, body: str
) -> list[Any] | None:
    """The similar ideas of what was typed; None when too little was typed to compare."""
    if len(f"{title} {body}".strip()) < MIN_SIMILAR_TEXT:
        return None
    return selectors.similar_ideas(
        actor=request.user,
        board=board,
        title=title,
        body=body,
        language=get_language() or "fi",
        campaign=campaign,
    )[:MAX_SIMILAR]


def _limited(request: HttpRequest, group: str, rate: str) -> RateLimited | None:
    try:
        check_rate_limit(request, group=group, rate=rate)
    except RateLimited as error:
        return error
    return None


def _typed(request: HttpRequest) -> dict[str, Any]:
    """What was typed, as initial values: the form shows it again without errors yet."""
    data = request.POST
    return {
        "title": data.get("title", ""),
        "body": data.get("body", ""),
        "campaign": data.get("campaign", ""),
        "category": data.get("category", ""),
        "place": data.get("place", ""),
        "image_alt": data.get("image_alt", ""),
        "show_name": bool(data.get("show_name")),
    }


def _choose_board(request: HttpRequest) -> HttpResponse:
    boards = [b for b in selectors.visible_boards(actor=request.user) if b.is_active]
    return render(request, "ideas/choose_board.html", {"boards": boards})


def _posted(request: HttpRequest, idea: Idea) -> HttpResponse:
    if idea.is_hidden:
        messages.info(
            request,
            _(
                "Thank you for your idea. A moderator checks it before others can see it; "
                "you can see it already."
            ),
        )
    else:
        messages.success(request, _("Thank you, your idea was published."))
    return redirect("ideas:detail", idea_id=idea.pk)


@login_required
def new(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    slug = request.GET.get("board") or request.POST.get("board") or ""
    if not slug:
        return _choose_board(request)
    found_board = found(selectors.board_for, actor=user, slug=slug)
    campaigns = _open_campaigns_of(request, found_board)
    categories = IdeaCategory.objects.filter(is_active=True).order_by("position", "pk")
    chosen = _campaign_asked(request, campaigns)
    form_kwargs: dict[str, Any] = {"categories": categories, "campaigns": campaigns}
    similar: list[Any] | None = None
    status = 200
    image_dropped = False
    if request.method == "POST" and "send" not in request.POST:
        # "Check for similar ideas": the form again as typed, with the similar ideas.
        form = IdeaForm(initial=_typed(request), **form_kwargs)
        if (limited := _limited(request, "ideas-check", CHECK_RATE)) is not None:
            messages.error(request, str(limited.message))
            status = 429
        else:
            similar = (
                _similar(
                    request,
                    found_board,
                    chosen,
                    request.POST.get("title", ""),
                    request.POST.get("body", ""),
                )
                or []
            )
        image_dropped = bool(request.FILES.get("image"))
    elif request.method == "POST":
        form = IdeaForm(request.POST, request.FILES, **form_kwargs)
        if (limited := _limited(request, "ideas-post", POST_RATE)) is not None:
            form.is_valid()  # keep what was typed; the refusal goes at the top
            form.add_error(None, str(limited.message))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            image = data.get("image")
            try:
                idea = services.post_idea(
                    actor=user,
                    board=found_board,
                    draft=services.IdeaDraft(
                        title=data["title"],
                        body=data["body"],
                        category=data["category"],
                        campaign=data.get("campaign"),
                        show_name=data["show_name"],
                        place=data["place"],
                        image=image or None,
                        image_size=image.size if image else None,
                        image_alt=data["image_alt"],
                        language=get_language() or "fi",
                    ),
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                return _posted(request, idea)
        if request.FILES.get("image"):
            form.add_error("image", _("The image was not sent. Choose it again before you send."))
    else:
        form = IdeaForm(initial={"campaign": chosen.slug if chosen else ""}, **form_kwargs)
    form.fetch_similar_from(f"{reverse('ideas:similar')}?{urlencode({'board': found_board.slug})}")
    context = {
        "board": found_board,
        "campaign": chosen,
        "form": form,
        "similar": similar,
        "checked": similar is not None,
        "image_dropped": image_dropped,
    }
    return render(request, "ideas/new.html", context, status=status)


@require_GET
def similar(request: HttpRequest) -> HttpResponse:
    """Similar ideas of what is being typed: a part of the form page for htmx, or a page."""
    found_board = found(selectors.board_for, actor=request.user, slug=request.GET.get("board", ""))
    campaigns = _open_campaigns_of(request, found_board)
    chosen = _campaign_asked(request, campaigns)
    status = 200
    ideas: list[Any] | None = None
    if _limited(request, "ideas-similar", SIMILAR_RATE) is not None:
        status = 429
    else:
        ideas = _similar(
            request, found_board, chosen, request.GET.get("title", ""), request.GET.get("body", "")
        )
    context = {
        "board": found_board,
        "similar": ideas,
        "checked": ideas is not None,
        "in_form": is_htmx(request),
    }
    template = "ideas/_similar.html" if is_htmx(request) else "ideas/similar.html"
    return render(request, template, context, status=status)


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    context = {
        "own": selectors.my_ideas(actor=user),
        "followed": selectors.browse_ideas(actor=user, filters=selectors.IdeaFilters())
        .filter(follows__person=user)
        .exclude(author=user),
    }
    return render(request, "ideas/mine.html", context)
